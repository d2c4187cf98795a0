import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { functionCodeSigningRequired } from "../../../policies/lambda/functionCodeSigningRequired";

describe("lambda-function-code-signing-required", () => {
    judgesSetting(functionCodeSigningRequired, {
        type: "aws:lambda/function:Function",
        name: "handler",
        base: { runtime: "nodejs22.x", handler: "index.handler", role: UNKNOWN },
        passes: {
        "a code signing configuration": { codeSigningConfigArn: UNKNOWN },
    },
        fails: {
        "an empty configuration": { codeSigningConfigArn: "" },
    },
        absent: "fails",
        unknown: { codeSigningConfigArn: UNKNOWN },
    unknownMeans: "present",
        mentions: ["codeSigningConfigArn"],
    });
});

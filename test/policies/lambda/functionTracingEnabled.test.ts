import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { functionTracingEnabled } from "../../../policies/lambda/functionTracingEnabled";

describe("lambda-function-tracing-enabled", () => {
    judgesSetting(functionTracingEnabled, {
        type: "aws:lambda/function:Function",
        name: "handler",
        base: { runtime: "nodejs22.x", handler: "index.handler", role: UNKNOWN },
        passes: {
        "Active": { tracingConfig: { mode: "Active" } },
    },
        fails: {
        "PassThrough": { tracingConfig: { mode: "PassThrough" } },
    },
        absent: "fails",
        unknown: { tracingConfig: { mode: UNKNOWN } },
        mentions: ["tracingConfig.mode"],
    });
});

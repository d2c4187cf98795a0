import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { functionConcurrencyRequired } from "../../../policies/lambda/functionConcurrencyRequired";

describe("lambda-function-concurrency-required", () => {
    judgesSetting(functionConcurrencyRequired, {
        type: "aws:lambda/function:Function",
        name: "handler",
        base: { runtime: "nodejs22.x", handler: "index.handler", role: UNKNOWN },
        passes: {
        "a reservation of 10": { reservedConcurrentExecutions: 10 },
    },
        fails: {
        "a reservation of 0 (throttled)": { reservedConcurrentExecutions: 0 },
    },
        absent: "fails",
        unknown: { reservedConcurrentExecutions: UNKNOWN },
        mentions: ["reservedConcurrentExecutions"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { stateMachineTracingEnabled } from "../../../policies/sfn/stateMachineTracingEnabled";

describe("sfn-state-machine-tracing-enabled", () => {
    judgesSetting(stateMachineTracingEnabled, {
        type: "aws:sfn/stateMachine:StateMachine",
        name: "provisioning",
        base: { definition: "{}", roleArn: UNKNOWN },
        passes: {
        "tracing on": { tracingConfiguration: { enabled: true } },
    },
        fails: {
        "tracing off": { tracingConfiguration: { enabled: false } },
    },
        absent: "fails",
        unknown: { tracingConfiguration: UNKNOWN },
        mentions: ["tracingConfiguration.enabled"],
    });
});

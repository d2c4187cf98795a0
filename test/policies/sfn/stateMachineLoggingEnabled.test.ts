import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { stateMachineLoggingEnabled } from "../../../policies/sfn/stateMachineLoggingEnabled";

describe("sfn-state-machine-logging-enabled", () => {
    judgesSetting(stateMachineLoggingEnabled, {
        type: "aws:sfn/stateMachine:StateMachine",
        name: "provisioning",
        base: { definition: "{}", roleArn: UNKNOWN },
        passes: {
        "ALL": { loggingConfiguration: { level: "ALL", includeExecutionData: true, logDestination: UNKNOWN } },
    },
        fails: {
        "ERROR only": { loggingConfiguration: { level: "ERROR", logDestination: UNKNOWN } },
    },
        absent: "fails",
        unknown: { loggingConfiguration: UNKNOWN },
        mentions: ["loggingConfiguration.level"],
    });
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const SM = "aws:sfn/stateMachine:StateMachine";

export const stateMachineLoggingEnabled = withAwsDefault(resourcePolicy({
    name: "sfn-state-machine-logging-enabled",
    description: "State machines log every execution event to CloudWatch Logs (loggingConfiguration.level ALL).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["logging"],
    resourceTypes: [SM],
    remediation: "Set loggingConfiguration: { level: \"ALL\", includeExecutionData: true, logDestination: \"<log group ARN>:*\" }.",
    url: "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["loggingConfiguration", "level"], kind: "string", absent: "OFF",
            accept: (level) => level.toUpperCase() === "ALL",
            what: "which execution events are logged",
            problem: "so executions leave no step-by-step record",
            fix: "Set loggingConfiguration.level: \"ALL\" with a log destination.",
        });
    },
}), {
    behaviour: "Execution logging is OFF unless a logging configuration is set.",
    source: "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
    checked: "2026-12-04",
});

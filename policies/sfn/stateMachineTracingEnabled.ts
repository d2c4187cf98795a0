import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const SM = "aws:sfn/stateMachine:StateMachine";

export const stateMachineTracingEnabled = withAwsDefault(resourcePolicy({
    name: "sfn-state-machine-tracing-enabled",
    description: "State machines trace executions with X-Ray (tracingConfiguration.enabled).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["logging"],
    resourceTypes: [SM],
    remediation: "Set tracingConfiguration: { enabled: true }.",
    url: "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["tracingConfiguration", "enabled"], false, {
            what: "whether executions are traced",
            problem: "so executions are not traced across the services they call",
            fix: "Set tracingConfiguration: { enabled: true }.",
        });
    },
}), {
    behaviour: "X-Ray tracing is off for a state machine unless it is enabled.",
    source: "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html",
    checked: "2026-12-04",
});

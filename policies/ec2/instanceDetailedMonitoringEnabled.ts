import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const INSTANCE = "aws:ec2/instance:Instance";

export const instanceDetailedMonitoringEnabled = withAwsDefault(resourcePolicy({
    name: "ec2-instance-detailed-monitoring-enabled",
    description: "Instances publish one-minute CloudWatch metrics (detailed monitoring).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["logging"],
    resourceTypes: [INSTANCE],
    remediation: "Set monitoring: true (about $2.10 per instance per month for the extra metrics).",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["monitoring"], false, {
            what: "whether detailed monitoring is on",
            problem: "so alarms see five-minute metrics only",
            fix: "Set monitoring: true.",
        });
    },
}), {
    behaviour: "Instances launched through the API have basic (five-minute) monitoring unless Monitoring.Enabled is true.",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

export const metricAlarmActionsEnabled = withAwsDefault(resourcePolicy({
    name: "cloudwatch-metric-alarm-actions-enabled",
    description: "Alarms have their actions enabled, so a breach notifies someone.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["logging", "resilience"],
    resourceTypes: [ALARM],
    remediation: "Set actionsEnabled: true (or leave it out).",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["actionsEnabled"], true, {
            what: "whether the alarm acts",
            problem: "so the alarm changes state but notifies nobody",
            fix: "Set actionsEnabled: true (or leave it out).",
        });
    },
}), {
    behaviour: "Alarm actions are enabled unless ActionsEnabled is false.",
    source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
    checked: "2026-12-04",
});

import { integer } from "../lib/config";
import { resourcePolicy } from "../lib/policy";
import { num, UNKNOWN } from "../lib/values";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

export const logGroupRetentionRequired = resourcePolicy({
    name: "cloudwatch-log-group-retention-required",
    description: "Every log group sets retentionInDays (at least the configured minimum); without it logs are kept, and billed, forever.",
    severity: "medium",
    // AWS's own default for this setting is the weaker one, so a plan that says nothing keeps the
    // default rather than weakening it: mandatory only where a stack config asks (policies/config/).
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "CloudWatch.16" }],
    topics: ["logging"],
    resourceTypes: [LOG_GROUP],
    remediation: "Set retentionInDays (for example 30 in dev, 365 in prod).",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
    config: {
        minimumRetentionDays: integer("Smallest accepted retentionInDays.", 1, 1),
    },
    check(r, config, report) {
        const days = num(r.props.retentionInDays);
        if (days === UNKNOWN) return report.unknown("the log retention", "retentionInDays");
        if (days === undefined || days === 0) {
            return report.violation(`retentionInDays is ${days === 0 ? "0 (never expire)" : "not set"}, so logs are kept and billed forever. Set retentionInDays, for example 30 in dev and 365 in prod.`);
        }
        if (days < config.minimumRetentionDays) {
            report.violation(`retentionInDays is ${days}, below this stack's minimum of ${config.minimumRetentionDays} days. Raise retentionInDays to at least ${config.minimumRetentionDays}.`);
        }
    },
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const LG = "aws:cloudwatch/logGroup:LogGroup";

export const logGroupCustomerManagedKey = withAwsDefault(resourcePolicy({
    name: "cloudwatch-log-group-customer-managed-key",
    description: "Log groups encrypt their events with a customer-managed KMS key (kmsKeyId).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption", "logging"],
    resourceTypes: [LG],
    remediation: "Set kmsKeyId to a customer-managed key whose policy lets logs.<region>.amazonaws.com use it.",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["kmsKeyId"], {
            what: "which key encrypts the log group",
            problem: "so log events are encrypted with a service key no key policy of yours controls",
            fix: "Set kmsKeyId to a customer-managed key.",
        });
    },
}), {
    behaviour: "CloudWatch Logs encrypts log data at rest with service-owned keys unless a KMS key is associated.",
    source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
    checked: "2026-12-04",
});

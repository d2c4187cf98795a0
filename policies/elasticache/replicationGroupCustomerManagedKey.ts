import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";

export const replicationGroupCustomerManagedKey = withAwsDefault(resourcePolicy({
    name: "elasticache-replication-group-customer-managed-key",
    description: "Replication groups encrypt data at rest with a customer-managed KMS key (kmsKeyId).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [RG],
    remediation: "Set kmsKeyId to a customer-managed key (with atRestEncryptionEnabled: true).",
    url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["kmsKeyId"], {
            what: "which key encrypts the cache",
            problem: "so cache data and backups are encrypted with an AWS-owned key no key policy of yours controls",
            fix: "Set kmsKeyId to a customer-managed KMS key.",
        });
    },
}), {
    behaviour: "At-rest encryption uses an AWS-owned key unless kmsKeyId names a customer-managed key.",
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html",
    checked: "2026-12-04",
});

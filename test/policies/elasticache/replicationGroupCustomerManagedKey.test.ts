import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { replicationGroupCustomerManagedKey } from "../../../policies/elasticache/replicationGroupCustomerManagedKey";

describe("elasticache-replication-group-customer-managed-key", () => {
    judgesSetting(replicationGroupCustomerManagedKey, {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        name: "sessions",
        base: { description: "sessions", engine: "redis", nodeType: "cache.t4g.micro", atRestEncryptionEnabled: true, transitEncryptionEnabled: true },
        passes: {
        "a customer-managed key": { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" },
    },
        fails: {
        "an empty key": { kmsKeyId: "" },
    },
        absent: "fails",
        unknown: { kmsKeyId: UNKNOWN },
    unknownMeans: "present",
        mentions: ["kmsKeyId"],
    });
});

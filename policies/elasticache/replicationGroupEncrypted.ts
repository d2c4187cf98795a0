import { requireFlag } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";
import { DOCS, REPLICATION_GROUP } from "./shared";

export const replicationGroupEncrypted = resourcePolicy({
    name: "elasticache-replication-group-encrypted",
    description: "Replication groups encrypt data at rest and in transit.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ElastiCache.4" }, { framework: "fsbp", control: "ElastiCache.5" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [REPLICATION_GROUP],
    remediation: "Set atRestEncryptionEnabled: true and transitEncryptionEnabled: true.",
    url: DOCS,
    check(r, _config, report) {
        requireFlag(r.props, ["atRestEncryptionEnabled"], report, {
            what: "whether the cache is encrypted at rest",
            problem: "so snapshots and swap hold session data in clear",
            fix: "Set atRestEncryptionEnabled: true (it can only be set when the group is created).",
        });
        requireFlag(r.props, ["transitEncryptionEnabled"], report, {
            what: "whether the cache is encrypted in transit",
            problem: "so clients talk to the cache in clear text inside the VPC",
            fix: "Set transitEncryptionEnabled: true and connect with TLS (rediss://).",
        });
    },
});

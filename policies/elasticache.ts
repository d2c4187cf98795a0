/**
 * ElastiCache (Redis/Valkey replication groups): encrypted at rest and in transit, with AUTH or RBAC.
 */
import { requireFlag } from "./lib/checks";
import { type PackPolicy, resourcePolicy } from "./lib/policy";
import { list, UNKNOWN } from "./lib/values";

export const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html";

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

export const replicationGroupAuth = resourcePolicy({
    name: "elasticache-replication-group-auth-required",
    description: "Replication groups require authentication: an AUTH token or RBAC user groups.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ElastiCache.6" }],
    topics: ["identity", "data-protection"],
    resourceTypes: [REPLICATION_GROUP],
    remediation: "Set authToken (from a Pulumi secret) or userGroupIds.",
    url: DOCS,
    check(r, _config, report) {
        if (r.props.authToken !== undefined || r.props.authTokenWo !== undefined) return;
        const groups = list(r.props.userGroupIds);
        if (groups === UNKNOWN) return report.unknown("whether the cache requires authentication", "userGroupIds");
        if (groups !== undefined && groups.length > 0) return;
        report.violation("has neither an AUTH token nor RBAC user groups, so anything that reaches the cache port can read and write every key. "
            + "Set authToken (from a Pulumi secret, with transit encryption on) or userGroupIds.");
    },
});

export const elasticachePolicies: readonly PackPolicy[] = [replicationGroupEncrypted, replicationGroupAuth];

import { resourcePolicy } from "../lib/policy";
import { list, UNKNOWN } from "../lib/values";
import { DOCS, REPLICATION_GROUP } from "./shared";

export const replicationGroupAuthRequired = resourcePolicy({
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

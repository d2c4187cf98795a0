import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";

export const replicationGroupFailoverEnabled = withAwsDefault(resourcePolicy({
    name: "elasticache-replication-group-failover-enabled",
    description: "Replication groups fail over automatically to a replica in another zone (automaticFailoverEnabled and multiAzEnabled).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ElastiCache.3" }],
    topics: ["resilience"],
    resourceTypes: [RG],
    remediation: "Set numCacheClusters: 2 or more, automaticFailoverEnabled: true and multiAzEnabled: true.",
    url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["multiAzEnabled"], false, {
            what: "whether replicas sit in other zones",
            problem: "so losing the primary's zone loses the cache",
            fix: "Set multiAzEnabled: true with automaticFailoverEnabled: true.",
        });
        checkFlagOn(r.props, report, ["automaticFailoverEnabled"], false, {
            what: "whether a replica takes over from a failed primary",
            problem: "so a failed primary means downtime until it is replaced",
            fix: "Set automaticFailoverEnabled: true with two or more nodes.",
        });
    },
}), {
    behaviour: "Automatic failover and Multi-AZ are off for a new replication group unless both are enabled.",
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
    checked: "2026-12-04",
});

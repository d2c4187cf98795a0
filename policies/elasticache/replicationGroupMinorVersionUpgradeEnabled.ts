import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";

export const replicationGroupMinorVersionUpgradeEnabled = withAwsDefault(resourcePolicy({
    name: "elasticache-replication-group-minor-version-upgrade-enabled",
    description: "Caches take minor engine upgrades (security patches) in their maintenance window.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ElastiCache.2" }],
    topics: ["resilience"],
    resourceTypes: [RG, CLUSTER],
    remediation: "Leave autoMinorVersionUpgrade out (true) or set it to true.",
    url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["autoMinorVersionUpgrade"], true, {
            what: "whether minor upgrades are applied",
            problem: "so engine security patches are never applied automatically",
            fix: "Set autoMinorVersionUpgrade: true (or leave it out).",
        });
    },
}), {
    behaviour: "AutoMinorVersionUpgrade is true unless set to false.",
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";
import { UNKNOWN, str } from "../lib/values";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";

export const replicationGroupBackupsEnabled = withAwsDefault(resourcePolicy({
    name: "elasticache-replication-group-backups-enabled",
    description: "Redis/Valkey caches keep automatic snapshots (snapshotRetentionLimit of at least one day).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ElastiCache.1" }],
    topics: ["resilience"],
    resourceTypes: [RG, CLUSTER],
    remediation: "Set snapshotRetentionLimit to 1 or more (Memcached clusters cannot snapshot and are skipped).",
    url: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html",
    check(r, _config, report) {
        const engine = str(r.props.engine);
        if (engine === UNKNOWN) return report.unknown("whether the engine can snapshot", "engine");
        if (engine?.toLowerCase() === "memcached") return;
        checkSetting(r.props, report, {
            path: ["snapshotRetentionLimit"], kind: "number", absent: 0,
            accept: (days) => days >= 1,
            what: "whether automatic snapshots are kept",
            problem: "so there is no automatic snapshot of the cache to restore",
            fix: "Set snapshotRetentionLimit: 1 or more.",
        });
    },
}), {
    behaviour: "Automatic backups are off (SnapshotRetentionLimit 0) unless a retention is set.",
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html",
    checked: "2026-12-04",
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { replicationGroupBackupsEnabled } from "../../../policies/elasticache/replicationGroupBackupsEnabled";

describe("elasticache-replication-group-backups-enabled", () => {
    judgesSetting(replicationGroupBackupsEnabled, {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        name: "sessions",
        base: { description: "sessions", engine: "redis", nodeType: "cache.t4g.micro", atRestEncryptionEnabled: true, transitEncryptionEnabled: true },
        passes: {
        "a week of snapshots": { snapshotRetentionLimit: 7 },
    },
        fails: {
        "snapshotRetentionLimit: 0": { snapshotRetentionLimit: 0 },
    },
        absent: "fails",
        unknown: { snapshotRetentionLimit: UNKNOWN },
        mentions: ["snapshotRetentionLimit"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { replicationGroupMinorVersionUpgradeEnabled } from "../../../policies/elasticache/replicationGroupMinorVersionUpgradeEnabled";

describe("elasticache-replication-group-minor-version-upgrade-enabled", () => {
    judgesSetting(replicationGroupMinorVersionUpgradeEnabled, {
        type: "aws:elasticache/cluster:Cluster",
        name: "cache",
        base: { engine: "redis", nodeType: "cache.t4g.micro" },
        passes: {
        "true": { autoMinorVersionUpgrade: true },
        "the provider's string \"true\"": { autoMinorVersionUpgrade: "true" },
    },
        fails: {
        "false": { autoMinorVersionUpgrade: "false" },
    },
        absent: "passes",
        unknown: { autoMinorVersionUpgrade: UNKNOWN },
        mentions: ["autoMinorVersionUpgrade is false"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { replicationGroupFailoverEnabled } from "../../../policies/elasticache/replicationGroupFailoverEnabled";

describe("elasticache-replication-group-failover-enabled", () => {
    judgesSetting(replicationGroupFailoverEnabled, {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        name: "sessions",
        base: { description: "sessions", engine: "redis", nodeType: "cache.t4g.micro", atRestEncryptionEnabled: true, transitEncryptionEnabled: true, multiAzEnabled: true },
        passes: {
        "failover and Multi-AZ": { automaticFailoverEnabled: true },
    },
        fails: {
        "failover off": { automaticFailoverEnabled: false },
        "Multi-AZ off": { automaticFailoverEnabled: true, multiAzEnabled: false },
    },
        absent: "fails",
        unknown: { automaticFailoverEnabled: UNKNOWN },
        mentions: ["Enabled"],
    });
});

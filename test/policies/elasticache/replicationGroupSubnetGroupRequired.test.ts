import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { replicationGroupSubnetGroupRequired } from "../../../policies/elasticache/replicationGroupSubnetGroupRequired";

describe("elasticache-replication-group-subnet-group-required", () => {
    judgesSetting(replicationGroupSubnetGroupRequired, {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        name: "sessions",
        base: { description: "sessions", engine: "redis", nodeType: "cache.t4g.micro", atRestEncryptionEnabled: true, transitEncryptionEnabled: true },
        passes: {
        "a subnet group": { subnetGroupName: "sessions-private" },
    },
        fails: {
        "an empty subnet group": { subnetGroupName: "" },
    },
        absent: "fails",
        unknown: { subnetGroupName: UNKNOWN },
    unknownMeans: "present",
        mentions: ["subnetGroupName"],
    });
});

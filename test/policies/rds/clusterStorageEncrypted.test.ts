import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { clusterStorageEncrypted } from "../../../policies/rds/clusterStorageEncrypted";

describe("rds-cluster-storage-encrypted", () => {
    judgesSetting(clusterStorageEncrypted, {
        type: "aws:rds/cluster:Cluster",
        name: "aurora",
        base: { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true },
        passes: {
        "an encrypted cluster": { storageEncrypted: true },
    },
        fails: {
        "storageEncrypted: false": { storageEncrypted: false },
    },
        absent: "fails",
        unknown: { storageEncrypted: UNKNOWN },
        mentions: ["storageEncrypted"],
    });
});

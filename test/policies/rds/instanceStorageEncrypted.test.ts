import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceStorageEncrypted } from "../../../policies/rds/instanceStorageEncrypted";

describe("rds-instance-storage-encrypted", () => {
    judgesSetting(instanceStorageEncrypted, {
        type: "aws:rds/instance:Instance",
        name: "db",
        base: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true },
        passes: {
        "an encrypted instance": { storageEncrypted: true },
        "an instance encrypted with a customer key": { storageEncrypted: true, kmsKeyId: UNKNOWN },
    },
        fails: {
        "storageEncrypted: false": { storageEncrypted: false },
        "storageEncrypted given as the string \"false\"": { storageEncrypted: "false" },
    },
        absent: "fails",
        unknown: { storageEncrypted: UNKNOWN },
        mentions: ["storageEncrypted", "storageEncrypted: true"],
    });
});

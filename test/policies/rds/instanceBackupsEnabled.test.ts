import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceBackupsEnabled } from "../../../policies/rds/instanceBackupsEnabled";

describe("rds-instance-backups-enabled", () => {
    judgesSetting(instanceBackupsEnabled, {
        type: "aws:rds/instance:Instance",
        name: "db",
        base: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true },
        passes: {
        "a week of backups": { backupRetentionPeriod: 7 },
    },
        fails: {
        "backupRetentionPeriod: 0": { backupRetentionPeriod: 0 },
    },
        absent: "passes",
        unknown: { backupRetentionPeriod: UNKNOWN },
        mentions: ["backupRetentionPeriod is 0"],
    });
});

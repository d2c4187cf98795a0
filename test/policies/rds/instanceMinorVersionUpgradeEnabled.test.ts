import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceMinorVersionUpgradeEnabled } from "../../../policies/rds/instanceMinorVersionUpgradeEnabled";

describe("rds-instance-minor-version-upgrade-enabled", () => {
    judgesSetting(instanceMinorVersionUpgradeEnabled, {
        type: "aws:rds/instance:Instance",
        name: "db",
        base: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true },
        passes: {
        "autoMinorVersionUpgrade: true": { autoMinorVersionUpgrade: true },
    },
        fails: {
        "autoMinorVersionUpgrade: false": { autoMinorVersionUpgrade: false },
    },
        absent: "passes",
        unknown: { autoMinorVersionUpgrade: UNKNOWN },
        mentions: ["autoMinorVersionUpgrade is false"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceDeletionProtected } from "../../../policies/rds/instanceDeletionProtected";

describe("rds-instance-deletion-protected", () => {
    judgesSetting(instanceDeletionProtected, {
        type: "aws:rds/instance:Instance",
        name: "db",
        base: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, username: "app", manageMasterUserPassword: true },
        passes: {
        "deletionProtection: true": { deletionProtection: true },
    },
        fails: {
        "deletionProtection: false": { deletionProtection: false },
    },
        absent: "fails",
        unknown: { deletionProtection: UNKNOWN },
        mentions: ["deletionProtection"],
    });
});

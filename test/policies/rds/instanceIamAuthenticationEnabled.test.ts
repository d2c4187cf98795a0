import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceIamAuthenticationEnabled } from "../../../policies/rds/instanceIamAuthenticationEnabled";

describe("rds-instance-iam-authentication-enabled", () => {
    judgesSetting(instanceIamAuthenticationEnabled, {
        type: "aws:rds/cluster:Cluster",
        name: "aurora",
        base: { engine: "aurora-postgresql", masterUsername: "app", manageMasterUserPassword: true },
        passes: {
        "IAM authentication on": { iamDatabaseAuthenticationEnabled: true },
    },
        fails: {
        "IAM authentication off": { iamDatabaseAuthenticationEnabled: false },
    },
        absent: "fails",
        unknown: { iamDatabaseAuthenticationEnabled: UNKNOWN },
        mentions: ["iamDatabaseAuthenticationEnabled"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { userPoolMfaRequired } from "../../../policies/cognito/userPoolMfaRequired";

describe("cognito-user-pool-mfa-required", () => {
    judgesSetting(userPoolMfaRequired, {
        type: "aws:cognito/userPool:UserPool",
        name: "users",
        base: { passwordPolicy: { minimumLength: 14 } },
        passes: {
        "MFA on": { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } },
    },
        fails: {
        "optional MFA": { mfaConfiguration: "OPTIONAL" },
        "MFA off": { mfaConfiguration: "OFF" },
    },
        absent: "fails",
        unknown: { mfaConfiguration: UNKNOWN },
        mentions: ["mfaConfiguration"],
    });
});

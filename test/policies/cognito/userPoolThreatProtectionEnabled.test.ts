import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { userPoolThreatProtectionEnabled } from "../../../policies/cognito/userPoolThreatProtectionEnabled";

describe("cognito-user-pool-threat-protection-enabled", () => {
    judgesSetting(userPoolThreatProtectionEnabled, {
        type: "aws:cognito/userPool:UserPool",
        name: "users",
        base: { mfaConfiguration: "ON" },
        passes: {
        "ENFORCED": { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } },
    },
        fails: {
        "AUDIT only": { userPoolAddOns: { advancedSecurityMode: "AUDIT" } },
    },
        absent: "fails",
        unknown: { userPoolAddOns: UNKNOWN },
        mentions: ["advancedSecurityMode"],
    });
});

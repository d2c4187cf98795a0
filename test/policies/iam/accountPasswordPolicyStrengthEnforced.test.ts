import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { accountPasswordPolicyStrengthEnforced } from "../../../policies/iam/accountPasswordPolicyStrengthEnforced";

describe("iam-account-password-policy-strength-enforced", () => {
    judgesSetting(accountPasswordPolicyStrengthEnforced, {
        type: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
        name: "account",
        base: { passwordReusePrevention: 24, maxPasswordAge: 90, requireUppercaseCharacters: true, requireLowercaseCharacters: true, requireNumbers: true, requireSymbols: true },
        passes: {
        "a 14-character policy": { minimumPasswordLength: 14 },
        "a 20-character policy": { minimumPasswordLength: 20 },
    },
        fails: {
        "an 8-character policy": { minimumPasswordLength: 8 },
        "reuse of the last 5 only": { minimumPasswordLength: 14, passwordReusePrevention: 5 },
        "a 365-day expiry": { minimumPasswordLength: 14, maxPasswordAge: 365 },
        "no symbols required": { minimumPasswordLength: 14, requireSymbols: false },
    },
        absent: "fails",
        unknown: { minimumPasswordLength: UNKNOWN },
        mentions: ["Set "],
    });
});

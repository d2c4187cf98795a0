import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { keyLockoutSafetyEnabled } from "../../../policies/kms/keyLockoutSafetyEnabled";

describe("kms-key-lockout-safety-enabled", () => {
    judgesSetting(keyLockoutSafetyEnabled, {
        type: "aws:kms/key:Key",
        name: "state",
        base: { description: "state" },
        passes: {
        "false": { bypassPolicyLockoutSafetyCheck: false },
    },
        fails: {
        "true": { bypassPolicyLockoutSafetyCheck: true },
    },
        absent: "passes",
        unknown: { bypassPolicyLockoutSafetyCheck: UNKNOWN },
        mentions: ["bypassPolicyLockoutSafetyCheck is true"],
    });
});

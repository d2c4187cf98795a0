import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { keyEnabled } from "../../../policies/kms/keyEnabled";

describe("kms-key-enabled", () => {
    judgesSetting(keyEnabled, {
        type: "aws:kms/key:Key",
        name: "state",
        base: { description: "state", enableKeyRotation: true },
        passes: {
        "enabled": { isEnabled: true },
    },
        fails: {
        "disabled": { isEnabled: false },
    },
        absent: "passes",
        unknown: { isEnabled: UNKNOWN },
        mentions: ["isEnabled is false"],
    });
});

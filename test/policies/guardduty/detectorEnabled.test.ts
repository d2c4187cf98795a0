import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { detectorEnabled } from "../../../policies/guardduty/detectorEnabled";

describe("guardduty-detector-enabled", () => {
    judgesSetting(detectorEnabled, {
        type: "aws:guardduty/detector:Detector",
        name: "main",
        base: { findingPublishingFrequency: "FIFTEEN_MINUTES" },
        passes: {
        "enabled": { enable: true },
    },
        fails: {
        "suspended": { enable: false },
    },
        absent: "passes",
        unknown: { enable: UNKNOWN },
        mentions: ["enable is false"],
    });
});

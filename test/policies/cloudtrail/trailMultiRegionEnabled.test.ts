import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { trailMultiRegionEnabled } from "../../../policies/cloudtrail/trailMultiRegionEnabled";

describe("cloudtrail-trail-multi-region-enabled", () => {
    judgesSetting(trailMultiRegionEnabled, {
        type: "aws:cloudtrail/trail:Trail",
        name: "org",
        base: { s3BucketName: UNKNOWN, enableLogFileValidation: true },
        passes: {
        "a multi-region trail": { isMultiRegionTrail: true },
    },
        fails: {
        "a single-region trail": { isMultiRegionTrail: false },
    },
        absent: "fails",
        unknown: { isMultiRegionTrail: UNKNOWN },
        mentions: ["isMultiRegionTrail"],
    });
});

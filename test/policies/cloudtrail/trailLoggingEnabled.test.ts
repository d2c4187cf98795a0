import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { trailLoggingEnabled } from "../../../policies/cloudtrail/trailLoggingEnabled";

describe("cloudtrail-trail-logging-enabled", () => {
    judgesSetting(trailLoggingEnabled, {
        type: "aws:cloudtrail/trail:Trail",
        name: "org",
        base: { s3BucketName: UNKNOWN, enableLogFileValidation: true },
        passes: {
        "logging on": { enableLogging: true },
    },
        fails: {
        "logging off": { enableLogging: false },
    },
        absent: "passes",
        unknown: { enableLogging: UNKNOWN },
        mentions: ["enableLogging is false"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { trailCloudwatchLogging } from "../../../policies/cloudtrail/trailCloudwatchLogging";

describe("cloudtrail-trail-cloudwatch-logging", () => {
    judgesSetting(trailCloudwatchLogging, {
        type: "aws:cloudtrail/trail:Trail",
        name: "org",
        base: { s3BucketName: UNKNOWN, enableLogFileValidation: true },
        passes: {
        "a log group": { cloudWatchLogsGroupArn: UNKNOWN, cloudWatchLogsRoleArn: UNKNOWN },
    },
        fails: {
        "an empty log group": { cloudWatchLogsGroupArn: "" },
    },
        absent: "fails",
        unknown: { cloudWatchLogsGroupArn: UNKNOWN },
    unknownMeans: "present",
        mentions: ["cloudWatchLogsGroupArn"],
    });
});

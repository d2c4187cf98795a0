import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { trailSnsTopicRequired } from "../../../policies/cloudtrail/trailSnsTopicRequired";

describe("cloudtrail-trail-sns-topic-required", () => {
    judgesSetting(trailSnsTopicRequired, {
        type: "aws:cloudtrail/trail:Trail",
        name: "org",
        base: { s3BucketName: UNKNOWN, enableLogFileValidation: true },
        passes: {
        "a topic": { snsTopicName: "trail-deliveries" },
    },
        fails: {
        "an empty topic": { snsTopicName: "" },
    },
        absent: "fails",
        unknown: { snsTopicName: UNKNOWN },
    unknownMeans: "present",
        mentions: ["snsTopicName"],
    });
});

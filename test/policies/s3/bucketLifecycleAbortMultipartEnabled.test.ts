import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { bucketLifecycleAbortMultipartEnabled } from "../../../policies/s3/bucketLifecycleAbortMultipartEnabled";

describe("s3-bucket-lifecycle-abort-multipart-enabled", () => {
    judgesSetting(bucketLifecycleAbortMultipartEnabled, {
        type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        name: "uploads-lifecycle",
        base: { bucket: UNKNOWN },
        passes: {
        "a 7-day abort rule": { rules: [{ id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] },
    },
        fails: {
        "an expiry rule only": { rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 30 } }] },
        "a disabled abort rule": { rules: [{ id: "abort", status: "Disabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] },
    },
        absent: "fails",
        unknown: { rules: UNKNOWN },
        mentions: ["abortIncompleteMultipartUpload"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { streamEncrypted } from "../../../policies/kinesis/streamEncrypted";

describe("kinesis-stream-encrypted", () => {
    judgesSetting(streamEncrypted, {
        type: "aws:kinesis/stream:Stream",
        name: "events",
        base: { shardCount: 1 },
        passes: {
        "KMS encryption": { encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" },
    },
        fails: {
        "encryptionType NONE": { encryptionType: "NONE" },
    },
        absent: "fails",
        unknown: { encryptionType: UNKNOWN },
        mentions: ["encryptionType", "\"KMS\""],
    });
});

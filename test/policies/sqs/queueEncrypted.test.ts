import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { queueEncrypted } from "../../../policies/sqs/queueEncrypted";

describe("sqs-queue-encrypted", () => {
    judgesSetting(queueEncrypted, {
        type: "aws:sqs/queue:Queue",
        name: "jobs",
        base: { visibilityTimeoutSeconds: 30 },
        passes: {
        "SSE-SQS on": { sqsManagedSseEnabled: true },
        "a KMS key": { kmsMasterKeyId: "alias/aws/sqs" },
        "a KMS key not known during preview": { sqsManagedSseEnabled: false, kmsMasterKeyId: UNKNOWN },
    },
        fails: {
        "sqsManagedSseEnabled: false": { sqsManagedSseEnabled: false },
    },
        absent: "passes",
        unknown: { sqsManagedSseEnabled: UNKNOWN },
        mentions: ["sqsManagedSseEnabled is false"],
    });
});

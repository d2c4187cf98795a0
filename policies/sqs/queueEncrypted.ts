import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";
import { UNKNOWN, at } from "../lib/values";

const QUEUE = "aws:sqs/queue:Queue";

export const queueEncrypted = withAwsDefault(resourcePolicy({
    name: "sqs-queue-encrypted",
    description: "Queues encrypt messages at rest (SSE-SQS, on by default, or SSE-KMS); none turns encryption off.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "SQS.1" }],
    topics: ["encryption"],
    resourceTypes: [QUEUE],
    remediation: "Leave sqsManagedSseEnabled out (SSE-SQS is the default) or set kmsMasterKeyId; never sqsManagedSseEnabled: false without a key.",
    url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
    check(r, _config, report) {
        // A KMS key replaces SSE-SQS: the queue is encrypted whatever sqsManagedSseEnabled says.
        const key = at(r.props, "kmsMasterKeyId");
        if (key === UNKNOWN || (typeof key === "string" && key.trim() !== "")) return;
        checkFlagOn(r.props, report, ["sqsManagedSseEnabled"], true, {
            what: "whether messages are encrypted at rest",
            problem: "and no kmsMasterKeyId is set, so messages are stored unencrypted",
            fix: "Remove sqsManagedSseEnabled: false (SSE-SQS is the default) or set kmsMasterKeyId.",
        });
    },
}), {
    behaviour: "New queues are encrypted with SSE-SQS by default (since October 2022) unless SqsManagedSseEnabled is false and no KMS key is set.",
    source: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
    checked: "2026-12-04",
});

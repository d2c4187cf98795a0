import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const STREAM = "aws:kinesis/stream:Stream";

export const streamEncrypted = withAwsDefault(resourcePolicy({
    name: "kinesis-stream-encrypted",
    description: "Kinesis data streams encrypt records at rest with KMS (encryptionType KMS).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "Kinesis.1" }],
    topics: ["encryption"],
    resourceTypes: [STREAM],
    remediation: "Set encryptionType: \"KMS\" and kmsKeyId (\"alias/aws/kinesis\" or a customer-managed key).",
    url: "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["encryptionType"], kind: "string", absent: "NONE",
            accept: (type) => type.toUpperCase() === "KMS",
            what: "whether records are encrypted at rest",
            problem: "so records are stored unencrypted",
            fix: "Set encryptionType: \"KMS\" with kmsKeyId \"alias/aws/kinesis\" or a customer-managed key.",
        });
    },
}), {
    behaviour: "A stream is created without server-side encryption (EncryptionType NONE) unless encryption is started for it.",
    source: "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html",
    checked: "2026-12-04",
});

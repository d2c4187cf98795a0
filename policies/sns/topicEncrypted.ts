import { requirePresent } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";

const TOPIC = "aws:sns/topic:Topic";

export const topicEncrypted = resourcePolicy({
    name: "sns-topic-encrypted",
    description: "Topics encrypt messages at rest with a KMS key (kmsMasterKeyId).",
    severity: "medium",
    // AWS's own default for this setting is the weaker one, so a plan that says nothing keeps the
    // default rather than weakening it: mandatory only where a stack config asks (policies/config/).
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "SNS.1" }],
    topics: ["encryption"],
    resourceTypes: [TOPIC],
    remediation: "Set kmsMasterKeyId (a customer-managed key that CloudWatch may use, for alarm topics).",
    url: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
    check(r, _config, report) {
        requirePresent(r.props, ["kmsMasterKeyId"], report, {
            what: "whether the topic is encrypted",
            problem: "so messages are stored unencrypted",
            fix: "Set kmsMasterKeyId to a customer-managed key (for alarm topics its policy must let cloudwatch.amazonaws.com use it).",
        });
    },
});

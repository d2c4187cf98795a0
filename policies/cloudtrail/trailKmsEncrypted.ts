import { requirePresent } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";
import { DOCS, TRAIL } from "./shared";

export const trailKmsEncrypted = resourcePolicy({
    name: "cloudtrail-trail-kms-encrypted",
    description: "Trails encrypt log files with a customer-managed KMS key (costs a key: $1/month plus requests).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "CloudTrail.2" }, { framework: "cis", control: "3.5" }],
    topics: ["logging", "encryption"],
    resourceTypes: [TRAIL],
    remediation: "Set kmsKeyId to a customer-managed key whose policy lets CloudTrail encrypt.",
    url: DOCS,
    check(r, _config, report) {
        requirePresent(r.props, ["kmsKeyId"], report, {
            what: "whether the trail uses a KMS key",
            problem: "so the logs are only protected by S3's default encryption and anyone who can read the bucket can read them",
            fix: "Set kmsKeyId to a customer-managed key whose policy lets cloudtrail.amazonaws.com encrypt.",
        });
    },
});

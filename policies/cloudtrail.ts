/**
 * CloudTrail: log file integrity validation and KMS encryption.
 */
import { requireFlag, requirePresent } from "./lib/checks";
import { type PackPolicy, resourcePolicy } from "./lib/policy";

export const TRAIL = "aws:cloudtrail/trail:Trail";
const DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html";

export const trailLogFileValidation = resourcePolicy({
    name: "cloudtrail-trail-log-file-validation",
    description: "Trails validate log file integrity (signed digest files).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "CloudTrail.4" }, { framework: "cis", control: "3.2" }],
    topics: ["logging", "governance"],
    resourceTypes: [TRAIL],
    remediation: "Set enableLogFileValidation: true.",
    url: DOCS,
    check(r, _config, report) {
        requireFlag(r.props, ["enableLogFileValidation"], report, {
            what: "whether log files are validated",
            problem: "so altered or deleted log files go unnoticed",
            fix: "Set enableLogFileValidation: true.",
        });
    },
});

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

export const cloudtrailPolicies: readonly PackPolicy[] = [trailLogFileValidation, trailKmsEncrypted];

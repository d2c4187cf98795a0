import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const REPO = "aws:ecr/repository:Repository";

export const repositoryKmsEncrypted = withAwsDefault(resourcePolicy({
    name: "ecr-repository-kms-encrypted",
    description: "Repositories encrypt images with KMS (encryptionType KMS), so access to images can be limited in a key policy.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [REPO],
    remediation: "Set encryptionConfigurations: [{ encryptionType: \"KMS\", kmsKey: <key ARN> }] when the repository is created (it cannot be changed later).",
    url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["encryptionConfigurations", 0, "encryptionType"], kind: "string", absent: "AES256",
            accept: (type) => type.toUpperCase().startsWith("KMS"),
            what: "how images are encrypted",
            problem: "so images are encrypted with keys no key policy of yours controls",
            fix: "Set encryptionConfigurations: [{ encryptionType: \"KMS\", kmsKey: <key ARN> }].",
        });
    },
}), {
    behaviour: "ECR encrypts every repository with AES-256 (S3-managed keys) unless KMS is chosen at creation.",
    source: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
    checked: "2026-12-04",
});

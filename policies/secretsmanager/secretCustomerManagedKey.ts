import { requirePresent } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";

const SECRET = "aws:secretsmanager/secret:Secret";

export const secretCustomerManagedKey = resourcePolicy({
    name: "secretsmanager-secret-customer-managed-key",
    description: "Secrets are encrypted with a customer-managed KMS key (kmsKeyId) so access can be limited in the key policy; costs $1/month per key.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["secrets", "encryption"],
    resourceTypes: [SECRET],
    remediation: "Set kmsKeyId to the stack's customer-managed key.",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
    check(r, _config, report) {
        requirePresent(r.props, ["kmsKeyId"], report, {
            what: "which key encrypts the secret",
            problem: "so the secret uses the AWS-managed key aws/secretsmanager, which every principal with secretsmanager:GetSecretValue can use",
            fix: "Set kmsKeyId to the stack's customer-managed key and grant kms:Decrypt only to the roles that read the secret.",
        });
    },
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";
import { UNKNOWN, str } from "../lib/values";

const PARAM = "aws:ssm/parameter:Parameter";

export const parameterCustomerManagedKey = withAwsDefault(resourcePolicy({
    name: "ssm-parameter-customer-managed-key",
    description: "SecureString parameters are encrypted with a customer-managed KMS key (keyId), not the AWS managed aws/ssm key.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption", "secrets"],
    resourceTypes: [PARAM],
    remediation: "Set keyId to a customer-managed key on every SecureString parameter.",
    url: "https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html",
    check(r, _config, report) {
        const type = str(r.props.type);
        if (type === UNKNOWN) return report.unknown("whether the parameter is a SecureString (and needs a key)", "type");
        if (type !== "SecureString") return;
        checkNamed(r.props, report, ["keyId"], {
            what: "which key encrypts the parameter",
            problem: "so it is encrypted with aws/ssm, which any principal allowed ssm:GetParameter with decryption can use",
            fix: "Set keyId to a customer-managed key.",
        });
    },
}), {
    behaviour: "SecureString parameters use the AWS managed key aws/ssm unless keyId is given.",
    source: "https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html",
    checked: "2026-12-04",
});

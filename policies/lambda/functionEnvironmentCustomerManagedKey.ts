import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";
import { UNKNOWN, at, rec } from "../lib/values";

const FN = "aws:lambda/function:Function";

export const functionEnvironmentCustomerManagedKey = withAwsDefault(resourcePolicy({
    name: "lambda-function-environment-customer-managed-key",
    description: "Functions with environment variables encrypt them with a customer-managed KMS key (kmsKeyArn).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption", "secrets"],
    resourceTypes: [FN],
    remediation: "Set kmsKeyArn to a customer-managed key (and keep secrets in Secrets Manager, not in variables).",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html",
    check(r, _config, report) {
        const variables = rec(at(r.props, "environment", "variables"));
        if (variables === UNKNOWN) return report.unknown("whether the function has variables to encrypt", "environment.variables");
        if (variables === undefined || Object.keys(variables).length === 0) return;
        checkNamed(r.props, report, ["kmsKeyArn"], {
            what: "which key encrypts the variables",
            problem: "so its environment variables are encrypted with the AWS managed key, which anyone allowed to read the function's configuration can use",
            fix: "Set kmsKeyArn to a customer-managed key.",
        });
    },
}), {
    behaviour: "Lambda encrypts environment variables at rest with the AWS managed key aws/lambda unless kmsKeyArn is set.",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html",
    checked: "2026-12-04",
});

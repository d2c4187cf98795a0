import { resourcePolicy } from "../lib/policy";
import { isSecretName, scanVariable } from "../lib/secrets";
import { at, rec, str, UNKNOWN } from "../lib/values";

const FUNCTION = "aws:lambda/function:Function";

export const functionNoSecretsInEnvironment = resourcePolicy({
    name: "lambda-function-no-secrets-in-environment",
    description: "No function passes a secret as an environment variable (secret-named variable with a value, or a token-shaped value).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["secrets", "compute"],
    resourceTypes: [FUNCTION],
    remediation: "Pass the secret's ARN or parameter name and read the value at runtime with the function's role.",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
    check(r, _config, report) {
        const vars = rec(at(r.props, "environment", "variables"));
        if (vars === UNKNOWN) return report.unknown("whether the environment carries secrets", "environment.variables");
        for (const [name, raw] of Object.entries(vars ?? {})) {
            const value = str(raw);
            if (value === UNKNOWN) {
                if (isSecretName(name)) report.unknown(`whether ${name} carries a secret in clear text`, `environment.variables.${name}`);
                continue;
            }
            for (const f of scanVariable(name, value ?? "")) {
                report.violation(`environment.variables.${f.where} holds ${f.kind}, readable by anyone who can get the function's configuration. `
                    + `Pass the secret's ARN (e.g. ${name}_ARN) and read it at runtime from Secrets Manager or SSM Parameter Store.`);
            }
        }
    },
});

/**
 * Lambda: no secrets in environment variables; invoke permissions are never public and always
 * scoped to their source.
 */
import { type PackPolicy, resourcePolicy } from "./lib/policy";
import { isSecretName, scanVariable } from "./lib/secrets";
import { at, rec, str, UNKNOWN } from "./lib/values";

export const FUNCTION = "aws:lambda/function:Function";
export const PERMISSION = "aws:lambda/permission:Permission";
const DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html";

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

export const permissionNotPublic = resourcePolicy({
    name: "lambda-permission-no-public-invoke",
    description: "Invoke permissions never go to \"*\", and a service principal is always scoped with sourceArn or sourceAccount.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "Lambda.1" }],
    topics: ["identity"],
    resourceTypes: [PERMISSION],
    remediation: "Grant to the calling service with sourceArn set to the exact API, rule or bucket ARN.",
    url: DOCS,
    check(r, _config, report) {
        const principal = str(r.props.principal);
        if (principal === UNKNOWN) return report.unknown("who may invoke the function", "principal");
        if (principal === undefined) return;
        if (principal.trim() === "*") {
            if (str(r.props.functionUrlAuthType) === "AWS_IAM") return;
            return report.violation("principal is \"*\", so anyone can invoke the function. Grant the permission to the calling service (e.g. apigateway.amazonaws.com) with sourceArn set to the API's execution ARN.");
        }
        if (principal.endsWith(".amazonaws.com") && r.props.sourceArn === undefined && r.props.sourceAccount === undefined) {
            report.violation(`grants ${principal} without sourceArn or sourceAccount, so that service acting for any AWS account can invoke the function. Set sourceArn to the exact API, rule or bucket ARN.`);
        }
    },
});

export const lambdaPolicies: readonly PackPolicy[] = [functionNoSecretsInEnvironment, permissionNotPublic];

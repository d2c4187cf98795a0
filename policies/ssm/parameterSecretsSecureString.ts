import { resourcePolicy } from "../lib/policy";
import { isSecretName, tokenKinds } from "../lib/secrets";
import { str, UNKNOWN } from "../lib/values";

const PARAMETER = "aws:ssm/parameter:Parameter";

/** Last path segment, with dashes read as underscores: "/app/db-password" → "db_password". */
function leafName(name: string): string {
    return (name.split("/").pop() ?? name).replace(/[-.]/g, "_");
}

export const parameterSecretsSecureString = resourcePolicy({
    name: "ssm-parameter-secrets-secure-string",
    description: "Parameters whose name or value says they hold a secret are SecureString (encrypted), never String.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["secrets", "encryption"],
    resourceTypes: [PARAMETER],
    remediation: "Set type: \"SecureString\" (optionally keyId for a customer-managed key).",
    url: "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
    check(r, _config, report) {
        const type = str(r.props.type);
        if (type === "SecureString") return;
        const name = str(r.props.name);
        const label = typeof name === "string" ? name : r.name;
        const value = str(r.props.value) ?? str(r.props.insecureValue);
        const byName = isSecretName(leafName(label));
        const byValue = typeof value === "string" ? tokenKinds(value) : [];
        if (!byName && byValue.length === 0) {
            if (name === UNKNOWN) report.unknown("whether the parameter holds a secret", "name");
            return;
        }
        if (type === UNKNOWN) return report.unknown("whether the secret parameter is encrypted", "type");
        const why = byValue.length > 0 ? `its value looks like ${byValue[0]}` : `its name (${label}) says it holds a secret`;
        report.violation(`type is ${type === undefined ? "not set" : `"${type}"`} although ${why}, so the value is stored and shown unencrypted. Set type: "SecureString".`);
    },
});

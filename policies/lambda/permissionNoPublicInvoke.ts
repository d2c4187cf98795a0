import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";

/**
 * Does a sourceArn/sourceAccount value pin the caller? Empty, null, "*" and ARNs whose account
 * field is a wildcard pin nothing: Lambda compares them with ArnLike/StringEquals, so
 * "arn:aws:execute-api:us-east-1:*:*" lets every API of every account invoke the function.
 */
function scopeOf(value: unknown, field: "sourceArn" | "sourceAccount"): "pinned" | "open" | typeof UNKNOWN {
    const text = str(value);
    if (text === UNKNOWN) return UNKNOWN;
    if (text === undefined || text.trim() === "" || /^[*?]+$/.test(text.trim())) return "open";
    if (field === "sourceAccount") return /[*?]/.test(text) ? "open" : "pinned";
    const parts = text.trim().split(":");
    if (parts.length >= 6 && parts[4] !== "" && /[*?]/.test(parts[4])) return "open";
    if (parts.length >= 6 && parts[4] === "" && /[*?]/.test(parts.slice(5).join(":").split("/")[0])) return "open";
    return "pinned";
}

function describeScope(value: unknown, field: string): string {
    const text = str(value);
    if (text === undefined) return `${field} not set`;
    return `${field} ${JSON.stringify(text)}`;
}

const PERMISSION = "aws:lambda/permission:Permission";
const DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html";

export const permissionNoPublicInvoke = resourcePolicy({
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
        if (!principal.trim().toLowerCase().endsWith(".amazonaws.com")) return;
        const scopes = [scopeOf(r.props.sourceArn, "sourceArn"), scopeOf(r.props.sourceAccount, "sourceAccount")];
        // A value unknown in preview is computed from a resource of the plan (an API's execution
        // ARN): it is judged when known, during `pulumi up`, without a note for every permission.
        if (scopes.includes("pinned") || scopes.includes(UNKNOWN)) return;
        report.violation(`grants ${principal} without a sourceArn or sourceAccount that names one source (${describeScope(r.props.sourceArn, "sourceArn")}, ${describeScope(r.props.sourceAccount, "sourceAccount")}), `
            + "so that service acting for any AWS account can invoke the function. Set sourceArn to the exact API, rule or bucket ARN.");
    },
});

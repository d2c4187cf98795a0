import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";

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
        if (principal.endsWith(".amazonaws.com") && r.props.sourceArn === undefined && r.props.sourceAccount === undefined) {
            report.violation(`grants ${principal} without sourceArn or sourceAccount, so that service acting for any AWS account can invoke the function. Set sourceArn to the exact API, rule or bucket ARN.`);
        }
    },
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";

const FUNCTION_URL = "aws:lambda/functionUrl:FunctionUrl";

export const functionUrlNoPublicAccess = withAwsDefault(resourcePolicy({
    name: "lambda-function-url-no-public-access",
    description: "Function URLs require IAM authentication (authorizationType AWS_IAM); a URL with NONE lets anyone on the internet invoke the function.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity", "network"],
    resourceTypes: [FUNCTION_URL],
    remediation: "Set authorizationType: \"AWS_IAM\" and sign requests (SigV4), or put the function behind API Gateway or CloudFront with an authorizer; exempt a deliberately public webhook with a reason.",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
    check(r, _config, report) {
        const auth = str(r.props.authorizationType);
        if (auth === UNKNOWN) return report.unknown("whether the URL needs authentication", "authorizationType");
        if (auth === undefined) {
            return report.violation("authorizationType is not set, so how callers authenticate cannot be read (the provider requires it). Set authorizationType: \"AWS_IAM\".");
        }
        if (auth.trim().toUpperCase() !== "AWS_IAM") {
            report.violation(`authorizationType is ${JSON.stringify(auth)}, so anyone on the internet can invoke the function through its URL (and run up its cost). Set authorizationType: "AWS_IAM", or exempt a deliberate public webhook with its reason.`);
        }
    },
}), {
    behaviour: "A function URL has the auth type it is created with (AWS_IAM or NONE); with NONE Lambda adds no authentication of its own.",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
    checked: "2026-12-04",
});

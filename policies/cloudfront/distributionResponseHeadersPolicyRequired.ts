import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionResponseHeadersPolicyRequired = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-response-headers-policy-required",
    description: "The default cache behaviour attaches a response headers policy (security headers such as HSTS and X-Content-Type-Options).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network"],
    resourceTypes: [DIST],
    remediation: "Set defaultCacheBehavior.responseHeadersPolicyId (the managed SecurityHeadersPolicy is 67f7725c-6f97-4210-82d7-5512b31e9d03).",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-response-headers.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["defaultCacheBehavior", "responseHeadersPolicyId"], {
            what: "which response headers policy applies",
            problem: "so responses carry no security headers (HSTS, nosniff, frame options) unless the origin sets them",
            fix: "Set defaultCacheBehavior.responseHeadersPolicyId to a policy with security headers.",
        });
    },
}), {
    behaviour: "A cache behaviour adds no response headers unless a response headers policy is attached.",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-response-headers.html",
    checked: "2026-12-04",
});

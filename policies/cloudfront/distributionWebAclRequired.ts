import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionWebAclRequired = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-web-acl-required",
    description: "Distributions are protected by a WAF web ACL (webAclId).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.6" }],
    topics: ["network"],
    resourceTypes: [DIST],
    remediation: "Set webAclId to the ARN of a WAFv2 web ACL created in us-east-1 with scope CLOUDFRONT.",
    url: "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["webAclId"], {
            what: "which web ACL protects the distribution",
            problem: "so no WAF rule (rate limit, managed rules, geo block) filters requests",
            fix: "Set webAclId to a CLOUDFRONT-scope WAFv2 web ACL's ARN.",
        });
    },
}), {
    behaviour: "A distribution has no web ACL unless one is associated.",
    source: "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionDefaultRootObjectRequired = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-default-root-object-required",
    description: "Distributions name a default root object, so a request for / never lists or exposes the origin's root.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["data-protection"],
    resourceTypes: [DIST],
    remediation: "Set defaultRootObject: \"index.html\".",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["defaultRootObject"], {
            what: "what the root URL serves",
            problem: "so a request for / goes to the origin's root (a bucket listing where listing is allowed)",
            fix: "Set defaultRootObject: \"index.html\".",
        });
    },
}), {
    behaviour: "Without a default root object, a request for the root URL is forwarded to the origin as is.",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html",
    checked: "2026-12-04",
});

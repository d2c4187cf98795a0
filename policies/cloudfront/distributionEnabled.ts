import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionEnabled = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-enabled",
    description: "Distributions are enabled; a disabled one still exists, costs nothing, and hides a forgotten origin.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["governance"],
    resourceTypes: [DIST],
    remediation: "Set enabled: true, or delete the distribution.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValuesEnabled",
    check(r, _config, report) {
        checkFlagOn(r.props, report, ["enabled"], false, {
            what: "whether the distribution serves traffic",
            problem: "so it serves nothing while its origins and certificates stay configured",
            fix: "Set enabled: true or remove the distribution.",
        });
    },
}), {
    behaviour: "The enabled input is required by the provider; nothing is assumed.",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValuesEnabled",
    checked: "2026-12-04",
});

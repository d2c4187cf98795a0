import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionAccessLogging = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-access-logging",
    description: "Distributions write standard access logs (loggingConfig.bucket).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.5" }],
    topics: ["logging"],
    resourceTypes: [DIST],
    remediation: "Set loggingConfig: { bucket: \"<log bucket>.s3.amazonaws.com\" } with a bucket that accepts ACL writes from the awslogsdelivery account.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["loggingConfig", "bucket"], {
            what: "where access logs go",
            problem: "so viewer requests leave no record",
            fix: "Set loggingConfig: { bucket: \"<log bucket>.s3.amazonaws.com\" }.",
        });
    },
}), {
    behaviour: "Standard logging is off for a new distribution.",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOff } from "../lib/settings";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionCustomCertificateRequired = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-custom-certificate-required",
    description: "Distributions serve a custom domain with an ACM certificate, not the default *.cloudfront.net certificate.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.7" }],
    topics: ["encryption"],
    resourceTypes: [DIST],
    remediation: "Set aliases and viewerCertificate: { acmCertificateArn, sslSupportMethod: \"sni-only\", minimumProtocolVersion: \"TLSv1.2_2021\" }.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-alternate-domain-names.html",
    check(r, _config, report) {
        checkFlagOff(r.props, report, ["viewerCertificate", "cloudfrontDefaultCertificate"], false, {
            what: "which certificate viewers see",
            problem: "so viewers get the shared *.cloudfront.net certificate, whose TLS floor cannot be raised above TLSv1",
            fix: "Set viewerCertificate.acmCertificateArn (with aliases) instead of cloudfrontDefaultCertificate.",
        });
    },
}), {
    behaviour: "Without an ACM certificate a distribution uses the *.cloudfront.net certificate, whose minimum protocol is TLSv1 and cannot be raised.",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-alternate-domain-names.html",
    checked: "2026-12-04",
});

import { stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import { resourcePolicy } from "../lib/policy";
import { at, bool, rec, str, UNKNOWN } from "../lib/values";
import { DISTRIBUTION } from "./shared";

export const distributionMinimumTls = resourcePolicy({
    name: "cloudfront-distribution-minimum-tls",
    description: "Viewer connections require TLS 1.2+: a custom certificate with minimumProtocolVersion TLSv1.2_2019 or newer (the default *.cloudfront.net certificate allows TLSv1).",
    severity: "medium",
    // The default *.cloudfront.net certificate is what AWS gives every distribution: a stricter
    // minimum is a rule the stack asks for (mandatory from staging on), not a default weakened.
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.7" }],
    topics: ["encryption", "network"],
    resourceTypes: [DISTRIBUTION],
    remediation: "Use an ACM certificate (sslSupportMethod \"sni-only\") with minimumProtocolVersion \"TLSv1.2_2021\".",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
    config: {
        allowedProtocolVersions: stringList("Accepted minimumProtocolVersion values (glob patterns).", ["TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_*"]),
    },
    check(r, config, report) {
        const cert = rec(r.props.viewerCertificate);
        if (cert === UNKNOWN) return report.unknown("the viewer TLS version", "viewerCertificate");
        const usesDefault = bool(at(cert, "cloudfrontDefaultCertificate"));
        if (usesDefault === UNKNOWN) return report.unknown("the viewer TLS version", "viewerCertificate.cloudfrontDefaultCertificate");
        if (usesDefault === true || cert === undefined) {
            return report.violation("uses the default *.cloudfront.net certificate, which keeps TLSv1 enabled for viewers. "
                + "Use an ACM certificate (viewerCertificate.acmCertificateArn, sslSupportMethod \"sni-only\") with minimumProtocolVersion \"TLSv1.2_2021\".");
        }
        const version = str(at(cert, "minimumProtocolVersion"));
        if (version === UNKNOWN) return report.unknown("the viewer TLS version", "viewerCertificate.minimumProtocolVersion");
        if (version === undefined || !matchesAny(config.allowedProtocolVersions, version)) {
            report.violation(`viewerCertificate.minimumProtocolVersion is ${version === undefined ? "not set (CloudFront defaults to TLSv1)" : `"${version}"`}, which accepts TLS older than 1.2. Set it to "TLSv1.2_2021".`);
        }
    },
});

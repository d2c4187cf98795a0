import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, at, list, rec, str, strings } from "../lib/values";

const DIST = "aws:cloudfront/distribution:Distribution";

export const distributionOriginHttps = withAwsDefault(resourcePolicy({
    name: "cloudfront-distribution-origin-https",
    description: "Custom origins are reached over HTTPS only (originProtocolPolicy https-only) with TLS 1.2 (no SSLv3, TLSv1 or TLSv1.1 in originSslProtocols).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.9" }],
    topics: ["encryption", "network"],
    resourceTypes: [DIST],
    remediation: "Set customOriginConfig: { originProtocolPolicy: \"https-only\", originSslProtocols: [\"TLSv1.2\"] } on every custom origin.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
    check(r, _config, report) {
        const origins = list(r.props.origins);
        const what = "how CloudFront reaches its origins";
        if (origins === UNKNOWN) return report.unknown(what, "origins");
        (origins ?? []).forEach((item, i) => {
            const origin = rec(item);
            if (origin === UNKNOWN) return report.unknown(what, `origins[${i}]`);
            const custom = rec(origin?.customOriginConfig);
            if (custom === UNKNOWN) return report.unknown(what, `origins[${i}].customOriginConfig`);
            if (custom === undefined) return;
            const policy = str(custom.originProtocolPolicy);
            if (policy === UNKNOWN) report.unknown(what, `origins[${i}].customOriginConfig.originProtocolPolicy`);
            else if (policy !== "https-only") {
                report.violation(`origins[${i}].customOriginConfig.originProtocolPolicy is ${JSON.stringify(policy ?? null)}, so CloudFront can fetch from the origin over plain HTTP. Set originProtocolPolicy: "https-only".`);
            }
            const protocols = strings(at(custom, "originSslProtocols"));
            if (protocols.unknown) report.unknown(what, `origins[${i}].customOriginConfig.originSslProtocols`);
            const weak = protocols.known.filter((p) => ["sslv3", "tlsv1", "tlsv1.1"].includes(p.trim().toLowerCase()));
            if (weak.length > 0) {
                report.violation(`origins[${i}].customOriginConfig.originSslProtocols allows ${weak.join(", ")}, broken protocols an attacker between CloudFront and the origin can downgrade to. Set originSslProtocols: ["TLSv1.2"].`);
            }
        });
        
    },
}), {
    behaviour: "The provider requires originProtocolPolicy and originSslProtocols for a custom origin; nothing is assumed.",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
    checked: "2026-12-04",
});

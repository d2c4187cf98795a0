import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, at, num } from "../lib/values";

const RHP = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";

export const responseHeadersPolicyHstsEnabled = withAwsDefault(resourcePolicy({
    name: "cloudfront-response-headers-policy-hsts-enabled",
    description: "Response headers policies send Strict-Transport-Security (securityHeadersConfig.strictTransportSecurity), so browsers never fall back to HTTP.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["network", "encryption"],
    resourceTypes: [RHP],
    remediation: "Set securityHeadersConfig.strictTransportSecurity: { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true }.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html#understanding-response-headers-policies-security",
    check(r, _config, report) {
        const hsts = at(r.props, "securityHeadersConfig", "strictTransportSecurity");
        if (hsts === UNKNOWN) return report.unknown("whether HSTS is sent", "securityHeadersConfig.strictTransportSecurity");
        if (hsts === undefined) return report.violation("securityHeadersConfig.strictTransportSecurity is not set, so browsers may still try plain HTTP first. Set strictTransportSecurity: { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true }.");
        const maxAge = num(at(hsts, "accessControlMaxAgeSec"));
        if (maxAge === UNKNOWN) return report.unknown("how long browsers remember HSTS", "securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec");
        if (maxAge === undefined || maxAge <= 0) return report.violation(`securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec is ${String(maxAge ?? "not set")}, so browsers do not remember to use HTTPS. Set accessControlMaxAgeSec: 31536000.`);
        
    },
}), {
    behaviour: "A response headers policy adds only the headers it configures; HSTS is absent unless configured.",
    source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html#understanding-response-headers-policies-security",
    checked: "2026-12-04",
});

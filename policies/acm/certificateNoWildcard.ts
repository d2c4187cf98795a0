import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { at, strings } from "../lib/values";

const CERT = "aws:acm/certificate:Certificate";

export const certificateNoWildcard = withAwsDefault(resourcePolicy({
    name: "acm-certificate-no-wildcard",
    description: "Certificates name their hosts instead of a wildcard, so one leaked key does not impersonate every subdomain.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [CERT],
    remediation: "Request a certificate for the exact names (domainName and subjectAlternativeNames) instead of *.<domain>.",
    url: "https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html",
    check(r, _config, report) {
        const names = strings([at(r.props, "domainName"), ...(strings(at(r.props, "subjectAlternativeNames")).known)]);
        for (const name of names.known.filter((n) => n.trim().startsWith("*"))) {
            report.violation(`names ${JSON.stringify(name)}, a wildcard, so its private key is valid for every subdomain. Request the exact host names instead.`);
        }
        
    },
}), {
    behaviour: "ACM issues exactly the names requested; a wildcard is only issued when asked for.",
    source: "https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html",
    checked: "2026-12-04",
});

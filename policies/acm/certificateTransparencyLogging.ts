import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const CERT = "aws:acm/certificate:Certificate";

export const certificateTransparencyLogging = withAwsDefault(resourcePolicy({
    name: "acm-certificate-transparency-logging",
    description: "Certificates are logged to public Certificate Transparency logs, so browsers trust them and mis-issuance is visible.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [CERT],
    remediation: "Leave options.certificateTransparencyLoggingPreference out (ENABLED) or set \"ENABLED\".",
    url: "https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["options", "certificateTransparencyLoggingPreference"], kind: "string", absent: "ENABLED",
            accept: (pref) => pref.toUpperCase() === "ENABLED",
            what: "whether the certificate is logged",
            problem: "so browsers that require CT (Chrome, Safari) reject the certificate and mis-issuance goes unseen",
            fix: "Set options.certificateTransparencyLoggingPreference: \"ENABLED\".",
        });
    },
}), {
    behaviour: "ACM logs every public certificate it issues to Certificate Transparency unless the preference is DISABLED.",
    source: "https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const DOMAIN = "aws:apigatewayv2/domainName:DomainName";

export const domainNameModernTlsPolicy = withAwsDefault(resourcePolicy({
    name: "apigatewayv2-domain-name-modern-tls-policy",
    description: "HTTP and WebSocket API custom domains accept TLS 1.2 or newer only (domainNameConfiguration.securityPolicy TLS_1_2).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption"],
    resourceTypes: [DOMAIN],
    remediation: "Set domainNameConfiguration.securityPolicy: \"TLS_1_2\".",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["domainNameConfiguration", "securityPolicy"], kind: "string", absent: undefined,
            accept: (policy) => /^(TLS_1_2|SecurityPolicy_TLS1[23])/i.test(policy.trim()),
            what: "which TLS versions the domain accepts",
            problem: "so clients may connect with TLS older than 1.2",
            fix: "Set domainNameConfiguration.securityPolicy: \"TLS_1_2\".",
        });
    },
}), {
    behaviour: "HTTP and WebSocket API domains support only the TLS_1_2 policy; the provider requires it to be named.",
    source: "https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames.html",
    checked: "2026-12-04",
});

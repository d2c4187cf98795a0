import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const DOMAIN = "aws:apigateway/domainName:DomainName";

export const domainNameModernTlsPolicy = withAwsDefault(resourcePolicy({
    name: "apigateway-domain-name-modern-tls-policy",
    description: "REST API custom domains accept TLS 1.2 or newer only (securityPolicy TLS_1_2 or an enhanced SecurityPolicy_TLS13/TLS12 policy).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "APIGateway.2" }],
    topics: ["encryption"],
    resourceTypes: [DOMAIN],
    remediation: "Set securityPolicy: \"TLS_1_2\" (or an enhanced SecurityPolicy_TLS13_* policy).",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["securityPolicy"], kind: "string", absent: "TLS_1_0",
            accept: (policy) => /^(TLS_1_2|SecurityPolicy_TLS1[23])/i.test(policy.trim()),
            what: "which TLS versions the domain accepts",
            problem: "so clients can still connect with TLS 1.0 and 1.1",
            fix: "Set securityPolicy: \"TLS_1_2\".",
        });
    },
}), {
    behaviour: "A REST API custom domain created without a security policy accepts TLS 1.0 (TLS_1_0).",
    source: "https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html",
    checked: "2026-12-04",
});

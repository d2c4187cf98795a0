import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { domainNameModernTlsPolicy } from "../../../policies/apigateway/domainNameModernTlsPolicy";

describe("apigateway-domain-name-modern-tls-policy", () => {
    judgesSetting(domainNameModernTlsPolicy, {
        type: "aws:apigateway/domainName:DomainName",
        name: "api",
        base: { domainName: "api.example.com", regionalCertificateArn: UNKNOWN },
        passes: {
        "TLS_1_2": { securityPolicy: "TLS_1_2" },
        "an enhanced TLS 1.3 policy": { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" },
    },
        fails: {
        "TLS_1_0": { securityPolicy: "TLS_1_0" },
    },
        absent: "fails",
        unknown: { securityPolicy: UNKNOWN },
        mentions: ["securityPolicy", "TLS_1_2"],
    });
});

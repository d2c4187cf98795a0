import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { domainNameModernTlsPolicy } from "../../../policies/apigatewayv2/domainNameModernTlsPolicy";

describe("apigatewayv2-domain-name-modern-tls-policy", () => {
    judgesSetting(domainNameModernTlsPolicy, {
        type: "aws:apigatewayv2/domainName:DomainName",
        name: "ws",
        base: { domainName: "ws.example.com" },
        passes: {
        "TLS_1_2": { domainNameConfiguration: { certificateArn: UNKNOWN, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" } },
    },
        fails: {
        "TLS_1_0": { domainNameConfiguration: { certificateArn: UNKNOWN, endpointType: "REGIONAL", securityPolicy: "TLS_1_0" } },
    },
        absent: "fails",
        unknown: { domainNameConfiguration: UNKNOWN },
        mentions: ["securityPolicy"],
    });
});

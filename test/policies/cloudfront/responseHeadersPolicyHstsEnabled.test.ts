import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { responseHeadersPolicyHstsEnabled } from "../../../policies/cloudfront/responseHeadersPolicyHstsEnabled";

describe("cloudfront-response-headers-policy-hsts-enabled", () => {
    judgesSetting(responseHeadersPolicyHstsEnabled, {
        type: "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
        name: "security",
        base: { name: "security" },
        passes: {
        "a year of HSTS": { securityHeadersConfig: { strictTransportSecurity: { accessControlMaxAgeSec: 31536000, includeSubdomains: true, override: true } } },
    },
        fails: {
        "HSTS with max-age 0": { securityHeadersConfig: { strictTransportSecurity: { accessControlMaxAgeSec: 0, override: true } } },
        "security headers without HSTS": { securityHeadersConfig: { contentTypeOptions: { override: true } } },
    },
        absent: "fails",
        unknown: { securityHeadersConfig: UNKNOWN },
        mentions: ["strictTransportSecurity"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { certificateNoWildcard } from "../../../policies/acm/certificateNoWildcard";

describe("acm-certificate-no-wildcard", () => {
    judgesSetting(certificateNoWildcard, {
        type: "aws:acm/certificate:Certificate",
        name: "site",
        base: { validationMethod: "DNS" },
        passes: {
        "exact names": { domainName: "example.com", subjectAlternativeNames: ["app.example.com"] },
    },
        fails: {
        "a wildcard domain": { domainName: "*.example.com" },
        "a wildcard alternative name": { domainName: "example.com", subjectAlternativeNames: ["*.example.com"] },
    },
        absent: "passes",
        unknown: { domainName: UNKNOWN },
    unknownMeans: "present",
        mentions: ["wildcard"],
    });
});

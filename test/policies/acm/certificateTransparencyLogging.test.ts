import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { certificateTransparencyLogging } from "../../../policies/acm/certificateTransparencyLogging";

describe("acm-certificate-transparency-logging", () => {
    judgesSetting(certificateTransparencyLogging, {
        type: "aws:acm/certificate:Certificate",
        name: "site",
        base: { domainName: "example.com", validationMethod: "DNS" },
        passes: {
        "ENABLED": { options: { certificateTransparencyLoggingPreference: "ENABLED" } },
    },
        fails: {
        "DISABLED": { options: { certificateTransparencyLoggingPreference: "DISABLED" } },
    },
        absent: "passes",
        unknown: { options: UNKNOWN },
        mentions: ["certificateTransparencyLoggingPreference is \"DISABLED\""],
    });
});

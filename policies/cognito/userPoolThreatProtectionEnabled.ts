import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const POOL = "aws:cognito/userPool:UserPool";

export const userPoolThreatProtectionEnabled = withAwsDefault(resourcePolicy({
    name: "cognito-user-pool-threat-protection-enabled",
    description: "User pools enforce threat protection (compromised-credential and adaptive-authentication checks: advancedSecurityMode ENFORCED on the Plus tier).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [POOL],
    remediation: "Set userPoolTier: \"PLUS\" and userPoolAddOns: { advancedSecurityMode: \"ENFORCED\" } (priced per monthly active user).",
    url: "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["userPoolAddOns", "advancedSecurityMode"], kind: "string", absent: "OFF",
            accept: (mode) => mode.toUpperCase() === "ENFORCED",
            what: "whether risky sign-ins are blocked",
            problem: "so sign-ins with leaked credentials or from risky contexts are not blocked",
            fix: "Set userPoolAddOns: { advancedSecurityMode: \"ENFORCED\" } on the Plus tier.",
        });
    },
}), {
    behaviour: "Threat protection is off (advancedSecurityMode OFF) unless the Plus tier turns it on.",
    source: "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html",
    checked: "2026-12-04",
});

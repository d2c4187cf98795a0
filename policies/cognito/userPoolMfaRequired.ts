import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const POOL = "aws:cognito/userPool:UserPool";

export const userPoolMfaRequired = withAwsDefault(resourcePolicy({
    name: "cognito-user-pool-mfa-required",
    description: "User pools require multi-factor authentication (mfaConfiguration ON), or at least offer it (OPTIONAL) where the config allows.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [POOL],
    remediation: "Set mfaConfiguration: \"ON\" with softwareTokenMfaConfiguration: { enabled: true }.",
    url: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["mfaConfiguration"], kind: "string", absent: "OFF",
            accept: (mode) => mode.toUpperCase() === "ON",
            what: "whether users need a second factor",
            problem: "so a leaked password alone opens the account",
            fix: "Set mfaConfiguration: \"ON\" with a software token or e-mail factor.",
        });
    },
}), {
    behaviour: "A user pool is created with MFA OFF unless mfaConfiguration says otherwise.",
    source: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, at, bool, num } from "../lib/values";

const APP = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";

export const accountPasswordPolicyStrengthEnforced = withAwsDefault(resourcePolicy({
    name: "iam-account-password-policy-strength-enforced",
    description: "The account password policy asks for 14+ characters of all four kinds, remembers the last 24 passwords and expires them within 90 days (CIS 1.8-1.9 and the older complexity controls).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "cis", control: "1.8" }],
    topics: ["identity"],
    resourceTypes: [APP],
    remediation: "Set minimumPasswordLength: 14, passwordReusePrevention: 24, maxPasswordAge: 90 and the four require* flags to true.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
    check(r, _config, report) {
        const what = "how strong console passwords must be";
        const number = (field: string, ok: (n: number) => boolean, need: string, absent: string): void => {
            const value = num(at(r.props, field));
            if (value === UNKNOWN) return report.unknown(what, field);
            if (value === undefined) return report.violation(`${field} is not set, so ${absent}. Set ${need}.`);
            if (!ok(value)) report.violation(`${field} is ${value}, weaker than ${need}. Set ${need}.`);
        };
        number("minimumPasswordLength", (n) => n >= 14, "minimumPasswordLength: 14 or more", "IAM accepts passwords of 8 characters");
        number("passwordReusePrevention", (n) => n >= 24, "passwordReusePrevention: 24", "users can reuse their previous passwords");
        number("maxPasswordAge", (n) => n >= 1 && n <= 90, "maxPasswordAge: 90 or less", "passwords never expire");
        for (const flag of ["requireUppercaseCharacters", "requireLowercaseCharacters", "requireNumbers", "requireSymbols"]) {
            const value = bool(at(r.props, flag));
            if (value === UNKNOWN) report.unknown(what, flag);
            else if (value !== true) report.violation(`${flag} is ${value === undefined ? "not set" : "false"}, so passwords without that kind of character are accepted. Set ${flag}: true.`);
        }
        
    },
}), {
    behaviour: "Without a custom policy IAM asks for 8 characters of three kinds, remembers no passwords and never expires them; each field left out of a custom policy is not required.",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
    checked: "2026-12-04",
});

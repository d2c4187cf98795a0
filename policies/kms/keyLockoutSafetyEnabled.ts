import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOff } from "../lib/settings";

const KEY = "aws:kms/key:Key";

export const keyLockoutSafetyEnabled = withAwsDefault(resourcePolicy({
    name: "kms-key-lockout-safety-enabled",
    description: "Keys never bypass the key policy lockout safety check (bypassPolicyLockoutSafetyCheck).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["encryption", "identity"],
    resourceTypes: [KEY],
    remediation: "Remove bypassPolicyLockoutSafetyCheck: true (false is the default).",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-bypass-policy-lockout-safety-check",
    check(r, _config, report) {
        checkFlagOff(r.props, report, ["bypassPolicyLockoutSafetyCheck"], false, {
            what: "whether the lockout check is bypassed",
            problem: "so a wrong key policy can make the key unmanageable for good",
            fix: "Remove bypassPolicyLockoutSafetyCheck (false is the default).",
        });
    },
}), {
    behaviour: "KMS refuses a key policy that would lock the caller out unless BypassPolicyLockoutSafetyCheck is true.",
    source: "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-bypass-policy-lockout-safety-check",
    checked: "2026-12-04",
});

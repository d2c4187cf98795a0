import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { at, strings } from "../lib/values";

const USER_POLICY = "aws:iam/userPolicy:UserPolicy";
const USER_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
const ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";

export const userNoDirectPolicies = withAwsDefault(resourcePolicy({
    name: "iam-user-no-direct-policies",
    description: "Permissions go to groups and roles, never straight to an IAM user (inline user policies, user policy attachments, PolicyAttachment users).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "IAM.2" }],
    topics: ["identity"],
    resourceTypes: [USER_POLICY, USER_ATTACHMENT, ATTACHMENT],
    remediation: "Put the user in a group that carries the policy (or, better, give the workload a role).",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    check(r, _config, report) {
        if (r.type === ATTACHMENT) {
            const users = strings(at(r.props, "users"));
            if (users.unknown) return report.unknown("whether the policy is attached to users", "users");
            if (users.known.length > 0) report.violation(`users attaches the policy straight to ${users.known.join(", ")}, so each user's permissions drift apart and are hard to review. Attach it to a group (groups) or a role instead.`);
            return;
        }
        report.violation(`${r.type === USER_POLICY ? "an inline policy" : "a managed policy"} is attached straight to a user, so each user's permissions drift apart and are hard to review. Attach it to a group the user belongs to, or give the workload a role.`);
        
    },
}), {
    behaviour: "A user has no permissions until a policy is attached to it or to a group it belongs to.",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    checked: "2026-12-04",
});

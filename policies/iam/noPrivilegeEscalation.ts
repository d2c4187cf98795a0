/**
 * Privilege escalation through IAM itself: actions that let the holder grant itself more than it
 * has, when allowed on Resource "*" (every policy, user, group or role of the account). Single
 * actions (iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy, iam:UpdateAssumeRolePolicy,
 * ...) and iam:PassRole on "*" together with an action that launches compute under a passed role
 * (ec2:RunInstances, lambda:CreateFunction, ...), judged per document across its statements.
 * Patterns are matched as AWS matches them (case-insensitive globs), so `iam:Attach*` and
 * `iam:*Policy*` count; NotAction statements allow every action they do not list.
 */
import { withAwsDefault } from "../lib/awsdefault";
import { stringList } from "../lib/config";
import { globMatch, matchesAny } from "../lib/glob";
import { describeStatement, effectOf, matchesEveryResource, type Statement } from "../lib/iamdoc";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN } from "../lib/values";
import { eachStatement, identityDocuments } from "./identityDocuments";
import { DOCUMENT_TYPES, ROLE } from "./shared";

/** Each alone on Resource "*" lets the holder raise its own permissions. */
const SELF_GRANTS = [
    "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
    "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy",
    "iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy",
    "iam:UpdateAssumeRolePolicy", "iam:AddUserToGroup",
    "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
];

/** With iam:PassRole on "*", each runs code under any role of the account. */
const PASS_ROLE_PARTNERS = [
    "ec2:RunInstances", "lambda:CreateFunction", "lambda:UpdateFunctionConfiguration", "cloudformation:CreateStack",
    "ecs:RegisterTaskDefinition", "glue:CreateDevEndpoint", "glue:CreateJob", "sagemaker:CreateNotebookInstance",
    "datapipeline:CreatePipeline", "codebuild:CreateProject", "states:CreateStateMachine",
];

const ESCALATION_DOCS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html";

/** Does an Allow statement allow `action` (lower-case)? NotAction allows every action it does not list. */
function allows(st: Statement, action: string): boolean {
    const lower = (p: string) => p.trim().toLowerCase();
    if (st.notAction.present) return !st.notAction.unknown && !st.notAction.values.some((p) => globMatch(lower(p), action));
    return st.action.values.some((p) => globMatch(lower(p), action));
}

function onEveryResource(st: Statement): boolean {
    return st.notResource.present || st.resource.values.some(matchesEveryResource);
}

export const noPrivilegeEscalation = withAwsDefault(resourcePolicy({
    name: "iam-no-privilege-escalation",
    description: "No identity policy lets its holder raise its own permissions: no iam:CreatePolicyVersion, iam:Attach*/Put*Policy, iam:UpdateAssumeRolePolicy, access-key or login-profile creation on Resource \"*\", and no iam:PassRole on \"*\" together with an action that runs code under the passed role.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROLE, ...DOCUMENT_TYPES],
    remediation: "Scope IAM write actions and iam:PassRole to the ARNs they manage (a path or name prefix such as arn:aws:iam::<account>:role/app-*), and add iam:PassedToService to PassRole.",
    url: ESCALATION_DOCS,
    config: {
        allowedActions: stringList("Escalation actions this stack grants on Resource \"*\" on purpose (exempt a whole role with exemptions instead).", []),
    },
    check(r, config, report) {
        const what = "whether the policy lets its holder raise its own permissions";
        for (const doc of identityDocuments(r, report, what)) {
            const statements: { st: Statement; field: string }[] = [];
            eachStatement([doc], report, what, (st, field) => {
                const effect = effectOf(st);
                if (effect === UNKNOWN) return report.unknown(what, `${field} ${describeStatement(st)}`);
                if (effect !== "allow") return;
                if ((st.action.unknown || st.notAction.unknown) && onEveryResource(st)) report.unknown(what, `${field} ${describeStatement(st)} Action`);
                statements.push({ st, field });
            });
            const granted = (action: string, everywhere: boolean) => {
                if (matchesAny(config.allowedActions, action)) return undefined;
                return statements.find(({ st }) => (!everywhere || onEveryResource(st)) && allows(st, action.toLowerCase()));
            };
            // One violation per statement, listing every self-grant it allows.
            const byStatement = new Map<{ st: Statement; field: string }, string[]>();
            for (const action of SELF_GRANTS) {
                const hit = granted(action, true);
                if (hit !== undefined) byStatement.set(hit, [...(byStatement.get(hit) ?? []), action]);
            }
            for (const [hit, actions] of byStatement) {
                report.violation(`${hit.field} ${describeStatement(hit.st)} allows ${actions.join(", ")} on Resource "*", so the holder can grant itself any permission (through any policy, user or role of the account). `
                    + "Scope these actions to the ARNs this role manages, or remove them.");
            }
            const passRole = granted("iam:PassRole", true);
            if (passRole === undefined) continue;
            const partners = PASS_ROLE_PARTNERS.filter((a) => granted(a, false) !== undefined);
            if (partners.length > 0) {
                report.violation(`${passRole.field} ${describeStatement(passRole.st)} allows iam:PassRole on Resource "*" and the document allows ${partners.join(", ")}, so the holder can run code under any role of the account, administrators included. `
                    + "Scope iam:PassRole to the roles it must pass (their ARNs) with an iam:PassedToService condition.");
            }
        }
    },
}), {
    behaviour: "IAM denies what no policy allows; a statement on Resource \"*\" applies to every policy, user and role of the account, including ones more privileged than the holder.",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
    checked: "2026-12-04",
});

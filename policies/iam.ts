/**
 * IAM: administrator access in every spelling (managed policy attached through any attachment
 * resource or a role's managedPolicyArns, or an equivalent inline / customer-managed document),
 * wildcard actions, GitHub OIDC trust pinned to a repository and environment, public trust,
 * long-lived access keys. Key policies (aws.kms.Key) are resource policies, not identity policies,
 * and are judged in kms.ts.
 */
import { stringList, text } from "./lib/config";
import { matchesAny } from "./lib/glob";
import {
    conditionValues, describeStatement, effectOf, grantsEverything, publicAccessOf,
    isServiceWildcard, matchesEveryAction, parseDocument, type Statement,
} from "./lib/iamdoc";
import { type PackPolicy, type ResourceReport, resourcePolicy, type ResourceView } from "./lib/policy";
import { at, list, pathText, str, UNKNOWN } from "./lib/values";

export const ROLE = "aws:iam/role:Role";
export const POLICY = "aws:iam/policy:Policy";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const USER_POLICY = "aws:iam/userPolicy:UserPolicy";
export const GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
export const ACCESS_KEY = "aws:iam/accessKey:AccessKey";
const SINGLE_ATTACHMENTS = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
];
const EXCLUSIVE_ATTACHMENTS = [
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
    "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
];
const DOCUMENT_TYPES = [POLICY, ROLE_POLICY, USER_POLICY, GROUP_POLICY];

const IAM_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html";

/** Identity-policy documents a resource declares, with the field they sit in. */
function identityDocuments(r: ResourceView, report: ResourceReport, what: string): { field: string; doc: unknown }[] {
    if (DOCUMENT_TYPES.includes(r.type)) return [{ field: "policy", doc: r.props.policy }];
    if (r.type !== ROLE) return [];
    const inline = list(r.props.inlinePolicies);
    if (inline === UNKNOWN) {
        report.unknown(what, "inlinePolicies");
        return [];
    }
    return (inline ?? []).map((p, i) => ({ field: pathText("inlinePolicies", i, "policy"), doc: at(p, "policy") }));
}

/** Managed-policy ARNs a resource attaches, with the field they sit in. */
function attachedArns(r: ResourceView, report: ResourceReport): { field: string; arn: unknown }[] {
    if (SINGLE_ATTACHMENTS.includes(r.type)) return [{ field: "policyArn", arn: r.props.policyArn }];
    const field = r.type === ROLE ? "managedPolicyArns" : EXCLUSIVE_ATTACHMENTS.includes(r.type) ? "policyArns" : undefined;
    if (field === undefined) return [];
    const arns = list(r.props[field]);
    if (arns === UNKNOWN) {
        report.unknown("whether an administrator policy is attached", field);
        return [];
    }
    return (arns ?? []).map((arn, i) => ({ field: pathText(field, i), arn }));
}

/** Name of an AWS-managed policy ARN ("arn:aws:iam::aws:policy/job-function/X" → "X"). */
export function awsManagedPolicyName(arn: string): string | undefined {
    return /^arn:[a-z-]+:iam::aws:policy\/(?:[^/]+\/)*([^/]+)$/.exec(arn.trim())?.[1];
}

function eachStatement(docs: { field: string; doc: unknown }[], report: ResourceReport, what: string,
    visit: (st: Statement, field: string) => void): void {
    for (const { field, doc } of docs) {
        const parsed = parseDocument(doc);
        if (parsed.kind === "unknown") report.unknown(what, field);
        if (parsed.kind !== "parsed") continue;
        if (parsed.unknownStatements > 0) report.unknown(what, `${field}.Statement`);
        parsed.statements.forEach((st) => visit(st, field));
    }
}

export const noAdministratorAccess = resourcePolicy({
    name: "iam-no-administrator-access",
    description: "No AdministratorAccess (or other admin-equivalent managed policy) is attached through any attachment resource or managedPolicyArns, and no identity policy allows every action on every resource (Action or NotAction).",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "IAM.1" }, { framework: "cis", control: "1.16" }],
    topics: ["identity"],
    resourceTypes: [ROLE, ...DOCUMENT_TYPES, ...SINGLE_ATTACHMENTS, ...EXCLUSIVE_ATTACHMENTS],
    remediation: "Attach least-privilege policies that name the actions and resources the workload needs.",
    url: IAM_DOCS,
    config: {
        deniedManagedPolicies: stringList("AWS-managed policies that grant administrator access (names or patterns).",
            ["AdministratorAccess", "AdministratorAccess-Amplify", "AdministratorAccess-AWSElasticBeanstalk", "IAMFullAccess"]),
    },
    check(r, config, report) {
        for (const { field, arn } of attachedArns(r, report)) {
            const value = str(arn);
            if (value === UNKNOWN) {
                report.unknown("whether an administrator policy is attached (customer-managed policies in the stack are judged by their own document)", field);
                continue;
            }
            const managed = value === undefined ? undefined : awsManagedPolicyName(value);
            if (managed !== undefined && matchesAny(config.deniedManagedPolicies, managed)) {
                report.violation(`${field} attaches the AWS-managed policy ${managed}, which grants administrator access. Attach a least-privilege policy that lists only the actions and resources the workload needs.`);
            }
        }
        const what = "whether the policy grants administrator access";
        eachStatement(identityDocuments(r, report, what), report, what, (st, field) => {
            const all = grantsEverything(st);
            if (all === UNKNOWN) report.unknown(what, `${field} ${describeStatement(st)}`);
            else if (all) {
                const how = st.notAction.present ? "uses Allow with NotAction, which grants every action not listed," : "allows every action (\"*\")";
                report.violation(`${field} ${describeStatement(st)} ${how} on every resource: administrator access. List the actions and resources the workload needs instead.`);
            }
        });
    },
});

export const noWildcardActions = resourcePolicy({
    name: "iam-no-wildcard-actions",
    description: "No identity-policy statement allows \"*\" or a whole service (\"s3:*\"), or uses NotAction with Allow, outside the configured allow-list.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "IAM.21" }],
    topics: ["identity"],
    resourceTypes: [ROLE, ...DOCUMENT_TYPES],
    remediation: "Name the actions the workload needs (s3:GetObject, s3:PutObject, ...).",
    url: IAM_DOCS,
    config: {
        allowedActions: stringList("Wildcard actions that are accepted (e.g. \"xray:*\"), compared case-insensitively.", []),
    },
    check(r, config, report) {
        const allowed = config.allowedActions.map((a) => a.toLowerCase());
        const what = "whether the policy allows wildcard actions";
        eachStatement(identityDocuments(r, report, what), report, what, (st, field) => {
            const effect = effectOf(st);
            if (effect === UNKNOWN) return report.unknown(what, `${field} ${describeStatement(st)}`);
            if (effect !== "allow") return;
            if (st.notAction.present) {
                return report.violation(`${field} ${describeStatement(st)} uses Allow with NotAction, which grants every action not listed, including ones AWS adds later. List the allowed actions in Action instead.`);
            }
            const wild = st.action.values.filter((a) => (matchesEveryAction(a) || isServiceWildcard(a)) && !matchesAny(allowed, a.trim().toLowerCase()));
            if (wild.length > 0) {
                report.violation(`${field} ${describeStatement(st)} allows ${wild.map((a) => `"${a}"`).join(", ")}: every action of ${wild.some(matchesEveryAction) ? "every service" : "the service"}. `
                    + "Name the actions the workload needs (for example s3:GetObject, s3:PutObject), or add the wildcard to allowedActions in the policy config.");
            } else if (st.action.unknown) {
                report.unknown(what, `${field} ${describeStatement(st)} Action`);
            }
        });
    },
});

const GITHUB_ISSUER = "token.actions.githubusercontent.com";
const SUB_OPERATORS = ["StringEquals", "StringLike", "StringEqualsIgnoreCase", "ForAnyValue:StringEquals", "ForAnyValue:StringLike"];
/** repo:<owner>/<repo>:environment:<env>, with no wildcard anywhere. */
const PINNED_SUB = /^repo:[^/*?:\s]+\/[^/*?:\s]+:environment:[^*?:\s]+$/;

function trustsGitHub(st: Statement): boolean | typeof UNKNOWN {
    const p = st.principal;
    if (p === UNKNOWN) return UNKNOWN;
    if (p === undefined || p === "*") return false;
    const federated = p.get("Federated");
    if (federated === undefined) return false;
    if (federated.values.some((v) => v.includes(GITHUB_ISSUER))) return true;
    return federated.unknown ? UNKNOWN : false;
}

function checkGitHubTrust(st: Statement, audience: string, report: ResourceReport): void {
    const where = `assumeRolePolicy ${describeStatement(st)}`;
    const what = "whether the GitHub OIDC trust is pinned to a repository and environment";
    if (st.condition === UNKNOWN) return report.unknown(what, `${where} Condition`);
    const subs = conditionValues(st, `${GITHUB_ISSUER}:sub`, SUB_OPERATORS);
    const pinned = subs.some((s) => !s.unknown && s.values.length > 0 && s.values.every((v) => PINNED_SUB.test(v.trim())));
    if (!pinned) {
        if (subs.some((s) => s.unknown)) report.unknown(what, `${where} Condition ${GITHUB_ISSUER}:sub`);
        else if (subs.length === 0) {
            report.violation(`${where} trusts GitHub Actions OIDC without a ${GITHUB_ISSUER}:sub condition, so any workflow of any repository on GitHub can assume the role. `
                + `Add Condition StringEquals { "${GITHUB_ISSUER}:sub": "repo:<owner>/<repo>:environment:<environment>" }.`);
        } else {
            const loose = subs.flatMap((s) => s.values).filter((v) => !PINNED_SUB.test(v.trim()));
            report.violation(`${where} lets ${loose.map((v) => `"${v}"`).join(", ") || "an empty subject list"} assume the role, which does not pin one repository and one GitHub environment. `
                + "Use subjects of the form \"repo:<owner>/<repo>:environment:<environment>\" with no wildcards, one per environment the role serves.");
        }
    }
    const auds = conditionValues(st, `${GITHUB_ISSUER}:aud`, ["StringEquals", "ForAnyValue:StringEquals"]);
    const audOk = auds.some((s) => !s.unknown && s.values.length > 0 && s.values.every((v) => v === audience));
    if (!audOk) {
        if (auds.some((s) => s.unknown)) report.unknown("whether the GitHub OIDC audience is pinned", `${where} Condition ${GITHUB_ISSUER}:aud`);
        else report.violation(`${where} does not require ${GITHUB_ISSUER}:aud to equal "${audience}". Add Condition StringEquals { "${GITHUB_ISSUER}:aud": "${audience}" }.`);
    }
}

export const githubOidcTrustPinned = resourcePolicy({
    name: "iam-github-oidc-trust-pinned",
    description: "Roles trusted by GitHub Actions OIDC pin the sub claim to repo:<owner>/<repo>:environment:<env> (no wildcards) and the aud claim to sts.amazonaws.com.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROLE],
    remediation: "Condition the trust on token.actions.githubusercontent.com:sub = repo:<owner>/<repo>:environment:<env> and :aud = sts.amazonaws.com.",
    url: "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
    config: {
        audience: text("Required value of the token's aud claim.", "sts.amazonaws.com"),
    },
    check(r, config, report) {
        const parsed = parseDocument(r.props.assumeRolePolicy);
        const what = "whether the role trusts GitHub Actions OIDC without pinning it";
        if (parsed.kind === "unknown") return report.unknown(what, "assumeRolePolicy");
        if (parsed.kind !== "parsed") return;
        if (parsed.unknownStatements > 0) report.unknown(what, "assumeRolePolicy.Statement");
        for (const st of parsed.statements) {
            if (effectOf(st) !== "allow") continue;
            const github = trustsGitHub(st);
            if (github === UNKNOWN) report.unknown(what, `assumeRolePolicy ${describeStatement(st)} Principal`);
            else if (github) checkGitHubTrust(st, config.audience, report);
        }
    },
});

export const roleTrustNoPublicPrincipal = resourcePolicy({
    name: "iam-role-trust-no-public-principal",
    description: "No role's trust policy lets any principal (\"*\") assume it without a condition pinning the caller's account or organisation.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROLE],
    remediation: "Trust a named service, account or role, or pin \"*\" with aws:PrincipalOrgID / aws:PrincipalAccount.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    check(r, _config, report) {
        const parsed = parseDocument(r.props.assumeRolePolicy);
        const what = "whether anyone may assume the role";
        if (parsed.kind === "unknown") return report.unknown(what, "assumeRolePolicy");
        if (parsed.kind !== "parsed") return;
        for (const st of parsed.statements) {
            const access = publicAccessOf(st);
            if (access === UNKNOWN) {
                report.unknown(what, `assumeRolePolicy ${describeStatement(st)}`);
            } else if (access === "public") {
                report.violation(`assumeRolePolicy ${describeStatement(st)} lets any AWS principal in any account assume the role (Principal "*"). `
                    + "Trust the specific service, account or role, or pin it with an aws:PrincipalOrgID or aws:PrincipalAccount condition.");
            }
        }
    },
});

export const userNoAccessKeys = resourcePolicy({
    name: "iam-user-no-access-keys",
    description: "No IAM user gets a long-lived access key; workloads and CI use roles (instance profiles, task roles, GitHub OIDC).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "IAM.3" }, { framework: "cis", control: "1.14" }],
    topics: ["identity", "secrets"],
    resourceTypes: [ACCESS_KEY],
    remediation: "Delete the access key; give the workload a role (instance profile, ECS task role, GitHub OIDC role).",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    check(r, _config, report) {
        const status = str(r.props.status);
        if (status === "Inactive") return;
        report.violation("creates a long-lived access key for an IAM user; such keys leak through laptops, CI logs and repositories and stay valid until someone rotates them. "
            + "Remove it and give the workload a role: an instance profile, an ECS task role, or a GitHub OIDC role for CI.");
    },
});

export const iamPolicies: readonly PackPolicy[] = [
    noAdministratorAccess, noWildcardActions, githubOidcTrustPinned, roleTrustNoPublicPrincipal, userNoAccessKeys,
];

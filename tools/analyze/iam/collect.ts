// Which policies apply to a request, gathered from the plan (pure): a role's identity policies
// (inline on the role, aws.iam.RolePolicy, attachments of customer-managed policies of this stack
// and AWS-managed ones by name), the target's resource policy (bucket policy, KMS key policy,
// secret policy, ECR repository policy), and the SCPs attached to an organisational unit and
// its ancestors. A policy that cannot be read offline is listed as unreadable.
import { isUnknown, type Plan, type PlanResource, type Value } from "../plan";
import { type PolicyDocument, readDocument } from "./documents";
import { awsManagedDocument, awsManagedName } from "./managed";

export const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
const MANAGED_POLICY = "aws:iam/policy:Policy";
export const OU = "aws:organizations/organizationalUnit:OrganizationalUnit";
const ORG_ACCOUNT = "aws:organizations/account:Account";
const ORGANIZATION = "aws:organizations/organization:Organization";
const SCP = "aws:organizations/policy:Policy";
const SCP_ATTACHMENT = "aws:organizations/policyAttachment:PolicyAttachment";

export interface Collected {
    documents: PolicyDocument[];
    unreadable: string[];
}

function refersTo(plan: Plan, r: PlanResource, property: string, target: PlanResource, types: string[]): boolean {
    const value = r.props[property];
    if (typeof value === "string" && !isUnknown(value) && (value === target.props.name || value === target.id)) return true;
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === "string" && (v === target.props.name || v === target.id))) return true;
    return plan.referenced(r, property, types, Array.isArray(value) ? undefined : value).some((t) => t.urn === target.urn);
}

function managedArn(plan: Plan, arn: Value, owner: PlanResource, property: string, label: string, out: Collected): void {
    if (typeof arn === "string" && !isUnknown(arn)) {
        const name = awsManagedName(arn);
        if (name !== undefined) {
            const doc = awsManagedDocument(name);
            if (doc) out.documents.push(readDocument(`AWS-managed policy ${name}`, doc as Value, []));
            else out.unreadable.push(`AWS-managed policy ${name} (${label}) is not in the analyzer's table of managed policies`);
            return;
        }
        const customer = plan.ofType(MANAGED_POLICY).find((p) => arn.endsWith(`:policy/${String(p.props.name)}`) || p.id === arn);
        if (customer) out.documents.push(readDocument(`managed policy ${customer.name}`, customer.props.policy, customer.propertyDependencies.policy ?? []));
        else out.unreadable.push(`policy ${arn} (${label}) is not created by this stack`);
        return;
    }
    const policies = plan.referenced(owner, property, [MANAGED_POLICY]);
    if (policies.length === 0) out.unreadable.push(`${label}: its policy ARN is unknown in preview and names no policy of this plan`);
    for (const p of policies) out.documents.push(readDocument(`managed policy ${p.name}`, p.props.policy, p.propertyDependencies.policy ?? []));
}

export function identityPolicies(plan: Plan, role: PlanResource): Collected {
    const out: Collected = { documents: [], unreadable: [] };
    for (const inline of (role.props.inlinePolicies as Array<Record<string, Value>> | undefined) ?? []) {
        out.documents.push(readDocument(`inline policy ${String(inline.name ?? "")} of ${role.name}`, inline.policy, role.propertyDependencies.inlinePolicies ?? []));
    }
    for (const rp of plan.ofType(ROLE_POLICY)) {
        if (refersTo(plan, rp, "role", role, [ROLE])) out.documents.push(readDocument(`inline policy ${rp.name}`, rp.props.policy, rp.propertyDependencies.policy ?? []));
    }
    for (const arn of (role.props.managedPolicyArns as Value[] | undefined) ?? []) managedArn(plan, arn, role, "managedPolicyArns", role.name, out);
    for (const att of plan.ofType(ATTACHMENT)) {
        if (refersTo(plan, att, "role", role, [ROLE])) managedArn(plan, att.props.policyArn, att, "policyArn", att.name, out);
    }
    for (const att of plan.ofType(POLICY_ATTACHMENT)) {
        if (refersTo(plan, att, "roles", role, [ROLE])) managedArn(plan, att.props.policyArn, att, "policyArn", att.name, out);
    }
    return out;
}

/** Resource-policy resources by target type: [policy resource type, property naming the target, property with the document]. */
const RESOURCE_POLICIES: Record<string, Array<[string, string, string]>> = {
    "aws:s3/bucket:Bucket": [["aws:s3/bucketPolicy:BucketPolicy", "bucket", "policy"]],
    "aws:s3/bucketV2:BucketV2": [["aws:s3/bucketPolicy:BucketPolicy", "bucket", "policy"]],
    "aws:kms/key:Key": [["aws:kms/keyPolicy:KeyPolicy", "keyId", "policy"]],
    "aws:secretsmanager/secret:Secret": [["aws:secretsmanager/secretPolicy:SecretPolicy", "secretArn", "policy"]],
    "aws:ecr/repository:Repository": [["aws:ecr/repositoryPolicy:RepositoryPolicy", "repository", "policy"]],
};

export function resourcePolicies(plan: Plan, target: PlanResource): Collected {
    const out: Collected = { documents: [], unreadable: [] };
    if (target.props.policy !== undefined) out.documents.push(readDocument(`policy of ${target.name}`, target.props.policy, target.propertyDependencies.policy ?? []));
    for (const [type, property, documentProperty] of RESOURCE_POLICIES[target.type] ?? []) {
        for (const p of plan.ofType(type)) {
            if (refersTo(plan, p, property, target, [target.type])) out.documents.push(readDocument(`${p.name}`, p.props[documentProperty], p.propertyDependencies[documentProperty] ?? []));
        }
    }
    return out;
}

/** The OU or account, then its ancestors up to the organisation (through parentId dependencies). */
function chain(plan: Plan, scope: PlanResource): PlanResource[] {
    const out = [scope];
    let current: PlanResource | undefined = scope;
    while (current) {
        const parents: PlanResource[] = plan.referenced(current, "parentId", [OU, ORGANIZATION]);
        current = parents.length === 1 && !out.includes(parents[0]) ? parents[0] : undefined;
        if (current) out.push(current);
    }
    return out;
}

/** SCPs attached to the scope or above it; AWS's FullAWSAccess is assumed attached, as AWS attaches it by default. */
export function serviceControlPolicies(plan: Plan, scope: PlanResource): Collected {
    const out: Collected = { documents: [], unreadable: [] };
    if (scope.type !== OU && scope.type !== ORG_ACCOUNT) out.unreadable.push(`${scope.name} is no organisational unit or account`);
    const levels = chain(plan, scope);
    for (const att of plan.ofType(SCP_ATTACHMENT)) {
        const targets = plan.referenced(att, "targetId", [OU, ORG_ACCOUNT, ORGANIZATION]);
        if (!targets.some((t) => levels.includes(t))) continue;
        for (const p of plan.referenced(att, "policyId", [SCP])) {
            out.documents.push(readDocument(`SCP ${p.name} (on ${targets.map((t) => t.name).join(", ")})`, p.props.content, p.propertyDependencies.content ?? []));
        }
    }
    return out;
}

/**
 * Resource types, the documentation page and the reading of managed-policy attachments that
 * several IAM policies share.
 */
import type { ResourceReport, ResourceView } from "../lib/policy";
import { list, pathText, UNKNOWN } from "../lib/values";

export const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const USER_POLICY = "aws:iam/userPolicy:UserPolicy";
const GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";

export const DOCUMENT_TYPES = [POLICY, ROLE_POLICY, USER_POLICY, GROUP_POLICY];

export const IAM_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html";

/** Attachments of one managed policy, each in `policyArn`. */
export const SINGLE_ATTACHMENTS = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
];
/** Attachments of a whole set of managed policies, in `policyArns`. */
export const EXCLUSIVE_ATTACHMENTS = [
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
    "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
];

/**
 * Managed-policy ARNs a resource attaches (an attachment, an exclusive set, a role's
 * managedPolicyArns), with the input they sit in; a list unknown in preview is reported as
 * `unknownWhat` and yields nothing.
 */
export function attachedManagedPolicyArns(r: ResourceView, report: ResourceReport, unknownWhat: string): { field: string; arn: unknown }[] {
    if (SINGLE_ATTACHMENTS.includes(r.type)) return [{ field: "policyArn", arn: r.props.policyArn }];
    const field = r.type === ROLE ? "managedPolicyArns" : EXCLUSIVE_ATTACHMENTS.includes(r.type) ? "policyArns" : undefined;
    if (field === undefined) return [];
    const arns = list(r.props[field]);
    if (arns === UNKNOWN) {
        report.unknown(unknownWhat, field);
        return [];
    }
    return (arns ?? []).map((arn, i) => ({ field: pathText(field, i), arn }));
}

/**
 * Resource types and the documentation page that several IAM policies share.
 */
export const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const USER_POLICY = "aws:iam/userPolicy:UserPolicy";
const GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";

export const DOCUMENT_TYPES = [POLICY, ROLE_POLICY, USER_POLICY, GROUP_POLICY];

export const IAM_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html";

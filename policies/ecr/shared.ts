/**
 * The resource type and documentation page both ECR policies share.
 */
export const REPOSITORY = "aws:ecr/repository:Repository";
export const ECR_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html";

/**
 * The resource type and documentation page both CloudTrail policies share.
 */
export const TRAIL = "aws:cloudtrail/trail:Trail";
export const DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html";

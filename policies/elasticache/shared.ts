/**
 * The resource type and documentation page both ElastiCache policies share.
 */
export const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
export const DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html";

/**
 * The resource type and documentation page that several ECS policies share.
 */
export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

export const ECS_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html";

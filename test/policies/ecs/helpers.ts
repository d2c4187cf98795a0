/** What several ecs policy specs share. */
import { res, T } from "../helpers/fixtures";

export const LOGS = { logDriver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } };
export const task = (...containers: Record<string, unknown>[]) => res(T.taskDefinition, "api", { family: "api", containerDefinitions: JSON.stringify(containers) });

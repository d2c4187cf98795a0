import { resourcePolicy } from "../lib/policy";
import { at, str } from "../lib/values";
import { containers } from "./containers";
import { ECS_DOCS, TASK_DEFINITION } from "./shared";

export const taskDefinitionLoggingRequired = resourcePolicy({
    name: "ecs-task-definition-logging-required",
    description: "Every container ships its logs (logConfiguration with a log driver, e.g. awslogs).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ECS.9" }],
    topics: ["logging", "containers"],
    resourceTypes: [TASK_DEFINITION],
    remediation: "Give every container logConfiguration: { logDriver: \"awslogs\", options: { awslogs-group, awslogs-region, awslogs-stream-prefix } }.",
    url: ECS_DOCS,
    check(r, _config, report) {
        for (const c of containers(r, report, "whether every container ships its logs") ?? []) {
            const driver = str(at(c.def, "logConfiguration", "logDriver"));
            if (driver === undefined) {
                report.violation(`${c.label} has no logConfiguration, so its output is lost when the task stops. Add logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": <log group>, "awslogs-region": <region>, "awslogs-stream-prefix": <name> } }.`);
            }
        }
    },
});

import { resourcePolicy } from "../lib/policy";
import { scanVariable } from "../lib/secrets";
import { at, records, str, UNKNOWN } from "../lib/values";
import { containers } from "./containers";
import { TASK_DEFINITION } from "./shared";

export const taskDefinitionNoSecretsInEnvironment = resourcePolicy({
    name: "ecs-task-definition-no-secrets-in-environment",
    description: "No container passes a secret as a plain environment variable (secret-named variable with a literal value, or a token-shaped value).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ECS.8" }],
    topics: ["secrets", "containers"],
    resourceTypes: [TASK_DEFINITION],
    remediation: "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's secrets list.",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar.html",
    check(r, _config, report) {
        for (const c of containers(r, report, "whether a container passes secrets in its environment") ?? []) {
            const env = records(c.def.environment);
            for (const e of env === UNKNOWN ? [] : env ?? []) {
                const name = str(at(e, "name"));
                const value = str(at(e, "value"));
                if (typeof name !== "string" || typeof value !== "string") continue;
                for (const f of scanVariable(name, value)) {
                    report.violation(`${c.label} passes ${f.kind} in the environment variable ${f.where}, visible to anyone who can describe the task definition. `
                        + `Store it in Secrets Manager or SSM Parameter Store and reference it in secrets: [{ name: "${name}", valueFrom: <secret ARN> }].`);
                }
            }
        }
    },
});

/**
 * ECS: task definitions (container definitions are a JSON string) run unprivileged, log, and keep
 * secrets out of plain environment variables; services get no public IP.
 */
import { type PackPolicy, type ResourceReport, resourcePolicy, type ResourceView } from "./lib/policy";
import { scanVariable } from "./lib/secrets";
import { at, bool, jsonDoc, records, type Rec, str, UNKNOWN } from "./lib/values";

export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
export const SERVICE = "aws:ecs/service:Service";
const ECS_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html";

interface Container { readonly label: string; readonly def: Rec }

/** Container definitions of a task definition; undefined after reporting when they cannot be read. */
function containers(r: ResourceView, report: ResourceReport, what: string): Container[] | undefined {
    const doc = jsonDoc(r.props.containerDefinitions);
    if (doc === UNKNOWN) {
        report.unknown(what, "containerDefinitions");
        return undefined;
    }
    if (doc === "invalid" || doc === undefined) return [];
    const items = records(doc);
    if (items === UNKNOWN) {
        report.unknown(what, "containerDefinitions");
        return undefined;
    }
    const out: Container[] = [];
    (items ?? []).forEach((c, i) => {
        if (c === UNKNOWN) report.unknown(what, `containerDefinitions[${i}]`);
        else if (c !== undefined) {
            const name = str(c.name);
            out.push({ label: `container ${typeof name === "string" ? `"${name}"` : `#${i}`}`, def: c });
        }
    });
    return out;
}

export const noPrivilegedContainers = resourcePolicy({
    name: "ecs-task-definition-no-privileged-containers",
    description: "No container runs privileged, and the task shares neither the host's PID nor IPC namespace.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ECS.4" }, { framework: "fsbp", control: "ECS.3" }],
    topics: ["containers", "compute"],
    resourceTypes: [TASK_DEFINITION],
    remediation: "Remove privileged: true and pidMode/ipcMode \"host\"; grant the specific Linux capabilities needed instead.",
    url: ECS_DOCS,
    check(r, _config, report) {
        for (const mode of ["pidMode", "ipcMode"] as const) {
            const v = str(r.props[mode]);
            if (v === UNKNOWN) report.unknown("whether the task shares host namespaces", mode);
            else if (v === "host") report.violation(`${mode} is "host", so the containers share the host's ${mode === "pidMode" ? "process" : "IPC"} namespace and can see or signal its processes. Remove ${mode} (or set "task").`);
        }
        for (const c of containers(r, report, "whether a container runs privileged") ?? []) {
            const privileged = bool(c.def.privileged);
            if (privileged === true) {
                report.violation(`${c.label} sets privileged: true, which gives it root on the host. Remove privileged and add only the Linux capabilities it needs (linuxParameters.capabilities.add).`);
            }
        }
    },
});

export const containerLogging = resourcePolicy({
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

export const noSecretsInEnvironment = resourcePolicy({
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

export const serviceNoPublicIp = resourcePolicy({
    name: "ecs-service-no-public-ip",
    description: "Services run tasks without public IPs (private subnets behind the load balancer).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "ECS.2" }],
    topics: ["network", "containers"],
    resourceTypes: [SERVICE],
    remediation: "Run tasks in private subnets and set networkConfiguration.assignPublicIp to false.",
    url: ECS_DOCS,
    check(r, _config, report) {
        const assign = bool(at(r.props, "networkConfiguration", "assignPublicIp"));
        if (assign === UNKNOWN) report.unknown("whether tasks get a public IP", "networkConfiguration.assignPublicIp");
        else if (assign === true) {
            report.violation("networkConfiguration.assignPublicIp is true, so every task is directly reachable from the internet. Run tasks in private subnets behind the load balancer and set assignPublicIp to false.");
        }
    },
});

export const ecsPolicies: readonly PackPolicy[] = [noPrivilegedContainers, containerLogging, noSecretsInEnvironment, serviceNoPublicIp];

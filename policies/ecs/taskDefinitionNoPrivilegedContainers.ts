import { resourcePolicy } from "../lib/policy";
import { bool, str, UNKNOWN } from "../lib/values";
import { containers } from "./containers";
import { ECS_DOCS, TASK_DEFINITION } from "./shared";

export const taskDefinitionNoPrivilegedContainers = resourcePolicy({
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

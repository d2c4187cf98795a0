import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { bool, UNKNOWN } from "../lib/values";
import { containers } from "./containers";
import { ECS_DOCS, TASK_DEFINITION } from "./shared";

const CONTAINER_DEFINITION = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html";

export const taskDefinitionReadOnlyRootFilesystemEnforced = withAwsDefault(resourcePolicy({
    name: "ecs-task-definition-read-only-root-filesystem-enforced",
    description: "Every container of a task definition mounts its root filesystem read-only (readonlyRootFilesystem true), so a compromised process cannot rewrite the image's binaries or drop tools into it.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "ECS.5" }],
    topics: ["containers", "compute"],
    resourceTypes: [TASK_DEFINITION],
    remediation: "Set readonlyRootFilesystem: true on each container definition and mount a writable volume (e.g. an empty task volume at /tmp) where the app writes.",
    url: ECS_DOCS,
    check(r, _config, report) {
        for (const c of containers(r, report, "whether each container's root filesystem is read-only") ?? []) {
            const readOnly = bool(c.def.readonlyRootFilesystem);
            if (readOnly === true) continue;
            if (readOnly === UNKNOWN) {
                report.unknown("whether the container's root filesystem is read-only", `containerDefinitions (${c.label}).readonlyRootFilesystem`);
                continue;
            }
            report.violation(`${c.label} ${readOnly === false ? "sets readonlyRootFilesystem: false" : "does not set readonlyRootFilesystem, and ECS then mounts the root filesystem read-write"}, so a compromised process can change the container's binaries and configuration. `
                + "Set readonlyRootFilesystem: true and mount a writable task volume where the app must write (e.g. /tmp).");
        }
    },
}), {
    behaviour: "readonlyRootFilesystem defaults to false: a container's root filesystem is writable unless its definition says otherwise.",
    source: CONTAINER_DEFINITION,
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { at, pathText, records, str, UNKNOWN } from "../lib/values";
import { TASK_DEFINITION } from "./shared";

const EFS_VOLUME_CONFIGURATION = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html";

export const taskDefinitionEfsTransitEncrypted = withAwsDefault(resourcePolicy({
    name: "ecs-task-definition-efs-transit-encrypted",
    description: "Every EFS volume of a task definition encrypts data in transit between the ECS host and the file system (efsVolumeConfiguration.transitEncryption ENABLED).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["encryption", "containers"],
    resourceTypes: [TASK_DEFINITION],
    remediation: "Set efsVolumeConfiguration.transitEncryption: \"ENABLED\" on each EFS volume (required anyway for EFS IAM authorization).",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html",
    check(r, _config, report) {
        const volumes = records(r.props.volumes);
        if (volumes === UNKNOWN) return report.unknown("whether EFS volumes encrypt data in transit", "volumes");
        (volumes ?? []).forEach((volume, i) => {
            const field = pathText("volumes", i);
            if (volume === UNKNOWN) return report.unknown("whether the volume encrypts EFS data in transit", field);
            const efs = at(volume, "efsVolumeConfiguration");
            if (efs === undefined) return;
            if (efs === UNKNOWN) return report.unknown("whether the EFS volume encrypts data in transit", `${field}.efsVolumeConfiguration`);
            const transit = str(at(efs, "transitEncryption"));
            if (transit === UNKNOWN) return report.unknown("whether the EFS volume encrypts data in transit", `${field}.efsVolumeConfiguration.transitEncryption`);
            if (transit !== undefined && transit.toUpperCase() === "ENABLED") return;
            const name = str(at(volume, "name"));
            report.violation(`${field}${typeof name === "string" ? ` ("${name}")` : ""} mounts EFS with transitEncryption ${transit === undefined ? "not set (ECS then uses DISABLED)" : JSON.stringify(transit)}, so file data crosses the network unencrypted. `
                + "Set efsVolumeConfiguration.transitEncryption: \"ENABLED\".");
        });
    },
}), {
    behaviour: "transitEncryption defaults to DISABLED: an EFS volume of a task is mounted without TLS unless the task definition enables it.",
    source: EFS_VOLUME_CONFIGURATION,
    checked: "2026-12-04",
});

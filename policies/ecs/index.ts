/**
 * ECS: task definitions (container definitions are a JSON string) run unprivileged, log, and keep
 * secrets out of plain environment variables; services get no public IP.
 */
import type { PackPolicy } from "../lib/policy";
import { serviceNoPublicIp } from "./serviceNoPublicIp";
import { taskDefinitionLoggingRequired } from "./taskDefinitionLoggingRequired";
import { taskDefinitionNoPrivilegedContainers } from "./taskDefinitionNoPrivilegedContainers";
import { taskDefinitionNoSecretsInEnvironment } from "./taskDefinitionNoSecretsInEnvironment";
import { clusterContainerInsightsEnabled } from "./clusterContainerInsightsEnabled";
import { serviceLatestPlatformRequired } from "./serviceLatestPlatformRequired";
import { taskDefinitionReadOnlyRootFilesystemEnforced } from "./taskDefinitionReadOnlyRootFilesystemEnforced";
import { taskDefinitionEfsTransitEncrypted } from "./taskDefinitionEfsTransitEncrypted";

/** In table order. */
export const ecsPolicies: readonly PackPolicy[] = [
    taskDefinitionNoPrivilegedContainers, taskDefinitionLoggingRequired, taskDefinitionNoSecretsInEnvironment, serviceNoPublicIp,
    clusterContainerInsightsEnabled,
    serviceLatestPlatformRequired,
    taskDefinitionReadOnlyRootFilesystemEnforced,
    taskDefinitionEfsTransitEncrypted,
];

/**
 * Auto Scaling: groups on launch templates, ELB health checks behind a load balancer, tags on launched instances.
 */
import type { PackPolicy } from "../lib/policy";
import { groupCooldownRequired } from "./groupCooldownRequired";
import { groupElbHealthCheckRequired } from "./groupElbHealthCheckRequired";
import { groupLaunchTemplateRequired } from "./groupLaunchTemplateRequired";
import { groupTagPropagationEnabled } from "./groupTagPropagationEnabled";

/** In table order. */
export const autoscalingPolicies: readonly PackPolicy[] = [
    groupLaunchTemplateRequired,
    groupElbHealthCheckRequired,
    groupCooldownRequired,
    groupTagPropagationEnabled,
];

/**
 * How a service scales (pure): Application Auto Scaling's resource id and the target-tracking
 * policies on CPU and, behind an ALB, requests per task.
 */
import { requestCountTargetTracking } from "../loadbalancer/targets";

/** The Application Auto Scaling resource id of an ECS service. */
export function ecsScalingResourceId(clusterName: string, serviceName: string): string {
    return `service/${clusterName}/${serviceName}`;
}

/** One target-tracking policy of a service, as aws.appautoscaling.Policy args (without the target). */
export interface ScalingPolicySpec<L = string> {
    /** Suffix of the policy's logical name. */
    key: string;
    targetTrackingScalingPolicyConfiguration: {
        predefinedMetricSpecification: { predefinedMetricType: string; resourceLabel?: L };
        targetValue: number;
        scaleInCooldown: number;
        scaleOutCooldown: number;
        disableScaleIn: boolean;
    };
}

/** Scale out quickly (60 s), scale in slowly (300 s): a burst of chat traffic comes back. */
export const SCALE_OUT_COOLDOWN = 60;

export const SCALE_IN_COOLDOWN = 300;

/**
 * Target-tracking policies of a service: average CPU for every service, plus requests per task
 * (ALBRequestCountPerTarget) for a load-balanced one. With several policies, Application Auto
 * Scaling scales out when any asks and in only when all agree.
 */
export function serviceScalingPolicies<L>(cpuTarget: number, requests?: { resourceLabel: L; perTarget: number }): ScalingPolicySpec<L>[] {
    const cooldowns = { scaleInCooldown: SCALE_IN_COOLDOWN, scaleOutCooldown: SCALE_OUT_COOLDOWN };
    const policies: ScalingPolicySpec<L>[] = [{
        key: "cpu",
        targetTrackingScalingPolicyConfiguration: {
            predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
            targetValue: cpuTarget,
            ...cooldowns,
            disableScaleIn: false,
        },
    }];
    if (requests !== undefined) {
        policies.push({
            key: "requests",
            targetTrackingScalingPolicyConfiguration: {
                ...requestCountTargetTracking(requests.resourceLabel, requests.perTarget),
                ...cooldowns,
            },
        });
    }
    return policies;
}

/** A service's task counts: at creation, and the range auto scaling keeps it in. */
export interface ServiceCounts {
    desired: number;
    min: number;
    max: number;
}

/**
 * The counts a service runs with. Until its image exists (`imageReady` false: a new stack's
 * repositories are empty), zero tasks and a 0-0 scaling range: no task pulls a missing image and
 * crash-loops, and auto scaling cannot start one. Once ready, the configured counts; raising the
 * range's minimum above the running count makes Application Auto Scaling start tasks up to it.
 */
export function serviceCounts(counts: { desiredCount: number; minCount: number; maxCount: number }, imageReady: boolean): ServiceCounts {
    return imageReady
        ? { desired: counts.desiredCount, min: counts.minCount, max: counts.maxCount }
        : { desired: 0, min: 0, max: 0 };
}

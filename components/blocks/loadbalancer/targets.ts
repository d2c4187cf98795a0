/**
 * What a load balancer's targets (an Auto Scaling group, an ECS service) share, as data: the peer
 * key their security group gives the load balancer's group, and target tracking on the ALB's
 * requests per target.
 */

/** The peer key a target's security group uses for the load balancer's group. */
export const LOAD_BALANCER_PEER = "load-balancer";

/**
 * The ALBRequestCountPerTarget resource label: `app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>`,
 * i.e. the load balancer's and the target group's ARN suffixes joined by a slash.
 */
export function requestCountResourceLabel(loadBalancerArnSuffix: string, targetGroupArnSuffix: string): string {
    return `${loadBalancerArnSuffix}/${targetGroupArnSuffix}`;
}

/** Target tracking on requests per target (seed 001: TargetRequestCountPerTarget 1000). */
export function requestCountTargetTracking<L = string>(resourceLabel: L, targetValue: number) {
    return {
        predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel },
        targetValue,
        disableScaleIn: false,
    };
}


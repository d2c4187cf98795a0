/**
 * How the web fleet's Auto Scaling group sizes itself (pure).
 */
import { type AutoScalingSettings } from "../../config/web";

/** The group's size and health settings (seed 001: 1/4/2, ELB health checks, 300 s grace). */
export function autoScalingGroupSettings(asg: AutoScalingSettings) {
    return {
        minSize: asg.minSize,
        maxSize: asg.maxSize,
        desiredCapacity: asg.desiredCapacity,
        healthCheckType: "ELB",
        healthCheckGracePeriod: asg.healthCheckGracePeriodSeconds,
        defaultInstanceWarmup: asg.healthCheckGracePeriodSeconds,
    };
}

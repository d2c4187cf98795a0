/**
 * Phase 2 decisions (pure): who may reach the app instances, where they may go, and how the
 * Auto Scaling group sizes and scales itself.
 */
import { type AutoScalingSettings } from "../../config/web";
import { LOAD_BALANCER_PEER } from "../../blocks/loadbalancer/targets";
import { type RuleSpec, tcp, WORLD_IPV4 } from "../../blocks/security/rules";

/** In: the app port, only from the load balancer's security group. Nothing else (no SSH: SSM). */
export function instanceIngress(appPort: number): RuleSpec[] {
    return [{
        description: `App port ${appPort} from the load balancer only`,
        protocol: "tcp",
        fromPort: appPort,
        toPort: appPort,
        securityGroupKey: LOAD_BALANCER_PEER,
    }];
}

/** Out: the configured TCP ports (443 and 80 by default) to the internet, through NAT. */
export function instanceEgress(ports: readonly number[]): RuleSpec[] {
    return ports.map((port) => tcp(port, `Port ${port} to the internet through NAT (packages, images, AWS APIs)`, [WORLD_IPV4]));
}

/**
 * The host firewall's view of the same ingress: nftables cannot name a security group, so it
 * admits the app port from the VPC (where the load balancer's nodes live); the security group
 * narrows that to the load balancer.
 */
export function instanceFirewallIngress(appPort: number, vpcCidrBlock: string): RuleSpec[] {
    return [tcp(appPort, "App port from the load balancer (VPC)", [vpcCidrBlock])];
}

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

/**
 * Monthly compute cost in us-east-1 (730 h) of `instances` on-demand instances with gp3 roots:
 * t3.micro $7.59, t3.small $15.18, t4g.small $12.26 (unknown types are not priced).
 */
export const HOURLY_PRICE: Readonly<Record<string, number>> = {
    "t3.micro": 0.0104,
    "t3.small": 0.0208,
    "t3.medium": 0.0416,
    "t4g.micro": 0.0084,
    "t4g.small": 0.0168,
    "t4g.medium": 0.0336,
};

export function fleetMonthlyCost(instanceType: string, instances: number, rootVolumeGb: number): number | undefined {
    const hourly = HOURLY_PRICE[instanceType];
    if (hourly === undefined) return undefined;
    return Math.round(instances * (hourly * 730 + rootVolumeGb * 0.08) * 100) / 100;
}

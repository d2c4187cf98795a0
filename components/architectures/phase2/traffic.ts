/**
 * Who may reach the web fleet's instances and where they may go (pure): the security group's
 * rules and the host firewall's view of them.
 */
import { LOAD_BALANCER_PEER } from "../../blocks/loadbalancer/targets";
import { type RuleSpec, tcp, WORLD_IPV4 } from "../../blocks/security/ruleSpecs";

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

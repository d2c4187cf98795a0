/**
 * Who may reach a service's tasks and where they may go (pure).
 */
import { LOAD_BALANCER_PEER } from "../loadbalancer/targets";
import { type RuleSpec, tcp, WORLD_IPV4 } from "../security/ruleSpecs";

/**
 * In: a load-balanced service admits its container port from the load balancer's security group
 * only; a worker admits nothing.
 */
export function serviceIngress(containerPort: number | undefined, source: { key: string; description: string } = { key: LOAD_BALANCER_PEER, description: "the load balancer" }): RuleSpec[] {
    if (containerPort === undefined) return [];
    return [{
        description: `Container port ${containerPort} from ${source.description} only`,
        protocol: "tcp",
        fromPort: containerPort,
        toPort: containerPort,
        securityGroupKey: source.key,
    }];
}

/** A destination inside the VPC that a service talks to, by security group (Redis, ...). */
export interface PeerEgress {
    /** Key of the peer in the group's `peers` map. */
    key: string;
    port: number;
    description: string;
}

/**
 * Out: the configured TCP ports to the internet through NAT (ECR, Secrets Manager, CloudWatch
 * Logs and other AWS APIs are HTTPS), and each in-VPC peer on its port, by security group.
 */
export function serviceEgress(worldPorts: readonly number[], peers: readonly PeerEgress[]): RuleSpec[] {
    return [
        ...worldPorts.map((port) => tcp(port, `Port ${port} to the internet through NAT (images, AWS APIs)`, [WORLD_IPV4])),
        ...peers.map((p): RuleSpec => ({ description: p.description, protocol: "tcp", fromPort: p.port, toPort: p.port, securityGroupKey: p.key })),
    ];
}

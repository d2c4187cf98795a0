/**
 * The mTLS API's traffic as data (pure): the NLB's target group and the security-group chain
 * NLB -> gateway -> API.
 */
import { type RuleSpec } from "../../blocks/security/ruleSpecs";

/** Port nginx listens on; the NLB forwards TCP 443 to it unchanged. */
export const GATEWAY_PORT = 443;

/** Key of the NLB's security group in the gateway group's peers. */
export const NLB_PEER = "nlb";

/** Key of the gateway's security group in the API group's peers. */
export const GATEWAY_PEER = "gateway";

/**
 * The NLB's target group of gateway tasks (type ip, TCP 443):
 * - client IP preservation off (the AWS default for ip targets over TCP, pinned): the tasks see
 *   the NLB's private addresses, so the gateway's group can admit the NLB's group alone;
 * - PROXY protocol v2 on, so nginx still logs and forwards the partner's address (nginxConfig's
 *   `proxyProtocol` must match);
 * - health check over HTTPS on /health at the traffic port: it passes only when nginx completes a
 *   TLS handshake with the mounted key and certificate and answers, which a TCP check would not
 *   prove; /health needs no client certificate (`ssl_verify_client optional`). Every 10 s, 2 in a
 *   row either way, so a new task takes traffic (and a failed one stops) in about 20 s.
 */
export function gatewayTargetGroupSettings(healthPath: string) {
    return {
        port: GATEWAY_PORT,
        protocol: "TCP",
        targetType: "ip",
        preserveClientIp: "false",
        proxyProtocolV2: true,
        deregistrationDelay: 30,
        healthCheck: {
            protocol: "HTTPS",
            path: healthPath,
            port: "traffic-port",
            matcher: "200",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 2,
        },
    };
}

/** The NLB's group: TCP 443 from the clients' CIDRs in; to the gateway tasks' group out only. */
export function nlbIngress(clientCidrs: readonly string[]): RuleSpec[] {
    return clientCidrs.length === 0 ? [] : [{
        description: "mTLS clients on 443 (TLS passes through to the gateway)",
        protocol: "tcp",
        fromPort: GATEWAY_PORT,
        toPort: GATEWAY_PORT,
        cidrs: [...clientCidrs],
    }];
}

export function nlbEgress(): RuleSpec[] {
    return [{
        description: "To the gateway tasks (traffic and health checks)",
        protocol: "tcp",
        fromPort: GATEWAY_PORT,
        toPort: GATEWAY_PORT,
        securityGroupKey: "gateway-tasks",
    }];
}

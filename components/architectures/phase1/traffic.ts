/**
 * The single host's traffic rules (pure), shared by the security group and the host firewall.
 */
import { type RuleSpec, tcp, world } from "../../blocks/security/ruleSpecs";

export interface SingleHostRuleInput {
    appPort: number;
    appPortCidrs: string[];
    sshCidrs: string[];
    ipv6: boolean;
}

/**
 * Inbound: HTTP and HTTPS from the world (the proxy redirects and terminates TLS), the app port
 * from the configured sources (seed 000's 8000 / seed 001's 5000), SSH only from the configured
 * admin CIDRs — and no port-22 rule at all when there are none (access through SSM, seed 004).
 */
export function singleHostIngress(input: SingleHostRuleInput): RuleSpec[] {
    const rules: RuleSpec[] = [
        tcp(80, "HTTP (the proxy redirects to HTTPS when TLS is on)", world(input.ipv6)),
        tcp(443, "HTTPS", world(input.ipv6)),
    ];
    if (input.appPortCidrs.length > 0) rules.push(tcp(input.appPort, "App port, direct", input.appPortCidrs));
    if (input.sshCidrs.length > 0) rules.push(tcp(22, "SSH from admin networks", input.sshCidrs));
    return rules;
}

/** What each well-known outbound port is for; other egressPorts are the user's own (e.g. 27017 for MongoDB Atlas). */
const EGRESS_PURPOSE: Record<number, string> = {
    443: "HTTPS to AWS APIs, registries, git and ACME",
    80: "HTTP to package mirrors",
};

/**
 * Outbound: the stack's `egressPorts` (default 443 and 80: AWS APIs, registries, SSM, S3,
 * CloudWatch, Let's Encrypt, git, package mirrors; add 27017 for seed 001's MongoDB Atlas). DNS
 * and NTP to the VPC resolver are not filtered by security groups.
 */
export function singleHostEgress(ipv6: boolean, egressPorts: readonly number[]): RuleSpec[] {
    return egressPorts.map((port) => tcp(port, EGRESS_PURPOSE[port] ?? `TCP ${port} out (egressPorts)`, world(ipv6)));
}

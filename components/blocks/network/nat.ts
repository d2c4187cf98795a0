/**
 * The NAT instance's decisions (pure): what its security group admits, and the first-boot script
 * that turns an Amazon Linux 2023 instance into a NAT (IP forwarding + iptables MASQUERADE).
 */
import { heredocToFile, shellQuote } from "../../lib/render";
import { type RuleSpec, tcp, WORLD_IPV4 } from "../security/ruleSpecs";

/** Ports private instances reach the internet on by default: HTTPS and HTTP (packages, registries, AWS APIs). */
export const DEFAULT_EGRESS_PORTS: readonly number[] = [443, 80];

/** Graviton, the smallest size: enough for a small team's egress (up to 5 Gbit/s burst). */
export const NAT_INSTANCE_TYPE = "t4g.nano";

/** In: only the forwarded ports, only from inside the VPC. */
export function natIngress(vpcCidrBlock: string, ports: readonly number[] = DEFAULT_EGRESS_PORTS): RuleSpec[] {
    return ports.map((port) => tcp(port, `Port ${port} from private subnets, to be forwarded`, [vpcCidrBlock]));
}

/** Out: the same ports, to the internet. */
export function natEgress(ports: readonly number[] = DEFAULT_EGRESS_PORTS): RuleSpec[] {
    return ports.map((port) => tcp(port, `Forwarded port ${port} to the internet`, [WORLD_IPV4]));
}

/**
 * First boot: enable IPv4 forwarding, then with iptables (persisted by iptables-services)
 * masquerade the VPC's traffic leaving through the primary interface, forward only traffic from
 * the VPC out and replies back in, and drop any other forwarding. The security group limits the
 * ports. No secrets here.
 */
export function natUserData(vpcCidrBlock: string): string {
    const vpc = shellQuote(vpcCidrBlock);
    return [
        "#!/bin/bash",
        "# stagecraft NAT instance: forward and masquerade the VPC's outbound traffic",
        "set -euxo pipefail",
        "dnf install -y iptables-services",
        "systemctl enable --now iptables",
        ...heredocToFile("/etc/sysctl.d/90-stagecraft-nat.conf", "net.ipv4.ip_forward = 1\nnet.ipv4.conf.all.send_redirects = 0", "SYSCTL"),
        "sysctl --system",
        "iface=$(ip -o -4 route show default | awk '{print $5; exit}')",
        "iptables -t nat -F POSTROUTING",
        `iptables -t nat -A POSTROUTING -o "$iface" -s ${vpc} -j MASQUERADE`,
        "iptables -F FORWARD",
        `iptables -A FORWARD -i "$iface" -m state --state ESTABLISHED,RELATED -j ACCEPT`,
        `iptables -A FORWARD -s ${vpc} -o "$iface" -j ACCEPT`,
        "iptables -A FORWARD -j DROP",
        "service iptables save",
        "",
    ].join("\n");
}

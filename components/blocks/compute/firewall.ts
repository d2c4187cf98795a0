/**
 * The host firewall (defence in depth behind the security group), rendered from the same rule
 * list as the security group (pure): ufw on Ubuntu (seeds 000 and 004), nftables on Amazon
 * Linux 2023 (which ships no ufw). Loopback, established flows, ICMP and DHCP replies pass;
 * everything else inbound is dropped.
 */
import { type AmiFamily } from "../../config/settings";
import { nftComment, shellQuote } from "../../lib/render";
import { expandRules, type RuleSpec } from "../security/ruleSpecs";

function portMatch(from: number | undefined, to: number | undefined): string {
    if (from === undefined || to === undefined) return "";
    return from === to ? `${from}` : `${from}:${to}`;
}

export function firewallScript(family: AmiFamily, ingress: readonly RuleSpec[]): string {
    const rules = expandRules(ingress).filter((r) => r.cidrIpv4 !== undefined || r.cidrIpv6 !== undefined);
    if (family === "ubuntu-22.04") {
        const allows = rules.map((r) => {
            const source = r.cidrIpv4 ?? r.cidrIpv6;
            const proto = r.ipProtocol === "-1" ? "" : `proto ${r.ipProtocol} `;
            const port = r.ipProtocol === "-1" ? "" : ` port ${portMatch(r.fromPort, r.toPort)}`;
            return `ufw allow ${proto}from ${shellQuote(String(source))} to any${port} comment ${shellQuote(r.description)}`;
        });
        return [
            "ufw --force reset",
            "ufw default deny incoming",
            "ufw default allow outgoing",
            ...allows,
            "ufw --force enable",
        ].join("\n");
    }
    const nftRules = rules.map((r) => {
        const family6 = r.cidrIpv6 !== undefined;
        const source = family6 ? `ip6 saddr ${r.cidrIpv6}` : `ip saddr ${r.cidrIpv4}`;
        const proto = r.ipProtocol === "-1" ? "" : ` ${r.ipProtocol} dport ${portMatch(r.fromPort, r.toPort).replace(":", "-")}`;
        return `    ${source}${proto} accept comment ${nftComment(r.description)}`;
    });
    return [
        "dnf install -y nftables",
        "mkdir -p /etc/nftables",
        "cat > /etc/nftables/stagecraft.nft <<'NFT'",
        "table inet stagecraft",
        "delete table inet stagecraft",
        "table inet stagecraft {",
        "  chain input {",
        "    type filter hook input priority filter; policy drop;",
        "    ct state established,related accept",
        "    iif lo accept",
        "    meta l4proto { icmp, ipv6-icmp } accept",
        "    udp dport { 68, 546 } accept comment \"DHCP replies\"",
        ...nftRules,
        "  }",
        "}",
        "NFT",
        "grep -q stagecraft.nft /etc/sysconfig/nftables.conf 2>/dev/null || echo 'include \"/etc/nftables/stagecraft.nft\"' >> /etc/sysconfig/nftables.conf",
        "systemctl enable --now nftables",
        "nft -f /etc/nftables/stagecraft.nft",
    ].join("\n");
}

/**
 * Security-group rules as a declarative list (pure): a RuleSpec per purpose, expanded into one
 * rule per source, with the world's CIDRs and helpers to write them.
 */
import { parseCidr } from "../../lib/cidr";
import { StagecraftError } from "../../lib/errors";

export const WORLD_IPV4 = "0.0.0.0/0";

export const WORLD_IPV6 = "::/0";

export type Protocol = "tcp" | "udp" | "icmp" | "-1";

/** One rule as a component declares it. */
export interface RuleSpec {
    /** Why the rule exists; becomes the AWS rule description. */
    description: string;
    protocol: Protocol;
    fromPort: number;
    toPort: number;
    /** Source (ingress) or destination (egress) CIDRs, IPv4 and IPv6 mixed. */
    cidrs?: string[];
    /** Source or destination security group, by a key the component resolves to an id. */
    securityGroupKey?: string;
}

/** One rule with exactly one peer, as one AWS rule resource. */
export interface ExpandedRule {
    /** Stable suffix for the logical name, e.g. `tcp-443-0-0-0-0-0`. */
    key: string;
    description: string;
    ipProtocol: Protocol;
    fromPort?: number;
    toPort?: number;
    cidrIpv4?: string;
    cidrIpv6?: string;
    securityGroupKey?: string;
}

function slug(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Expands rule specs into one rule per peer; drops exact duplicates. */
export function expandRules(specs: readonly RuleSpec[]): ExpandedRule[] {
    const out = new Map<string, ExpandedRule>();
    for (const spec of specs) {
        const ports = spec.protocol === "-1" ? {} : { fromPort: spec.fromPort, toPort: spec.toPort };
        const portKey = spec.protocol === "-1" ? "all" : spec.fromPort === spec.toPort ? `${spec.fromPort}` : `${spec.fromPort}-${spec.toPort}`;
        for (const cidr of spec.cidrs ?? []) {
            const parsed = parseCidr(cidr);
            if (!parsed) throw new StagecraftError(`invalid CIDR in security-group rule "${spec.description}": ${cidr}`);
            const key = `${spec.protocol === "-1" ? "all" : spec.protocol}-${portKey}-${slug(cidr)}`;
            out.set(key, {
                key,
                description: spec.description,
                ipProtocol: spec.protocol,
                ...ports,
                ...(parsed.version === 4 ? { cidrIpv4: cidr } : { cidrIpv6: cidr }),
            });
        }
        if (spec.securityGroupKey !== undefined) {
            const key = `${spec.protocol === "-1" ? "all" : spec.protocol}-${portKey}-sg-${slug(spec.securityGroupKey)}`;
            out.set(key, { key, description: spec.description, ipProtocol: spec.protocol, ...ports, securityGroupKey: spec.securityGroupKey });
        }
    }
    return [...out.values()];
}

/** A single TCP port rule. */
export function tcp(port: number, description: string, cidrs: string[]): RuleSpec {
    return { description, protocol: "tcp", fromPort: port, toPort: port, cidrs };
}

/** The world, in the address families the stack uses. */
export function world(ipv6: boolean): string[] {
    return ipv6 ? [WORLD_IPV4, WORLD_IPV6] : [WORLD_IPV4];
}

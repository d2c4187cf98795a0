/**
 * Judging normalised security-group rules against "the world": which rules let a public source
 * reach some traffic, and which cannot be judged during preview because a value is unknown.
 */
import { describeSource, unionIsInternetWide } from "./cidr";
import { includesPort, isAllPorts } from "./ports";
import { describeRule, type NormalizedRule, type Peer, type Rules } from "./sgrules";
import { type Read, UNKNOWN } from "./values";

/** Does a rule's traffic reach what a policy protects? UNKNOWN when the rule's shape is unknown. */
export type TrafficMatcher = (rule: NormalizedRule) => Read<boolean>;

export type Verdict =
    | { readonly kind: "open"; readonly rule: NormalizedRule; readonly source: string }
    | { readonly kind: "unknown"; readonly rule: NormalizedRule; readonly field: string };

function publicPeer(peer: Peer): boolean {
    return peer.kind === "cidr" && peer.exposure !== "restricted";
}

/**
 * Ingress rules (including rules whose direction is unknown) that open matching traffic to a
 * public source, and those that might but cannot be judged yet. A rule judged open is never also
 * reported as unknown.
 */
export function worldIngress(rules: Rules, matches: TrafficMatcher): Verdict[] {
    if (rules === UNKNOWN) return [];
    const verdicts: Verdict[] = [];
    const narrow: { rule: NormalizedRule; cidrs: string[] }[] = [];
    for (const rule of rules) {
        if (rule.direction === "egress") continue;
        const hit = matches(rule);
        if (hit === false || hit === undefined) continue;
        const open = rule.peers.filter(publicPeer);
        if (hit === true && rule.direction === "ingress" && open.length > 0) {
            for (const peer of open) {
                if (peer.kind === "cidr") verdicts.push({ kind: "open", rule, source: peer.cidr });
            }
            continue;
        }
        if (hit === true && rule.direction === "ingress") narrow.push({ rule, cidrs: rule.peers.flatMap((p) => (p.kind === "cidr" ? [p.cidr] : [])) });
        const unknownPeer = rule.peers.find((p) => p.kind === "unknown");
        if (open.length > 0) {
            verdicts.push({ kind: "unknown", rule, field: rule.direction === UNKNOWN ? "type" : portField(rule) });
        } else if (unknownPeer !== undefined && unknownPeer.kind === "unknown") {
            verdicts.push({ kind: "unknown", rule, field: unknownPeer.field });
        }
    }
    const union = narrow.flatMap((n) => n.cidrs);
    if (!verdicts.some((v) => v.kind === "open") && union.length > 1 && unionIsInternetWide(union)) {
        const first = narrow.find((n) => n.cidrs.length > 0) ?? narrow[0];
        verdicts.push({ kind: "open", rule: first.rule, source: unionText(union, narrow.length) });
    }
    return verdicts;
}

/** "512 blocks across 2 rules (1.0.0.0/9, 1.128.0.0/9, ...), which together cover an internet-wide range" */
function unionText(cidrs: readonly string[], rules: number): string {
    const shown = cidrs.slice(0, 3).join(", ") + (cidrs.length > 3 ? ", ..." : "");
    return `${cidrs.length} blocks${rules > 1 ? ` across ${rules} rules` : ""} (${shown}), which together cover an internet-wide range`;
}

function portField(rule: NormalizedRule): string {
    const prefix = rule.location === "" ? "" : `${rule.location}.`;
    return rule.protocol === UNKNOWN ? `${prefix}protocol` : `${prefix}fromPort/toPort`;
}

/** A port (with the protocols it is served on) that a policy keeps away from the world. */
export interface GuardedPort {
    readonly port: number;
    readonly protocols: readonly ("tcp" | "udp")[];
    readonly label: string;
}

/** Matcher: the rule's traffic includes the port on one of its protocols. */
export function reachesPort(guard: GuardedPort): TrafficMatcher {
    return (rule) => {
        if (rule.protocol === UNKNOWN) return UNKNOWN;
        if (rule.protocol === "all") return true;
        if (rule.protocol !== "tcp" && rule.protocol !== "udp") return false;
        if (!guard.protocols.includes(rule.protocol)) return false;
        if (rule.ports === UNKNOWN) return UNKNOWN;
        return rule.ports !== undefined && includesPort(rule.ports, guard.port);
    };
}

/** Matcher: the rule opens every protocol, or every TCP/UDP port. */
export const reachesAllPorts: TrafficMatcher = (rule) => {
    if (rule.protocol === UNKNOWN) return UNKNOWN;
    if (rule.protocol === "all") return true;
    if (rule.protocol !== "tcp" && rule.protocol !== "udp") return false;
    if (rule.ports === UNKNOWN) return UNKNOWN;
    return rule.ports !== undefined && isAllPorts(rule.ports);
};

/** Matcher: the rule reaches some port outside `allowed` (ICMP never counts; other IP protocols do). */
export function reachesBeyond(allowed: readonly number[]): TrafficMatcher {
    const ok = new Set(allowed);
    return (rule) => {
        if (rule.protocol === UNKNOWN) return UNKNOWN;
        if (rule.protocol === undefined || rule.protocol === "invalid") return false;
        if (rule.protocol === "icmp" || rule.protocol === "icmpv6") return false;
        if (rule.protocol === "all" || rule.protocol.startsWith("ip-")) return true;
        if (rule.ports === UNKNOWN) return UNKNOWN;
        if (rule.ports === undefined) return false;
        const { from, to } = rule.ports;
        if (to - from + 1 > ok.size) return true;
        for (let p = from; p <= to; p++) if (!ok.has(p)) return true;
        return false;
    };
}

/** "ingress[0] (tcp port 22) opens it to 0.0.0.0/0 (the whole IPv4 internet)" */
export function describeOpen(verdict: Extract<Verdict, { kind: "open" }>): string {
    return `${describeRule(verdict.rule)} is open to ${describeSource(verdict.source)}`;
}

/**
 * Protocol and port-range logic for security-group rules: which protocol a rule's text means and
 * whether its range reaches a given port.
 */
import { type Read, UNKNOWN } from "./values";

/** Normalised protocol: all traffic, TCP, UDP, ICMP (v4/v6), or another IP protocol by number. */
export type Protocol = "all" | "tcp" | "udp" | "icmp" | "icmpv6" | `ip-${number}` | "invalid";

const NAMES: Record<string, Protocol> = {
    "-1": "all", all: "all",
    "6": "tcp", tcp: "tcp",
    "17": "udp", udp: "udp",
    "1": "icmp", icmp: "icmp",
    "58": "icmpv6", icmpv6: "icmpv6",
};

/**
 * Protocol from a rule's `protocol` / `ipProtocol` value (string or number, any case). The EC2 API
 * takes a name (tcp, udp, icmp, icmpv6) or an IANA number; a number is read as a number, so "006"
 * and "+6" are TCP like "6" (the reading that cannot hide an open port: a rule AWS rejected
 * exposes nothing, a rule it read as TCP must be judged as TCP).
 */
export function parseProtocol(value: Read<string | number>): Read<Protocol> {
    if (value === UNKNOWN || value === undefined) return value;
    const text = String(value).trim().toLowerCase();
    const named = NAMES[text];
    if (named !== undefined) return named;
    const numeric = /^([+-]?)0*(\d{1,3})$/.exec(text);
    if (numeric !== null) {
        const n = Number(numeric[2]) * (numeric[1] === "-" ? -1 : 1);
        if (n === -1) return "all";
        const byNumber = NAMES[String(n)];
        if (byNumber !== undefined) return byNumber;
        if (n >= 0 && n <= 255) return `ip-${n}`;
    }
    return "invalid";
}

/** Protocols whose rules carry a port range. */
export function hasPorts(protocol: Protocol): boolean {
    return protocol === "tcp" || protocol === "udp";
}

/** A port range; both ends inclusive. */
export interface PortRange {
    readonly from: number;
    readonly to: number;
}

/**
 * The range a TCP/UDP rule covers. Missing ends widen to the full range (AWS rejects such rules,
 * so assuming the worst cannot hide a real exposure); -1 counts as 0/65535 as in the EC2 API;
 * reversed ends are put in order.
 */
export function portRange(from: Read<number>, to: Read<number>): PortRange | typeof UNKNOWN {
    if (from === UNKNOWN || to === UNKNOWN) return UNKNOWN;
    const lo = from === undefined || from < 0 ? 0 : from;
    const hi = to === undefined || to < 0 ? 65535 : to;
    return { from: Math.min(lo, hi), to: Math.max(lo, hi) };
}

export function includesPort(range: PortRange, port: number): boolean {
    return range.from <= port && port <= range.to;
}

/** True when the range is (practically) every port: 0/1 through 65535. */
export function isAllPorts(range: PortRange): boolean {
    return range.from <= 1 && range.to >= 65535;
}

export function describeRange(range: PortRange): string {
    return range.from === range.to ? `port ${range.from}` : `ports ${range.from}-${range.to}`;
}

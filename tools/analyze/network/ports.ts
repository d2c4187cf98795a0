// Protocols, port ranges and CIDR containment for security-group and network-ACL rules (pure).
// CIDRs are read under the project's one contract (components/lib/cidr.ts), as config, pack and
// mocks read them.
import { parseCidr } from "../../../components/lib/cidr";

/** A protocol as rules write it ("tcp", "6", "-1", "all", ...), in one spelling: tcp, udp, icmp, icmpv6, all, or the number. */
export function normalProtocol(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    // A protocol number is read as the number AWS takes it for ("006" and "+6" are TCP), as the pack reads it.
    const raw = String(value).trim().toLowerCase();
    const text = /^\+?\d+$/.test(raw) ? String(Number(raw)) : raw;
    const names: Record<string, string> = { "-1": "all", all: "all", "6": "tcp", tcp: "tcp", "17": "udp", udp: "udp", "1": "icmp", icmp: "icmp", "58": "icmpv6", icmpv6: "icmpv6" };
    return names[text] ?? text;
}

/** Whether a rule of `ruleProtocol` over [from, to] admits `protocol` on `port`. */
export function ruleCovers(ruleProtocol: string, from: number | undefined, to: number | undefined, protocol: string, port: number): boolean {
    if (ruleProtocol === "all") return true;
    if (ruleProtocol !== protocol) return false;
    if (protocol !== "tcp" && protocol !== "udp") return true;
    // A tcp/udp rule without ports (or 0-0 / 0-65535) covers every port.
    if (from === undefined || to === undefined) return true;
    if (from === 0 && to === 0) return true;
    if (from === -1 && to === -1) return true;
    return port >= from && port <= to;
}

export const WORLD = ["0.0.0.0/0", "::/0"];

export function isWorld(cidr: string): boolean {
    return WORLD.includes(cidr);
}

/** Whether CIDR `outer` contains CIDR (or address) `inner`; false for malformed or mixed families. */
export function cidrContains(outer: string, inner: string): boolean {
    const net = parseCidr(outer);
    if (net === undefined) return false;
    const addr = parseCidr(inner.includes("/") ? inner : `${inner}/${net.version === 4 ? 32 : 128}`);
    if (addr === undefined || addr.version !== net.version || addr.prefix < net.prefix) return false;
    const hostBits = BigInt((net.version === 4 ? 32 : 128) - net.prefix);
    return addr.base >> hostBits === net.base >> hostBits;
}

/** A number from a plan value (ports are numbers, sometimes strings); undefined when absent or not a number. */
export function portNumber(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isInteger(value)) return value;
    if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
    return undefined;
}

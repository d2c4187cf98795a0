/**
 * CIDR logic for deciding whether a network source is "the world": parsing IPv4 and IPv6 blocks
 * (bare addresses count as one host) and classifying how much of the internet a block covers.
 */

export interface Cidr {
    readonly version: 4 | 6;
    /** Network address (host bits cleared). */
    readonly base: bigint;
    readonly prefix: number;
    /** The text as written, trimmed. */
    readonly text: string;
}

function parseIpv4(text: string): bigint | undefined {
    const parts = text.split(".");
    if (parts.length !== 4) return undefined;
    let value = 0n;
    for (const part of parts) {
        if (!/^\d{1,3}$/.test(part)) return undefined;
        const n = Number(part);
        if (n > 255) return undefined;
        value = (value << 8n) | BigInt(n);
    }
    return value;
}

function parseIpv6(text: string): bigint | undefined {
    let body = text;
    const tail: bigint[] = [];
    const embedded = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(body);
    if (embedded) {
        const v4 = parseIpv4(embedded[2]);
        if (v4 === undefined) return undefined;
        tail.push((v4 >> 16n) & 0xffffn, v4 & 0xffffn);
        body = embedded[1];
        if (!body.endsWith("::")) body = body.slice(0, -1);
    }
    const halves = body.split("::");
    if (halves.length > 2) return undefined;
    const head = halves[0] === "" ? [] : halves[0].split(":");
    const rest = halves.length === 2 && halves[1] !== "" ? halves[1].split(":") : [];
    const need = 8 - tail.length;
    let groups: string[];
    if (halves.length === 1) {
        if (head.length !== need) return undefined;
        groups = head;
    } else {
        const fill = need - head.length - rest.length;
        if (fill < 1) return undefined;
        groups = [...head, ...Array<string>(fill).fill("0"), ...rest];
    }
    let value = 0n;
    for (const g of groups) {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
        value = (value << 16n) | BigInt(parseInt(g, 16));
    }
    for (const t of tail) value = (value << 16n) | t;
    return value;
}

/** Parses "a.b.c.d/n", "x::y/n" or a bare address; undefined when it is not a valid block. */
export function parseCidr(input: string): Cidr | undefined {
    const text = input.trim();
    const slash = text.indexOf("/");
    const addr = slash >= 0 ? text.slice(0, slash) : text;
    const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
    const version: 4 | 6 = addr.includes(":") ? 6 : 4;
    const bits = version === 4 ? 32 : 128;
    const value = version === 4 ? parseIpv4(addr) : parseIpv6(addr);
    if (value === undefined) return undefined;
    let prefix = bits;
    if (prefixText !== undefined) {
        if (!/^\d{1,3}$/.test(prefixText)) return undefined;
        prefix = Number(prefixText);
        if (prefix > bits) return undefined;
    }
    const hostBits = BigInt(bits - prefix);
    const base = (value >> hostBits) << hostBits;
    return { version, base, prefix, text };
}

/** Number of addresses in the block. */
export function size(cidr: Cidr): bigint {
    return 1n << BigInt((cidr.version === 4 ? 32 : 128) - cidr.prefix);
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
    if (outer.version !== inner.version || inner.prefix < outer.prefix) return false;
    const bits = BigInt((outer.version === 4 ? 32 : 128) - outer.prefix);
    return (inner.base >> bits) === (outer.base >> bits);
}

/** Blocks that are never the public internet, however large. */
const NON_PUBLIC = ["10.0.0.0/8", "127.0.0.0/8", "0.0.0.0/8", "fc00::/7", "fe80::/10", "::/8"]
    .map((c) => parseCidr(c) as Cidr);

/**
 * Largest prefix length still treated as "internet-wide": a /8 of IPv4 is 16 million addresses and
 * a /16 of IPv6 is 2^112; nobody restricts access to an admin network that way, while splitting
 * 0.0.0.0/0 into 0.0.0.0/1 + 128.0.0.0/1 is a known way around "no 0.0.0.0/0" checks.
 */
export const WIDE_PREFIX = { 4: 8, 6: 16 } as const;

export type Exposure = "world" | "internet-wide" | "restricted";

/** How much of the internet a source block lets in. */
export function exposure(cidr: Cidr): Exposure {
    if (cidr.prefix === 0) return "world";
    if (cidr.prefix > WIDE_PREFIX[cidr.version]) return "restricted";
    return NON_PUBLIC.some((np) => contains(np, cidr)) ? "restricted" : "internet-wide";
}

/** Exposure of a CIDR string; "restricted" for text that is not a CIDR (AWS would reject it anyway). */
export function exposureOf(text: string): Exposure {
    const cidr = parseCidr(text);
    return cidr === undefined ? "restricted" : exposure(cidr);
}

/** "0.0.0.0/0 (the whole IPv4 internet)" style description for messages. */
export function describeSource(text: string): string {
    const cidr = parseCidr(text);
    if (cidr === undefined) return text;
    if (cidr.prefix === 0) return `${text} (the whole ${cidr.version === 4 ? "IPv4" : "IPv6"} internet)`;
    if (exposure(cidr) === "internet-wide") {
        return `${text} (an internet-wide range of 2^${(cidr.version === 4 ? 32 : 128) - cidr.prefix} addresses)`;
    }
    return text;
}

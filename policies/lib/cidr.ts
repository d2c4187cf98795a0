/**
 * CIDR logic for deciding whether a network source is "the world": the parsing contract the
 * program's own parser (components/lib/cidr.ts) follows, implemented again here on the same
 * library because the pack is published on its own and imports nothing outside policies/
 * (test/project/cidr-agreement.property.test.ts proves the two agree), and on top of it the
 * pack's helpers that classify how much of the internet a block covers.
 *
 * The contract is what the AWS provider accepts as a security-group or VPC CIDR at preview
 * (terraform-provider-aws's `verify.ValidateIPv4CIDRBlock`/`ValidateIPv6CIDRBlock`, on Go's
 * `net.ParseCIDR`): `<address>/<prefix>` and nothing around it; IPv4 as four decimal octets
 * without leading zeros; IPv6 as hex groups with `::` at most once and an optional dotted IPv4
 * tail, without a zone id and not IPv4-mapped; a decimal prefix up to 32 or 128. Host bits parse
 * (`base` clears them).
 */
import * as ipaddr from "ipaddr.js";

export type IpVersion = 4 | 6;

export interface Cidr {
    readonly version: IpVersion;
    /** The CIDR as written. */
    readonly text: string;
    /** The address as written (before the slash). */
    readonly address: string;
    readonly prefix: number;
    /** The address as a number (32 bits for IPv4, 128 for IPv6). */
    readonly value: bigint;
    /** The network address: `value` with the host bits cleared. */
    readonly base: bigint;
}

const BITS = { 4: 32, 6: 128 } as const;

function ipv4Value(text: string): bigint | undefined {
    if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
    return ipaddr.IPv4.parse(text).octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n);
}

/**
 * An IPv6 address without a zone. A dotted IPv4 tail becomes two hex groups first: ipaddr.js reads
 * octets of a tail with parseInt and maps `::a.b.c.d` to `::ffff:a.b.c.d`, where RFC 4291 (and Go)
 * read `::0:a.b.c.d`.
 */
function ipv6Address(text: string): ipaddr.IPv6 | undefined {
    let hex = text;
    const tail = /^(.*:)([^:]*\.[^:]*)$/.exec(text);
    if (tail) {
        const v4 = ipv4Value(tail[2]);
        if (v4 === undefined) return undefined;
        hex = `${tail[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
    }
    if (!/^[0-9a-fA-F:]+$/.test(hex) || !ipaddr.IPv6.isValid(hex)) return undefined;
    return ipaddr.IPv6.parse(hex);
}

function isIpv4Mapped(address: ipaddr.IPv6): boolean {
    return address.parts.slice(0, 5).every((p) => p === 0) && address.parts[5] === 0xffff;
}

function ipv6Value(address: ipaddr.IPv6): bigint {
    return address.parts.reduce((acc, p) => (acc << 16n) | BigInt(p), 0n);
}

/** Parses `a.b.c.d/n` or an IPv6 `x::y/n` under the contract above; undefined when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
    const slash = text.indexOf("/");
    if (slash < 0) return undefined;
    const address = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    if (!/^\d+$/.test(prefixText)) return undefined;
    const version: IpVersion = address.includes(":") ? 6 : 4;
    const prefix = Number(prefixText);
    if (prefix > BITS[version]) return undefined;
    let value: bigint | undefined;
    if (version === 4) {
        value = ipv4Value(address);
    } else {
        const v6 = ipv6Address(address);
        value = v6 === undefined || isIpv4Mapped(v6) ? undefined : ipv6Value(v6);
    }
    if (value === undefined) return undefined;
    const hostBits = BigInt(BITS[version] - prefix);
    return { version, text, address, prefix, value, base: (value >> hostBits) << hostBits };
}

/** True when bits beyond the prefix are set (e.g. 10.0.0.5/24). */
export function hasHostBits(cidr: Cidr): boolean {
    return cidr.value !== cidr.base;
}

/** The canonical network form of a CIDR (host bits cleared, RFC 5952 for IPv6), e.g. 10.0.0.0/24. */
export function canonicalCidr(cidr: Cidr): string {
    if (cidr.version === 4) {
        const octets = [24n, 16n, 8n, 0n].map((s) => Number((cidr.base >> s) & 255n));
        return `${new ipaddr.IPv4(octets).toString()}/${cidr.prefix}`;
    }
    const parts: number[] = [];
    for (let i = 7; i >= 0; i--) parts.push(Number((cidr.base >> BigInt(i * 16)) & 0xffffn));
    return `${new ipaddr.IPv6(parts).toRFC5952String()}/${cidr.prefix}`;
}

// ---- The pack's helpers on top of the contract ----

/**
 * A source as a policy reads it, erring towards seeing exposure: surrounding whitespace is
 * ignored, and an IPv4-mapped IPv6 block (`::ffff:0.0.0.0/96`, which the contract refuses) is
 * read as the IPv4 block it maps: the provider's IPv4 CIDR check lets it through (Go prints it as
 * 0.0.0.0/0), so a policy must not take it for a narrow range.
 */
export function parseSource(input: string): Cidr | undefined {
    const text = input.trim();
    const cidr = parseCidr(text);
    if (cidr !== undefined) return cidr;
    const slash = text.indexOf("/");
    const prefixText = text.slice(slash + 1);
    if (slash < 0 || !/^\d+$/.test(prefixText) || Number(prefixText) < 96 || Number(prefixText) > 128) return undefined;
    const v6 = ipv6Address(text.slice(0, slash));
    if (v6 === undefined || !isIpv4Mapped(v6)) return undefined;
    const prefix = Number(prefixText) - 96;
    const value = ipv6Value(v6) & 0xffffffffn;
    const hostBits = BigInt(32 - prefix);
    return { version: 4, text, address: text.slice(0, slash), prefix, value, base: (value >> hostBits) << hostBits };
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
    const cidr = parseSource(text);
    return cidr === undefined ? "restricted" : exposure(cidr);
}

/** "0.0.0.0/0 (the whole IPv4 internet)" style description for messages. */
export function describeSource(text: string): string {
    const cidr = parseSource(text);
    if (cidr === undefined) return text;
    if (cidr.prefix === 0) return `${text} (the whole ${cidr.version === 4 ? "IPv4" : "IPv6"} internet)`;
    if (exposure(cidr) === "internet-wide") {
        return `${text} (an internet-wide range of 2^${(cidr.version === 4 ? 32 : 128) - cidr.prefix} addresses)`;
    }
    return text;
}

/**
 * Does the union of the blocks cover as much of the internet as one internet-wide block? Blocks
 * are judged together because AWS applies every block of a rule (and every rule of a group)
 * together: 512 × /9, or 0.0.0.0/1 + 128.0.0.0/1, is the whole IPv4 internet though no block alone
 * is wide. Blocks inside non-public ranges (10/8, loopback, ...) do not count; overlaps count once.
 */
export function unionIsInternetWide(texts: readonly string[]): boolean {
    const byVersion: Record<IpVersion, { start: bigint; end: bigint }[]> = { 4: [], 6: [] };
    for (const text of texts) {
        const cidr = parseSource(text);
        if (cidr === undefined || NON_PUBLIC.some((np) => contains(np, cidr))) continue;
        byVersion[cidr.version].push({ start: cidr.base, end: cidr.base + size(cidr) });
    }
    return ([4, 6] as const).some((version) => {
        const spans = byVersion[version].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
        let covered = 0n;
        let reach = -1n;
        for (const { start, end } of spans) {
            if (end <= reach) continue;
            covered += end - (start > reach ? start : reach);
            reach = end;
        }
        return covered >= 1n << BigInt(BITS[version] - WIDE_PREFIX[version]);
    });
}

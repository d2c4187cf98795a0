/**
 * The one CIDR parser of the program: config validation (the SSH allow-list, app-port sources,
 * the VPC block) and the security-group rule specs parse through `parseCidr`. Pure functions on
 * ipaddr.js; no cloud resources.
 *
 * The contract is what the AWS provider accepts as a security-group or VPC CIDR at preview:
 * pulumi-aws is built from terraform-provider-aws, whose `verify.ValidateIPv4CIDRBlock` and
 * `ValidateIPv6CIDRBlock` parse with Go's `net.ParseCIDR` and refuse an IPv6 block whose address
 * has an IPv4 form. So:
 * - `<address>/<prefix>`, nothing around it: no whitespace (trimming is the config reader's job),
 *   no bare address;
 * - IPv4: four decimal octets 0-255 without leading zeros (`010.0.0.0` is ambiguous: ipaddr.js
 *   and inet_aton read it as octal 8, others as 10; Go refuses it), no hex, no short forms;
 * - IPv6: hex groups of up to four digits, `::` at most once, a dotted IPv4 tail allowed
 *   (`64:ff9b::192.0.2.0/96`), no zone id (`%eth0` names an interface, not a network), and no
 *   IPv4-mapped address (`::ffff:a.b.c.d`: write the IPv4 block);
 * - the prefix is decimal digits (leading zeros read as Go reads them: `/08` is /8) up to 32 or
 *   128;
 * - host bits are allowed by the parser and reported by `hasHostBits`, so callers can name the
 *   network the user meant.
 *
 * policies/lib/cidr.ts implements the same contract for the policy pack, which is published on
 * its own and cannot import this file, and tools/mocks/cidr.ts its IPv4 half for the mocks' subnet
 * layout (the check's worker compiles only tools/ when it loads the mocks);
 * test/project/cidr-agreement.property.test.ts proves all three agree, with each other and with
 * the grammar written out.
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
        value = v6 === undefined || isIpv4Mapped(v6) ? undefined : v6.parts.reduce((acc, p) => (acc << 16n) | BigInt(p), 0n);
    }
    if (value === undefined) return undefined;
    const hostBits = BigInt(BITS[version] - prefix);
    return { version, text, address, prefix, value, base: (value >> hostBits) << hostBits };
}

/** True when bits beyond the prefix are set (e.g. 10.0.0.5/24), which AWS rejects or rewrites. */
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

/** The number of addresses a CIDR covers, as a power of two exponent (32 - prefix for IPv4). */
export function sizeExponent(cidr: Cidr): number {
    return BITS[cidr.version] - cidr.prefix;
}

// ---- Explanations for config messages (not part of the shared contract) ----

/**
 * Why `text` is not a CIDR under the contract, in words a config message can end with; undefined
 * when it is one.
 */
export function cidrSyntaxProblem(text: string): string | undefined {
    if (parseCidr(text) !== undefined) return undefined;
    if (/\s/.test(text)) return "it contains whitespace";
    const slash = text.indexOf("/");
    if (slash < 0) return "the prefix length is missing: add /32 for one IPv4 address, /128 for one IPv6 address";
    const address = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    const v6 = address.includes(":");
    if (!/^\d+$/.test(prefixText)) return "the prefix length after the slash is not a decimal number";
    if (Number(prefixText) > (v6 ? 128 : 32)) return `an ${v6 ? "IPv6" : "IPv4"} prefix length is at most /${v6 ? 128 : 32}`;
    if (!v6) {
        if (/(^|\.)0\d/.test(address)) return "an octet has a leading zero, which some tools read as octal: write 10, not 010";
        return "an IPv4 address is four decimal numbers from 0 to 255, e.g. 203.0.113.10";
    }
    if (address.includes("%")) return "a zone id (%…) names a local interface, not a network";
    const parsed = ipv6Address(address);
    if (parsed !== undefined && isIpv4Mapped(parsed)) return "an IPv4-mapped address (::ffff:…) is an IPv4 address: write the IPv4 block";
    return "an IPv6 address is up to eight groups of 1-4 hex digits, with :: at most once, e.g. 2001:db8::/48";
}

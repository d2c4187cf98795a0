/**
 * CIDR parsing for config validation. Pure functions, no dependencies: the SSH allow-list and
 * other source ranges are checked before any resource exists.
 */

export type IpVersion = 4 | 6;

export interface Cidr {
    version: IpVersion;
    /** The address as written (before the slash). */
    address: string;
    prefix: number;
    /** The address as a big integer (128 bits for IPv6, 32 for IPv4). */
    value: bigint;
}

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function parseIpv4(text: string): bigint | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every((p) => IPV4_OCTET.test(p))) return undefined;
    return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
    if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
    const halves = text.split("::");
    if (halves.length > 2) return undefined;
    const groupsOf = (s: string): string[] | undefined => {
        if (s === "") return [];
        const groups = s.split(":");
        return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? groups : undefined;
    };
    const head = groupsOf(halves[0]);
    const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
    if (!head || !tail) return undefined;
    const missing = 8 - head.length - tail.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
    const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
    return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Parses `a.b.c.d/n` or an IPv6 `x::y/n`; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
    const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
    if (!match) return undefined;
    const [, address, prefixText] = match;
    const prefix = Number(prefixText);
    const v4 = parseIpv4(address);
    if (v4 !== undefined) {
        return prefix <= 32 ? { version: 4, address, prefix, value: v4 } : undefined;
    }
    const v6 = address.includes(":") ? parseIpv6(address) : undefined;
    if (v6 !== undefined) {
        return prefix <= 128 ? { version: 6, address, prefix, value: v6 } : undefined;
    }
    return undefined;
}

function bits(version: IpVersion): number {
    return version === 4 ? 32 : 128;
}

/** True when bits beyond the prefix are set (e.g. 10.0.0.5/24), which AWS rejects or rewrites. */
export function hasHostBits(cidr: Cidr): boolean {
    const hostBits = BigInt(bits(cidr.version) - cidr.prefix);
    return (cidr.value & ((1n << hostBits) - 1n)) !== 0n;
}

/** The canonical network form of a CIDR (host bits cleared), e.g. 10.0.0.0/24. */
export function canonicalCidr(cidr: Cidr): string {
    const hostBits = BigInt(bits(cidr.version) - cidr.prefix);
    const network = (cidr.value >> hostBits) << hostBits;
    if (cidr.version === 4) {
        const octets = [24n, 16n, 8n, 0n].map((s) => ((network >> s) & 255n).toString());
        return `${octets.join(".")}/${cidr.prefix}`;
    }
    const groups: string[] = [];
    for (let i = 7; i >= 0; i--) groups.push(((network >> BigInt(i * 16)) & 0xffffn).toString(16));
    return `${compressIpv6(groups)}/${cidr.prefix}`;
}

function compressIpv6(groups: string[]): string {
    let bestStart = -1;
    let bestLength = 0;
    for (let i = 0; i < groups.length; ) {
        if (groups[i] !== "0") { i++; continue; }
        let j = i;
        while (j < groups.length && groups[j] === "0") j++;
        if (j - i > bestLength && j - i > 1) { bestStart = i; bestLength = j - i; }
        i = j;
    }
    if (bestStart < 0) return groups.join(":");
    const head = groups.slice(0, bestStart).join(":");
    const tail = groups.slice(bestStart + bestLength).join(":");
    return `${head}::${tail}`;
}

/** The number of addresses a CIDR covers, as a power of two exponent (32 - prefix for IPv4). */
export function sizeExponent(cidr: Cidr): number {
    return bits(cidr.version) - cidr.prefix;
}

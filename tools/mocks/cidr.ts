// IPv4 CIDR arithmetic for laying out mocked VPC subnets.
//
// Parsing follows the IPv4 half of the program's CIDR contract (components/lib/cidr.ts: four
// decimal octets without leading zeros, a decimal prefix up to 32, nothing around them) on the
// same library; host bits are cleared, as awsx lays subnets out from the network address.
// test/project/cidr-agreement.property.test.ts proves it accepts exactly the IPv4 blocks that
// module accepts. It cannot import that module: the check's worker loads the mocks with a
// TypeScript registration scoped to tools/ (tools/check/engine/run-program.ts), so a .ts file
// outside tools/ is not compiled when the engine loads this one.
import * as ipaddr from "ipaddr.js";

export interface Cidr {
    base: number;
    mask: number;
}

export function parseCidr(text: string): Cidr {
    const m = /^([^/]*)\/(\d+)$/.exec(text);
    if (!m || !ipaddr.IPv4.isValidFourPartDecimal(m[1]) || Number(m[2]) > 32) {
        throw new Error(`"${text}" is not an IPv4 CIDR block`);
    }
    const ip = ipaddr.IPv4.parse(m[1]).octets.reduce((acc, o) => acc * 256 + o, 0);
    const mask = Number(m[2]);
    return { base: ip - (ip % blockSize(mask)), mask };
}

export function blockSize(mask: number): number {
    return 2 ** (32 - mask);
}

export function formatCidr(cidr: Cidr): string {
    const ip = cidr.base;
    return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}/${cidr.mask}`;
}

/** Bits needed to split a block into `parts` equal pieces. */
export function bitsFor(parts: number): number {
    return parts <= 1 ? 0 : Math.ceil(Math.log2(parts));
}

/** The next block of `mask` at or after `offset` inside `within`, aligned to its own size. */
export function allocate(within: Cidr, offset: number, mask: number): { cidr: Cidr; next: number } {
    const size = blockSize(mask);
    const aligned = Math.ceil(offset / size) * size;
    if (aligned + size > blockSize(within.mask)) {
        throw new Error(`no room for a /${mask} in ${formatCidr(within)}`);
    }
    return { cidr: { base: within.base + aligned, mask }, next: aligned + size };
}

// Minimal IPv4 CIDR arithmetic for laying out mocked VPC subnets.

export interface Cidr {
    base: number;
    mask: number;
}

export function parseCidr(text: string): Cidr {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
    if (!m) {
        throw new Error(`"${text}" is not an IPv4 CIDR block`);
    }
    const octets = m.slice(1, 5).map(Number);
    const mask = Number(m[5]);
    if (octets.some((o) => o > 255) || mask > 32) {
        throw new Error(`"${text}" is not an IPv4 CIDR block`);
    }
    const ip = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
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

// Deterministic identifiers for mocked answers: the same inputs always give the same ids, so
// test expectations and reports are stable from run to run.
import { createHash } from "node:crypto";

/** `length` lower-case hex characters derived from `key`. */
export function hexId(key: string, length: number): string {
    let out = "";
    let counter = 0;
    while (out.length < length) {
        out += createHash("sha256").update(`${counter}:${key}`).digest("hex");
        counter += 1;
    }
    return out.slice(0, length);
}

/** An id in AWS style: `prefix-` then 17 hex characters (e.g. `ami-0c55b159cbfafe1f0`). */
export function awsStyleId(prefix: string, key: string): string {
    return `${prefix}-0${hexId(key, 16)}`;
}

/**
 * The unique suffix the AWS provider appends to a `namePrefix`/`bucketPrefix` (Terraform's
 * PrefixedUniqueId: a timestamp and a counter, 26 digits), here 26 digits derived from `key`
 * instead of the clock.
 */
export function prefixedUniqueSuffix(key: string): string {
    const hex = hexId(key, 52);
    let out = "";
    for (let i = 0; i < 26; i++) out += String(parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 10);
    return out;
}

/** `length` upper-case alphanumeric characters derived from `key` (IAM unique ids, zone ids). */
export function upperAlnum(key: string, length: number): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const hex = hexId(key, length * 2);
    let out = "";
    for (let i = 0; i < length; i++) {
        out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
    }
    return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE), as Go's hash/crc32.ChecksumIEEE computes it over the UTF-8 bytes. */
export function crc32(text: string): number {
    if (!crcTable) {
        crcTable = new Uint32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++) {
                c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            crcTable[n] = c >>> 0;
        }
    }
    let crc = 0xffffffff;
    for (const byte of Buffer.from(text, "utf8")) {
        crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
}

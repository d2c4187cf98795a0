/**
 * The uploads bucket's public prefixes (seed 003: `profile-pictures/`, `educational-materials/`),
 * parsed and validated at the edge (pure; used by parse.ts).
 */
import { type ConfigReader } from "./reader";

/** One or more lower-case path segments, each ending in `/`; no `*`, no `.`/`..` segment, no leading `/`. */
export const PUBLIC_PREFIX = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/){1,8}$/;
/** The label of the distribution's own name under the stack's domain: `files.<domain>`. */
export const PUBLIC_FILES_SUBDOMAIN = "files";
/** CloudFront allows 25 cache behaviours per distribution by default; keep well under it. */
export const MAX_PUBLIC_PREFIXES = 10;
const MAX_PREFIX_LENGTH = 128;

/**
 * Reads `publicPrefixes`: every entry must match PUBLIC_PREFIX, appear once and not lie inside
 * another entry (a nested prefix is already public). From phase 2 on the distribution answers at
 * `files.<domain>`: `taken` (the other labels under the domain, by key) must not use that label.
 */
export function parsePublicPrefixes(read: ConfigReader, taken: Record<string, string>): string[] {
    const prefixes = read.stringList("publicPrefixes", []);
    const allowed = `key prefixes of the uploads bucket such as profile-pictures/: lower-case path segments (letters, digits, . _ - inside a segment) each ending in /, at most ${MAX_PREFIX_LENGTH} characters; no *, no . or .. segment, no leading /`;
    for (const prefix of prefixes) {
        if (!PUBLIC_PREFIX.test(prefix) || prefix.length > MAX_PREFIX_LENGTH) read.problem("publicPrefixes", prefix, allowed);
    }
    if (prefixes.length > MAX_PUBLIC_PREFIXES) {
        read.problem("publicPrefixes", prefixes, `at most ${MAX_PUBLIC_PREFIXES} prefixes (one CloudFront cache behaviour each)`);
    }
    prefixes.forEach((prefix, i) => {
        if (prefixes.indexOf(prefix) !== i) read.problem("publicPrefixes", prefix, "each prefix once");
        const outer = prefixes.find((other) => other !== prefix && prefix.startsWith(other));
        if (outer !== undefined) read.problem("publicPrefixes", prefix, `prefixes that do not lie inside another entry (${outer} already makes it public)`);
    });
    const clash = Object.entries(taken).find(([, label]) => label === PUBLIC_FILES_SUBDOMAIN);
    if (prefixes.length > 0 && clash !== undefined) {
        read.problem(clash[0], clash[1], `a label other than "${PUBLIC_FILES_SUBDOMAIN}" while stagecraft:publicPrefixes is set: the public-files distribution answers at ${PUBLIC_FILES_SUBDOMAIN}.<domain>`);
    }
    return prefixes;
}

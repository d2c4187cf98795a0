/**
 * Rendering text into nftables rule sets. nft strings are double-quoted with no escape at all,
 * so a comment keeps only characters that cannot end or break it, and at most nft's 128 bytes.
 * Pure; no Pulumi.
 */

/** A quoted nft comment: letters, digits, spaces and `. , : / ( ) _ + - =`; anything else becomes a space. */
export function nftComment(text: string): string {
    const safe = text.replace(/[^A-Za-z0-9 .,:/()_+=-]/g, " ").replace(/\s+/g, " ").trim().slice(0, 120);
    return `"${safe}"`;
}

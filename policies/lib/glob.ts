/**
 * Glob patterns for exemptions and allow-lists: `*` matches any run of characters, `?` one
 * character; everything else is literal and the whole text must match. No regex in config, so a
 * config file can never carry a pattern JavaScript rejects.
 */

function toRegExp(pattern: string): RegExp {
    let source = "";
    for (const ch of pattern) {
        if (ch === "*") source += ".*";
        else if (ch === "?") source += ".";
        else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
    return new RegExp(`^${source}$`, "s");
}

const cache = new Map<string, RegExp>();

export function globMatch(pattern: string, text: string): boolean {
    let re = cache.get(pattern);
    if (re === undefined) {
        re = toRegExp(pattern);
        cache.set(pattern, re);
    }
    return re.test(text);
}

export function matchesAny(patterns: readonly string[], text: string): boolean {
    return patterns.some((p) => globMatch(p, text));
}

/**
 * IAM action patterns judged by what AWS would match, not by their spelling. An action is
 * `<service>:<name>`; a pattern matches it with `*` (any run of characters, colon included) and `?`
 * (one character), case-insensitively. "Does `iam:?*` grant every IAM action?" is a question about
 * every string of a language, so it is answered on the pattern's automaton: a breadth-first walk
 * over sets of pattern positions, reading one representative of each class of characters (each
 * literal of the pattern, a colon, and one character the pattern never names).
 *
 * Real service prefixes have at least 2 characters and action names at least 3 ("s3", "ec2:Get"
 * style), so a pattern covers "every action" when it matches every service of 2+ characters and
 * every name of 3+ characters: `iam:???*` grants all of IAM exactly as `iam:*` does.
 */

const MIN_SERVICE = 2;
const MIN_NAME = 3;
/** A character no pattern names: stands for every character the pattern does not mention. */
const OTHER = "\u0000";

type States = ReadonlySet<number>;

/** Positions reachable from `states` without reading (a `*` may match nothing). */
function closure(pattern: string, states: Iterable<number>): Set<number> {
    const out = new Set<number>();
    const stack = [...states];
    while (stack.length > 0) {
        const i = stack.pop() as number;
        if (out.has(i)) continue;
        out.add(i);
        if (pattern[i] === "*") stack.push(i + 1);
    }
    return out;
}

function step(pattern: string, states: States, ch: string): Set<number> {
    const next: number[] = [];
    for (const i of states) {
        const p = pattern[i];
        if (p === undefined) continue;
        if (p === "*") next.push(i);
        else if (p === "?" || p === ch) next.push(i + 1);
    }
    return closure(pattern, next);
}

const key = (s: States) => [...s].sort((a, b) => a - b).join(",");

/** Representatives of every class of non-colon characters for this pattern. */
function nameAlphabet(pattern: string): string[] {
    return [...new Set([...pattern].filter((c) => c !== "*" && c !== "?" && c !== ":")), OTHER];
}

/**
 * Every state set the pattern can be in after reading some string of `min`+ non-colon characters
 * from `start` (sets after fewer characters are not returned).
 */
function afterRuns(pattern: string, start: States, min: number): Set<number>[] {
    const alphabet = nameAlphabet(pattern);
    // Lengths beyond `min` behave alike once a set repeats at length >= min.
    const seen = new Map<string, Set<number>>();
    let frontier: Set<number>[] = [new Set(start)];
    for (let length = 1; frontier.length > 0; length++) {
        const next: Set<number>[] = [];
        const local = new Set<string>();
        for (const s of frontier) {
            for (const ch of alphabet) {
                const t = step(pattern, s, ch);
                const k = key(t);
                if (local.has(k)) continue;
                if (length >= min) {
                    if (seen.has(k)) continue;
                    seen.set(k, t);
                }
                local.add(k);
                next.push(t);
            }
        }
        frontier = next;
    }
    return [...seen.values()];
}

const accepts = (pattern: string, s: States) => s.has(pattern.length);

/** Does the pattern match every name (3+ characters, no colon) read after `start`? */
function coversEveryName(pattern: string, start: States): boolean {
    return afterRuns(pattern, start, MIN_NAME).every((s) => accepts(pattern, s));
}

function normal(pattern: string): string {
    return pattern.trim().toLowerCase();
}

/** Does the pattern grant every action of every service ("*", "*:*", "?*", "**", "*:?*", ...)? */
export function coversEveryAction(rawPattern: string): boolean {
    const pattern = normal(rawPattern);
    const start = closure(pattern, [0]);
    return afterRuns(pattern, start, MIN_SERVICE).every((service) => coversEveryName(pattern, step(pattern, service, ":")));
}

/**
 * Does the pattern grant every action of at least one service: "iam:*", "iam:?*", "iam:*?",
 * "s*:*" (every service starting with s), "iam*"?
 */
export function coversWholeService(rawPattern: string): boolean {
    const pattern = normal(rawPattern);
    const start = closure(pattern, [0]);
    return afterRuns(pattern, start, MIN_SERVICE).some((service) => coversEveryName(pattern, step(pattern, service, ":")));
}

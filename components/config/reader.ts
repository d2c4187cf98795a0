import { type ConfigProblem } from "../lib/errors";

/** Where raw config strings come from: pulumi.Config in a program, a plain map in tests. */
export interface ConfigSource {
    /** The raw string value of a key of the project namespace, or undefined when unset. */
    get(key: string): string | undefined;
    /** Every key the stack sets in the project namespace (short names), so unknown ones are refused. */
    keys?(): string[];
    /** The value is a secret: problems never print it. */
    secret?(key: string): boolean;
    /**
     * The value is a secret the runner could not decrypt (the offline check): get() returns a
     * placeholder, which is never validated as if it were the user's value.
     */
    undecryptable?(key: string): boolean;
}

/** Levenshtein distance, for "did you mean" (keys are short: the quadratic table is fine). */
function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}

/** The closest known key, when it is close enough to be a typo. */
export function suggestKey(key: string, known: Iterable<string>): string | undefined {
    const lower = key.toLowerCase();
    let best: { key: string; d: number } | undefined;
    for (const candidate of known) {
        const d = distance(lower, candidate.toLowerCase());
        if (best === undefined || d < best.d) best = { key: candidate, d };
    }
    return best !== undefined && best.d <= Math.max(2, Math.floor(key.length / 4)) ? best.key : undefined;
}

/**
 * Reads typed values from a ConfigSource and collects every problem instead of stopping at
 * the first, so one run tells the user all that must change. Keys are reported fully
 * qualified (`stagecraft:appPort`), as the user writes them in the stack file. Values are
 * trimmed here, once, so every parser sees the same text.
 */
export class ConfigReader {
    readonly problems: ConfigProblem[] = [];
    /** What could not be checked: secrets the runner could not decrypt. */
    readonly unverified: ConfigProblem[] = [];
    /** Every key a parser asked for: the settings this program knows. */
    private readonly known = new Set<string>();

    constructor(
        private readonly source: ConfigSource,
        private readonly namespace: string,
    ) {}

    qualified(key: string): string {
        return `${this.namespace}:${key}`;
    }

    problem(key: string, value: unknown, allowed: string): void {
        if (this.source.undecryptable?.(key)) {
            if (!this.unverified.some((p) => p.key === this.qualified(key))) {
                this.unverified.push({ key: this.qualified(key), value: "[secret]", allowed });
            }
            return;
        }
        this.problems.push({ key: this.qualified(key), value: this.source.secret?.(key) ? "[secret]" : value, allowed });
    }

    raw(key: string): string | undefined {
        this.known.add(key);
        const value = this.source.get(key)?.trim();
        return value === undefined || value === "" ? undefined : value;
    }

    /**
     * Refuses every key of the namespace that no parser read (a typo such as
     * `protectStatefull` would otherwise be ignored in silence), suggesting the closest known key.
     * Call once, after every setting was read.
     */
    refuseUnknownKeys(): void {
        for (const key of this.source.keys?.() ?? []) {
            if (this.known.has(key)) continue;
            const suggestion = suggestKey(key, this.known);
            this.problems.push({
                key: this.qualified(key),
                value: this.source.secret?.(key) ? "[secret]" : this.source.get(key),
                allowed: `a setting stagecraft knows (this one is not read by anything${suggestion ? `; did you mean ${this.qualified(suggestion)}?` : ""}); see Pulumi.yaml for every setting`,
            });
        }
    }

    string(key: string, fallback: string): string {
        return this.raw(key) ?? fallback;
    }

    optionalString(key: string): string | undefined {
        return this.raw(key);
    }

    integer(key: string, fallback: number, min: number, max: number): number {
        const text = this.raw(key);
        if (text === undefined) return fallback;
        if (!/^-?\d{1,16}$/.test(text)) {
            this.problem(key, text, `a whole number from ${min} to ${max}`);
            return fallback;
        }
        const value = Number(text);
        if (value < min || value > max) {
            this.problem(key, value, `a whole number from ${min} to ${max}`);
            return fallback;
        }
        return value;
    }

    boolean(key: string, fallback: boolean): boolean {
        const text = this.raw(key);
        if (text === undefined) return fallback;
        if (text === "true") return true;
        if (text === "false") return false;
        this.problem(key, text, "true or false");
        return fallback;
    }

    oneOf<T extends string | number>(key: string, fallback: T, allowed: readonly T[]): T {
        const text = this.raw(key);
        if (text === undefined) return fallback;
        const match = allowed.find((a) => String(a) === text);
        if (match === undefined) {
            this.problem(key, text, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
            return fallback;
        }
        return match;
    }

    /** Arrays arrive JSON-encoded (the CLI passes typed `array` config that way); entries are trimmed. */
    stringList(key: string, fallback: string[]): string[] {
        const text = this.raw(key);
        if (text === undefined) return fallback;
        let parsed: unknown;
        try {
            parsed = JSON.parse(text);
        } catch {
            this.problem(key, text, "a list of strings, e.g. [\"203.0.113.10/32\"]");
            return fallback;
        }
        if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === "string")) {
            this.problem(key, parsed, "a list of strings, e.g. [\"203.0.113.10/32\"]");
            return fallback;
        }
        return parsed.map((v: string) => v.trim());
    }
}

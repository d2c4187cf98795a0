import { type ConfigProblem } from "../shared/errors";

/** Where raw config strings come from: pulumi.Config in a program, a plain map in tests. */
export interface ConfigSource {
    /** The raw string value of a key of the project namespace, or undefined when unset. */
    get(key: string): string | undefined;
}

/**
 * Reads typed values from a ConfigSource and collects every problem instead of stopping at
 * the first, so one run tells the user all that must change. Keys are reported fully
 * qualified (`stagecraft:appPort`), as the user writes them in the stack file.
 */
export class ConfigReader {
    readonly problems: ConfigProblem[] = [];

    constructor(
        private readonly source: ConfigSource,
        private readonly namespace: string,
    ) {}

    qualified(key: string): string {
        return `${this.namespace}:${key}`;
    }

    problem(key: string, value: unknown, allowed: string): void {
        this.problems.push({ key: this.qualified(key), value, allowed });
    }

    raw(key: string): string | undefined {
        const value = this.source.get(key);
        return value === undefined || value === "" ? undefined : value;
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
        if (!/^-?\d+$/.test(text.trim())) {
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
        const match = allowed.find((a) => String(a) === text.trim());
        if (match === undefined) {
            this.problem(key, text, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
            return fallback;
        }
        return match;
    }

    /** Arrays arrive JSON-encoded (the CLI passes typed `array` config that way). */
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

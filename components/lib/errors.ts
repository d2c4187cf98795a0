import * as pulumi from "@pulumi/pulumi";

/**
 * An error the user can act on: printed by Pulumi without a stack trace (RunError), naming
 * what is wrong and what is allowed. Thrown before any resource is registered.
 */
export class StagecraftError extends pulumi.RunError {
    constructor(message: string) {
        super(message);
        this.name = "StagecraftError";
    }
}

/** One invalid config value: the key, the value as given and what is allowed. */
export interface ConfigProblem {
    key: string;
    value: unknown;
    allowed: string;
}

/** All problems found in a stack's config, reported together so one run shows every fix. */
export class ConfigError extends StagecraftError {
    readonly problems: readonly ConfigProblem[];

    constructor(problems: readonly ConfigProblem[]) {
        super(ConfigError.format(problems));
        this.name = "ConfigError";
        this.problems = problems;
    }

    static format(problems: readonly ConfigProblem[]): string {
        const lines = problems.map(
            (p) => `  - ${printable(p.key)} = ${printable(JSON.stringify(p.value) ?? "undefined")}: ${printable(p.allowed)}`,
        );
        const noun = problems.length === 1 ? "value" : "values";
        return `invalid stack configuration (${problems.length} ${noun}); nothing was created:\n${lines.join("\n")}`;
    }
}

/**
 * Text that may quote a user's value, with control characters (a NUL, a line break, an escape
 * sequence) written as \u escapes: a value must not forge lines of the message or drive the
 * terminal that prints it.
 */
export function printable(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

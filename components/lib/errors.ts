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
            (p) => `  - ${p.key} = ${JSON.stringify(p.value)}: ${p.allowed}`,
        );
        const noun = problems.length === 1 ? "value" : "values";
        return `invalid stack configuration (${problems.length} ${noun}); nothing was created:\n${lines.join("\n")}`;
    }
}

// Policy configuration as `pulumi preview --policy-pack-config FILE` reads and reconciles it, for
// any pack: the reading, reconciliation and schema validation are the CLI's, in
// policies/lib/policyconfig.ts (shared with the stagecraft pack and the tests); this file reads the
// file from disk and words what the CLI would refuse as the check's errors.
import * as fs from "node:fs";
import {
    ENFORCEMENT_LEVELS,
    type EnforcementLevel,
    parsePolicyConfigText,
    type ParsedPolicyConfig,
    type PolicyConfig,
    type PolicyConfigEntry,
    type PolicyConfigProblem,
    type PolicyMeta,
    reconcilePolicyConfig as reconcile,
} from "../../../policies/lib/policyconfig";
import { CheckError } from "../errors";

export { ENFORCEMENT_LEVELS, type EnforcementLevel, type PolicyConfigEntry, type PolicyMeta };

export type PolicyConfigFile = PolicyConfig;

function wording(problem: PolicyConfigProblem): string {
    switch (problem.kind) {
        case "level":
            return `"${problem.key}" has enforcement level ${JSON.stringify(problem.value)}; use one of ${ENFORCEMENT_LEVELS.join(", ")}`;
        case "entry":
            return `"${problem.key}" must be an enforcement level or an object`;
        case "environments":
            return "\"environments\" must be a list of ESC environment names";
    }
}

/** Reads a --policy-pack-config file; a CheckError lists every entry the CLI would refuse. */
export function readPolicyConfigFile(file: string): PolicyConfigFile {
    let parsed: ParsedPolicyConfig;
    try {
        parsed = parsePolicyConfigText(fs.readFileSync(file, "utf8"));
    } catch (err) {
        if (err instanceof SyntaxError || (err as NodeJS.ErrnoException).code !== undefined) {
            throw new CheckError(`${file}: cannot read the policy pack config: ${(err as Error).message}`, { file });
        }
        throw new CheckError(`${file}: ${(err as Error).message}`, { file });
    }
    if (parsed.problems.length > 0) {
        throw new CheckError(parsed.problems.map((p) => `${file}: ${wording(p)}`).join("\n"), { file });
    }
    if (parsed.environments.length > 0) {
        // The CLI resolves them through a Pulumi Cloud backend (and refuses them without one).
        throw new CheckError(
            `${file}: "environments" names ESC environments (${parsed.environments.join(", ")}), which the offline check cannot open; put their policy settings in the file`,
            { file },
        );
    }
    return parsed.config;
}

/**
 * The effective configuration of every key a pack's Configure receives (each policy, "all" and
 * keys that name no policy, as the CLI sends them), or a CheckError listing every schema
 * violation (sorted, as the CLI prints them) and every entry left without an enforcement level.
 */
export function reconcilePolicyConfig(
    packName: string,
    policies: PolicyMeta[],
    initial: PolicyConfigFile,
    file: PolicyConfigFile | undefined,
    fileName: string | undefined,
): Map<string, PolicyConfigEntry> {
    const { config, schemaErrors, withoutLevel } = reconcile(policies, initial, file);
    const errors = [
        ...schemaErrors.map((e) => `${packName} ${e.policy}: ${e.path || "(config)"} ${e.message}`.replace(/\s+/g, " ")).sort(),
        ...withoutLevel.map((k) => `${packName} "${k}": properties without an enforcement level (the Pulumi CLI refuses to configure the pack)`),
    ];
    if (errors.length > 0) {
        throw new CheckError(
            `${fileName ?? "policy config"}: validating policy config failed:\n  ${errors.join("\n  ")}`,
            { file: fileName },
        );
    }
    return config;
}

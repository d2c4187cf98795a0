/**
 * The policy config file `pulumi preview --policy-pack-config <file>` reads, reconciled the way
 * the CLI does it (pkg/resource/analyzer/config.go): start from each policy's own level and its
 * schema defaults, apply the "all" level to every policy, then each policy's entry: a string is an
 * enforcement level, an object may carry `enforcementLevel` plus config properties.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import type { PackPolicy } from "./policy";

export type PolicyConfigFile = { readonly [policy: string]: EnforcementLevel | { readonly [key: string]: unknown } };

export interface EffectiveConfig {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: { readonly [key: string]: unknown };
}

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

export function isEnforcementLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && LEVELS.includes(value);
}

function entryOf(key: string, value: unknown): { level?: EnforcementLevel; properties: Record<string, unknown> } {
    if (typeof value === "string") {
        if (!isEnforcementLevel(value)) throw new Error(`policy config "${key}": "${value}" is not an enforcement level`);
        return { level: value, properties: {} };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new Error(`policy config "${key}": must be an enforcement level or an object`);
    }
    const { enforcementLevel, ...properties } = value as Record<string, unknown>;
    if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
        throw new Error(`policy config "${key}": enforcementLevel ${JSON.stringify(enforcementLevel)} is not valid`);
    }
    return { level: enforcementLevel, properties };
}

/** Effective level and properties of every policy of the pack under a config file. */
export function reconcile(policies: readonly PackPolicy[], file: PolicyConfigFile = {}): Map<string, EffectiveConfig> {
    const result = new Map<string, EffectiveConfig>();
    for (const p of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [k, f] of Object.entries(p.fields)) defaults[k] = f.default;
        result.set(p.info.name, { enforcementLevel: p.info.enforcementLevel, properties: defaults });
    }
    if ("all" in file) {
        const all = entryOf("all", file.all);
        if (all.level !== undefined) {
            for (const [name, c] of result) result.set(name, { ...c, enforcementLevel: all.level });
        }
    }
    for (const [key, value] of Object.entries(file)) {
        if (key === "all") continue;
        const entry = entryOf(key, value);
        const current = result.get(key);
        if (current === undefined) throw new Error(`policy config names "${key}", which is not a policy of this pack`);
        result.set(key, {
            enforcementLevel: entry.level ?? current.enforcementLevel,
            properties: { ...current.properties, ...entry.properties },
        });
    }
    return result;
}

/**
 * Every problem of a policy config file at once, each naming the key, the value and what is
 * allowed: unknown policies and settings a policy does not have (the CLI skips both, so a
 * misspelt name silently keeps the defaults), invalid levels, and values the policy's own reader
 * refuses. Complements the CLI's JSON-schema check; [] when the file is sound.
 */
export function configProblems(policies: readonly PackPolicy[], file: PolicyConfigFile): string[] {
    const byName = new Map(policies.map((p) => [p.info.name, p]));
    const problems: string[] = [];
    for (const [key, value] of Object.entries(file)) {
        const policy = byName.get(key);
        if (key !== "all" && policy === undefined) {
            problems.push(`"${key}" is not a policy of this pack`);
            continue;
        }
        if (typeof value === "string") {
            if (!isEnforcementLevel(value)) problems.push(`"${key}": "${value}" is not an enforcement level (${LEVELS.join(", ")})`);
            continue;
        }
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            problems.push(`"${key}": ${JSON.stringify(value)} is neither an enforcement level nor an object`);
            continue;
        }
        const { enforcementLevel, ...properties } = value as Record<string, unknown>;
        if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
            problems.push(`"${key}": enforcementLevel ${JSON.stringify(enforcementLevel)} is not an enforcement level (${LEVELS.join(", ")})`);
        }
        if (policy === undefined) {
            if (Object.keys(properties).length > 0) problems.push(`"all" takes only an enforcement level, not ${Object.keys(properties).join(", ")}`);
            continue;
        }
        for (const [setting, v] of Object.entries(properties)) {
            const field = policy.fields[setting];
            if (field === undefined) {
                problems.push(`"${key}": "${setting}" is not a setting of this policy (it has ${Object.keys(policy.fields).join(", ")})`);
                continue;
            }
            try {
                field.read(v);
            } catch (err) {
                problems.push(`"${key}": ${setting} ${JSON.stringify(v)} is refused: ${(err as Error).message}`);
            }
        }
    }
    return problems;
}

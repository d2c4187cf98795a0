/**
 * This pack's policies under a policy config file: what each receives (`reconcile`, the CLI's
 * reconciliation from lib/policyconfig.ts) and everything wrong with a file at once
 * (`configProblems`: the CLI's load errors plus what it lets through silently).
 */
import type { EnforcementLevel } from "@pulumi/policy";
import type { PackPolicy } from "./policy";
import {
    describeProblem, parseEntry, parsePolicyConfig, type PolicyMeta, reconcilePolicyConfig, type SchemaError,
} from "./policyconfig";

export type PolicyConfigFile = { readonly [policy: string]: EnforcementLevel | { readonly [key: string]: unknown } };

export interface EffectiveConfig {
    readonly enforcementLevel: EnforcementLevel;
    readonly properties: { readonly [key: string]: unknown };
}

/** A policy of the pack as the CLI sees it (GetAnalyzerInfo): name, default level, config schema. */
export function policyMeta(policy: PackPolicy): PolicyMeta {
    return { name: policy.info.name, enforcementLevel: policy.info.enforcementLevel, configSchema: policy.policy.configSchema };
}

/** "iam-no-wildcard-actions/exemptions/0 must have required property 'reason'". */
export function describeSchemaError(error: SchemaError): string {
    return `${error.policy}${error.path} ${error.message}`;
}

/**
 * Effective level and properties of every policy of the pack under a config file, as the CLI
 * hands them to the pack; throws what the CLI refuses (an unreadable entry, properties the
 * policy's schema refuses, an entry left without a level). Keys that name no policy of the pack
 * change nothing, as under the CLI (configProblems names them).
 */
export function reconcile(policies: readonly PackPolicy[], file: PolicyConfigFile = {}): Map<string, EffectiveConfig> {
    const parsed = parsePolicyConfig(file);
    if (parsed.problems.length > 0) throw new Error(`policy config is not valid: ${parsed.problems.map(describeProblem).join("; ")}`);
    const { config, schemaErrors, withoutLevel } = reconcilePolicyConfig(policies.map(policyMeta), undefined, parsed.config);
    if (withoutLevel.length > 0) {
        throw new Error(`policy config is not valid: ${withoutLevel.map((k) => `"${k}" gives properties without an enforcement level`).join("; ")}`);
    }
    if (schemaErrors.length > 0) throw new Error(`invalid policy config: ${schemaErrors.map(describeSchemaError).join("; ")}`);
    const result = new Map<string, EffectiveConfig>();
    for (const p of policies) {
        const entry = config.get(p.info.name);
        result.set(p.info.name, { enforcementLevel: entry?.enforcementLevel ?? p.info.enforcementLevel, properties: entry?.properties ?? {} });
    }
    return result;
}

/**
 * Every problem of a policy config file at once, each naming the key, the value and what is
 * allowed: what the CLI refuses when it loads the file (invalid levels, entries that are neither
 * a level nor an object), and what it lets through silently: unknown policies and settings a
 * policy does not have (a misspelt name keeps the defaults), properties given to "all", and values
 * the policy's own reader refuses. Complements the CLI's JSON-schema check (reconcile throws
 * those); [] when the file is sound.
 */
export function configProblems(policies: readonly PackPolicy[], file: PolicyConfigFile): string[] {
    const byName = new Map(policies.map((p) => [p.info.name, p]));
    const problems: string[] = [];
    for (const [key, value] of Object.entries(file)) {
        if (key === "environments") {
            problems.push(...parsePolicyConfig({ environments: value }).problems.map(describeProblem));
            continue;
        }
        const policy = byName.get(key);
        if (key !== "all" && policy === undefined) {
            problems.push(`"${key}" is not a policy of this pack`);
            continue;
        }
        const { problem } = parseEntry(key, value);
        if (problem !== undefined) problems.push(describeProblem(problem));
        if (problem?.kind === "entry" || typeof value !== "object" || value === null) continue;
        const { enforcementLevel: _level, ...properties } = value as Record<string, unknown>;
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

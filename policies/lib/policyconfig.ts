/**
 * Policy config as `pulumi preview --policy-pack-config FILE` reads, reconciles and validates it,
 * for any pack's policy metadata: the one reader the pack (lib/packconfig.ts), the offline check
 * (tools/check/policy/pack-config.ts) and the tests use.
 *
 * It follows the Pulumi CLI (github.com/pulumi/pulumi, read at commit 1b59498):
 * - pkg/resource/analyzer/config.go `parsePolicyPackConfig`: empty content is no config; an
 *   "environments" key lists ESC environments and is not a policy; every other key maps to an
 *   enforcement level string or to an object whose `enforcementLevel` (a string, when present) is
 *   split from the policy's properties; anything else is an error; an entry with neither a level
 *   nor properties is dropped. The CLI stops at the first error; this lists them all.
 * - `ReconcilePolicyPackConfig` / `createConfigWithDefaults` / `applyConfig`: each policy starts
 *   from its own level and its schema's `default`s; then the pack's initial config, then the
 *   file, each applied as "all"'s level to every entry first and then every key on top (its
 *   level when it has one, its properties merged over the current ones). Keys that are not
 *   policies of the pack, and "all" itself, stay in the result: the CLI sends them to the pack.
 * - `validatePolicyPackConfig`: each policy with a config schema has its properties validated
 *   against `{type: "object", properties, required}` (gojsonschema there, ajv here), in policy
 *   order; the engine sorts the messages when it prints them (pkg/engine/update.go).
 * - pkg/resource/plugin/analyzer_plugin.go `Configure`: an entry without a valid enforcement
 *   level (properties given for "all" or an unknown name, without a level) fails the preview.
 *
 * No wording lives here beyond `describeProblem`: callers render the structured problems.
 */
import type AjvClass from "ajv";
import type { ValidateFunction } from "ajv";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export function isEnforcementLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

/** One key's config: the CLI's `AnalyzerPolicyConfig`. */
export interface PolicyConfigEntry {
    enforcementLevel?: EnforcementLevel;
    properties: Record<string, unknown>;
}

/** A parsed config file (or a pack's initial config): key → entry. */
export type PolicyConfig = Record<string, PolicyConfigEntry>;

/** What the CLI knows of a policy (GetAnalyzerInfo): name, default level, config schema. */
export interface PolicyMeta {
    readonly name: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly configSchema?: {
        readonly properties?: Readonly<Record<string, unknown>>;
        readonly required?: readonly string[];
    };
}

/** Why a key of the file cannot be read (each one an error of the CLI's loader). */
export type PolicyConfigProblem =
    /** A level the CLI does not know, as the entry (`"a": "strict"`) or its `enforcementLevel`. */
    | { readonly kind: "level"; readonly key: string; readonly value: unknown; readonly inObject: boolean }
    /** Neither a level string nor an object (null, a number, a list). */
    | { readonly kind: "entry"; readonly key: string; readonly value: unknown }
    /** "environments" that is not a list of strings. */
    | { readonly kind: "environments"; readonly value: unknown };

export interface ParsedPolicyConfig {
    /** The readable entries (a key with a problem is left out). */
    readonly config: PolicyConfig;
    /** ESC environments the file names (the "environments" key). */
    readonly environments: readonly string[];
    readonly problems: readonly PolicyConfigProblem[];
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One key of a config file, as parsePolicyPackConfig reads it (not for "environments"). */
export function parseEntry(key: string, value: unknown): { entry?: PolicyConfigEntry; problem?: PolicyConfigProblem } {
    if (typeof value === "string") {
        return isEnforcementLevel(value)
            ? { entry: { enforcementLevel: value, properties: {} } }
            : { problem: { kind: "level", key, value, inObject: false } };
    }
    if (!isObject(value)) return { problem: { kind: "entry", key, value } };
    const { enforcementLevel, ...properties } = value;
    if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
        return { problem: { kind: "level", key, value: enforcementLevel, inObject: true } };
    }
    // The CLI drops an entry with neither a level nor properties.
    if (enforcementLevel === undefined && Object.keys(properties).length === 0) return {};
    return { entry: { ...(enforcementLevel === undefined ? {} : { enforcementLevel }), properties } };
}

/** A config file's content (a JSON object), every problem at once. */
export function parsePolicyConfig(file: Readonly<Record<string, unknown>>): ParsedPolicyConfig {
    const config: PolicyConfig = {};
    const problems: PolicyConfigProblem[] = [];
    let environments: string[] = [];
    for (const [key, value] of Object.entries(file)) {
        if (key === "environments") {
            if (Array.isArray(value) && value.every((v) => typeof v === "string")) environments = value;
            else problems.push({ kind: "environments", value });
            continue;
        }
        const { entry, problem } = parseEntry(key, value);
        if (problem !== undefined) problems.push(problem);
        if (entry !== undefined) config[key] = entry;
    }
    return { config, environments, problems };
}

/** A config file's text: whitespace only is no config (the CLI's "gracefully allow empty content"). */
export function parsePolicyConfigText(text: string): ParsedPolicyConfig {
    if (text.trim() === "") return { config: {}, environments: [], problems: [] };
    const raw: unknown = JSON.parse(text);
    if (!isObject(raw)) throw new Error("the policy pack config must be a JSON object of policy names");
    return parsePolicyConfig(raw);
}

/** A problem in one sentence naming the key, the value and what is allowed. */
export function describeProblem(problem: PolicyConfigProblem): string {
    const levels = `(${ENFORCEMENT_LEVELS.join(", ")})`;
    switch (problem.kind) {
        case "level":
            return problem.inObject
                ? `"${problem.key}": enforcementLevel ${JSON.stringify(problem.value)} is not an enforcement level ${levels}`
                : `"${problem.key}": ${JSON.stringify(problem.value)} is not an enforcement level ${levels}`;
        case "entry":
            return `"${problem.key}": ${JSON.stringify(problem.value)} is neither an enforcement level nor an object`;
        case "environments":
            return `"environments": ${JSON.stringify(problem.value)} is not a list of ESC environment names`;
    }
}

/** A policy's effective properties the policy's config schema refuses. */
export interface SchemaError {
    readonly policy: string;
    /** JSON pointer into the properties ("" for the properties object itself). */
    readonly path: string;
    readonly message: string;
}

export interface ReconciledPolicyConfig {
    /** Every entry the CLI sends to the pack's Configure: each policy, "all", and unknown keys. */
    readonly config: Map<string, PolicyConfigEntry>;
    /** What each policy's schema refuses, in policy order (the CLI fails the preview on any). */
    readonly schemaErrors: readonly SchemaError[];
    /** Keys left without an enforcement level, which the CLI's Configure refuses. */
    readonly withoutLevel: readonly string[];
}

function apply(result: Map<string, PolicyConfigEntry>, config: PolicyConfig): void {
    const all = config.all;
    if (all?.enforcementLevel !== undefined) {
        for (const [name, entry] of result) result.set(name, { ...entry, enforcementLevel: all.enforcementLevel });
    }
    for (const [name, given] of Object.entries(config)) {
        const current = result.get(name);
        const enforcementLevel = given.enforcementLevel ?? current?.enforcementLevel;
        result.set(name, {
            ...(enforcementLevel === undefined ? {} : { enforcementLevel }),
            properties: { ...current?.properties, ...given.properties },
        });
    }
}

// Built on first use: loading and constructing Ajv costs ~40 ms at the start of every check,
// which needs it only when a policy config file is given.
let ajv: AjvClass | undefined;
function compile(schema: object): ValidateFunction {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ajv ??= new (require("ajv") as { default: typeof AjvClass }).default({ allErrors: true, strict: false });
    return ajv.compile(schema);
}
const validators = new Map<string, ValidateFunction>();

/** The schema the CLI validates a policy's properties with (`convertSchema`). */
function validatorOf(schema: NonNullable<PolicyMeta["configSchema"]>): ValidateFunction {
    const full = {
        type: "object",
        ...(Object.keys(schema.properties ?? {}).length > 0 ? { properties: schema.properties } : {}),
        ...((schema.required ?? []).length > 0 ? { required: schema.required } : {}),
    };
    const key = JSON.stringify(full);
    let validate = validators.get(key);
    if (validate === undefined) {
        validate = compile(full);
        validators.set(key, validate);
    }
    return validate;
}

/** What a policy's config schema refuses in the given properties ([] when it has no schema). */
export function validatePolicyProperties(policy: PolicyMeta, properties: Readonly<Record<string, unknown>>): SchemaError[] {
    if (policy.configSchema === undefined) return [];
    const validate = validatorOf(policy.configSchema);
    if (validate(properties)) return [];
    return (validate.errors ?? []).map((e) => ({ policy: policy.name, path: e.instancePath, message: e.message ?? "is invalid" }));
}

/**
 * The effective config of a pack under its initial config and a config file, and what the CLI
 * would refuse in it.
 */
export function reconcilePolicyConfig(
    policies: readonly PolicyMeta[],
    initial: PolicyConfig | undefined,
    config: PolicyConfig | undefined,
): ReconciledPolicyConfig {
    const result = new Map<string, PolicyConfigEntry>();
    for (const p of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if (isObject(schema) && "default" in schema) defaults[key] = structuredClone(schema.default);
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel, properties: defaults });
    }
    if (initial !== undefined) apply(result, initial);
    if (config !== undefined) apply(result, config);
    const schemaErrors = policies.flatMap((p) => validatePolicyProperties(p, result.get(p.name)?.properties ?? {}));
    const withoutLevel = [...result].filter(([, entry]) => entry.enforcementLevel === undefined).map(([name]) => name);
    return { config: result, schemaErrors, withoutLevel };
}

// Policy configuration as `pulumi preview --policy-pack-config FILE` reads and reconciles it:
// the file maps policy names (or "all") to an enforcement level string or to an object with
// `enforcementLevel` and the policy's own properties. For each policy the effective config starts
// from its own level and its schema's defaults, then the pack's initial config, then "all", then
// the policy's entry; the result is validated against the policy's config schema.
import Ajv from "ajv";
import * as fs from "node:fs";
import { CheckError } from "../errors";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface PolicyConfigEntry {
    enforcementLevel?: EnforcementLevel;
    properties: Record<string, unknown>;
}

export type PolicyConfigFile = Record<string, PolicyConfigEntry>;

export interface PolicyMeta {
    name: string;
    enforcementLevel: EnforcementLevel;
    configSchema?: { properties: Record<string, Record<string, unknown>>; required: string[] };
}

function level(value: unknown, where: string, file: string): EnforcementLevel {
    if (typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value)) {
        return value as EnforcementLevel;
    }
    throw new CheckError(
        `${file}: ${where} has enforcement level ${JSON.stringify(value)}; use one of ${ENFORCEMENT_LEVELS.join(", ")}`,
        { file },
    );
}

/** Reads a --policy-pack-config file. */
export function readPolicyConfigFile(file: string): PolicyConfigFile {
    let raw: unknown;
    try {
        raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new CheckError(`${file}: cannot read the policy pack config: ${(err as Error).message}`, { file });
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        throw new CheckError(`${file}: the policy pack config must be a JSON object of policy names`, { file });
    }
    const out: PolicyConfigFile = {};
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof value === "string") {
            out[name] = { enforcementLevel: level(value, `"${name}"`, file), properties: {} };
        } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            out[name] = {
                enforcementLevel: enforcementLevel === undefined ? undefined : level(enforcementLevel, `"${name}"`, file),
                properties,
            };
        } else {
            throw new CheckError(`${file}: "${name}" must be an enforcement level or an object`, { file });
        }
    }
    return out;
}

function apply(result: Map<string, PolicyConfigEntry>, config: PolicyConfigFile): void {
    const all = config.all;
    if (all?.enforcementLevel) {
        for (const entry of result.values()) entry.enforcementLevel = all.enforcementLevel;
    }
    for (const [name, c] of Object.entries(config)) {
        if (name === "all") continue;
        const existing = result.get(name) ?? { properties: {} };
        result.set(name, {
            enforcementLevel: c.enforcementLevel ?? existing.enforcementLevel,
            properties: { ...existing.properties, ...c.properties },
        });
    }
}

/**
 * The effective configuration of every policy of a pack (what Configure receives), or a
 * CheckError listing every schema violation.
 */
export function reconcilePolicyConfig(
    packName: string,
    policies: PolicyMeta[],
    initial: PolicyConfigFile,
    file: PolicyConfigFile | undefined,
    fileName: string | undefined,
): Map<string, PolicyConfigEntry> {
    const result = new Map<string, PolicyConfigEntry>();
    for (const p of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if ("default" in schema) defaults[k] = schema.default;
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel, properties: defaults });
    }
    apply(result, initial);
    if (file) apply(result, file);

    const ajv = new Ajv({ allErrors: true, strict: false });
    const errors: string[] = [];
    for (const p of policies) {
        if (!p.configSchema) continue;
        const entry = result.get(p.name)!;
        const schema = {
            type: "object",
            properties: {
                ...p.configSchema.properties,
                enforcementLevel: { type: "string", enum: [...ENFORCEMENT_LEVELS] },
            },
            required: p.configSchema.required,
        };
        const validate = ajv.compile(schema);
        if (!validate({ ...entry.properties, enforcementLevel: entry.enforcementLevel })) {
            for (const e of validate.errors ?? []) {
                errors.push(`${packName} ${p.name}: ${e.instancePath || "(config)"} ${e.message ?? "is invalid"}`.replace(/\s+/g, " "));
            }
        }
    }
    if (errors.length > 0) {
        throw new CheckError(
            `${fileName ?? "policy config"}: validating policy config failed:\n  ${errors.join("\n  ")}`,
            { file: fileName },
        );
    }
    return result;
}

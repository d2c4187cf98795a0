/**
 * Typed policy configuration: each field carries its JSON schema (sent to the CLI, which validates
 * the stack's policy config file against it and fills in defaults) and a reader that applies the
 * same default when a driver did not send one. Every policy gets `exemptions`.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

export interface Field<T> {
    readonly schema: PolicyConfigJSONSchema;
    readonly default: T;
    read(value: unknown): T;
}

export type Fields = { readonly [key: string]: Field<unknown> };

export type ConfigOf<F extends Fields> = { readonly [K in keyof F]: F[K] extends Field<infer T> ? T : never };

export class ConfigError extends Error {}

function fail(description: string, value: unknown): never {
    throw new ConfigError(`invalid policy config value ${JSON.stringify(value)} for "${description}"`);
}

export function stringList(description: string, dflt: readonly string[]): Field<readonly string[]> {
    return {
        schema: { type: "array", items: { type: "string", minLength: 1 }, description, default: [...dflt] },
        default: dflt,
        read(value) {
            if (value === undefined || value === null) return dflt;
            if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) fail(description, value);
            return value as string[];
        },
    };
}

export function text(description: string, dflt: string): Field<string> {
    return {
        schema: { type: "string", minLength: 1, description, default: dflt },
        default: dflt,
        read(value) {
            if (value === undefined || value === null) return dflt;
            if (typeof value !== "string" || value === "") fail(description, value);
            return value;
        },
    };
}

export function integerList(description: string, dflt: readonly number[], minimum: number, maximum: number): Field<readonly number[]> {
    return {
        schema: { type: "array", items: { type: "integer", minimum, maximum }, description, default: [...dflt] },
        default: dflt,
        read(value) {
            if (value === undefined || value === null) return dflt;
            if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v))) fail(description, value);
            return value as number[];
        },
    };
}

export function integer(description: string, dflt: number, minimum: number): Field<number> {
    return {
        schema: { type: "integer", minimum, description, default: dflt },
        default: dflt,
        read(value) {
            if (value === undefined || value === null) return dflt;
            if (!Number.isInteger(value)) fail(description, value);
            return value as number;
        },
    };
}

export function flag(description: string, dflt: boolean): Field<boolean> {
    return {
        schema: { type: "boolean", description, default: dflt },
        default: dflt,
        read(value) {
            if (value === undefined || value === null) return dflt;
            if (typeof value !== "boolean") fail(description, value);
            return value;
        },
    };
}

/** A resource (logical name or glob pattern) with the reason it may break the rule. */
export interface Exemption {
    readonly resource: string;
    readonly reason: string;
}

const EXEMPTION_SCHEMA: PolicyConfigJSONSchema = {
    type: "object",
    properties: {
        resource: { type: "string", minLength: 1, description: "Logical resource name or glob pattern (* and ?)." },
        reason: { type: "string", minLength: 1, description: "Why this resource may break the rule." },
    },
    required: ["resource", "reason"],
    additionalProperties: false,
};

function isExemption(v: unknown): v is Exemption {
    if (v === null || typeof v !== "object") return false;
    const e = v as Record<string, unknown>;
    return typeof e.resource === "string" && e.resource !== "" && typeof e.reason === "string" && e.reason.trim() !== "";
}

export const exemptions: Field<readonly Exemption[]> = {
    schema: {
        type: "array",
        items: EXEMPTION_SCHEMA,
        description: "Resources exempt from this policy, each with a reason.",
        default: [],
    },
    default: [],
    read(value) {
        if (value === undefined || value === null) return [];
        if (!Array.isArray(value) || !value.every(isExemption)) fail("exemptions", value);
        return value as Exemption[];
    },
};

/**
 * Why a stack's policy config sets this policy's level, above all why it disables it: the
 * stack's design in one sentence. The policy table lists it; the stack files' tests require it
 * for every "disabled" entry.
 */
export const levelReason: Field<string> = {
    schema: { type: "string", description: "Why the stack sets this level (required with \"disabled\" in the stack files); listed in the policy table.", default: "" },
    default: "",
    read(value) {
        if (value === undefined || value === null) return "";
        if (typeof value !== "string") fail("reason", value);
        return value;
    },
};

/** Buckets that serve public content on purpose (shared by the S3 public-access policies). */
export interface PublicBucket {
    readonly bucket: string;
    readonly reason: string;
    /** Object key prefixes anyone may read; [] or absent means the whole bucket. */
    readonly readPrefixes?: readonly string[];
}

function isPublicBucket(v: unknown): v is PublicBucket {
    if (v === null || typeof v !== "object") return false;
    const b = v as Record<string, unknown>;
    const prefixes = b.readPrefixes;
    return typeof b.bucket === "string" && b.bucket !== "" && typeof b.reason === "string" && b.reason.trim() !== ""
        && (prefixes === undefined || (Array.isArray(prefixes) && prefixes.every((p) => typeof p === "string")));
}

export const publicBuckets: Field<readonly PublicBucket[]> = {
    schema: {
        type: "array",
        items: {
            type: "object",
            properties: {
                bucket: { type: "string", minLength: 1, description: "Logical bucket name or glob pattern." },
                reason: { type: "string", minLength: 1, description: "Why the bucket is public." },
                readPrefixes: { type: "array", items: { type: "string" }, description: "Key prefixes anyone may read (default: all)." },
            },
            required: ["bucket", "reason"],
            additionalProperties: false,
        },
        description: "Buckets marked public on purpose: anonymous read (never write) is allowed for them.",
        default: [],
    },
    default: [],
    read(value) {
        if (value === undefined || value === null) return [];
        if (!Array.isArray(value) || !value.every(isPublicBucket)) fail("publicBuckets", value);
        return value as PublicBucket[];
    },
};

/** Reads a policy's config bag (as `args.getConfig()` returns it) with every field defaulted. */
export function readConfig<F extends Fields>(raw: unknown, fields: F): ConfigOf<F> {
    const bag = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) out[key] = field.read(bag[key]);
    return out as ConfigOf<F>;
}

/** The JSON schema `properties` for a set of fields. */
export function schemaOf(fields: Fields): Record<string, PolicyConfigJSONSchema> {
    const props: Record<string, PolicyConfigJSONSchema> = {};
    for (const [key, field] of Object.entries(fields)) props[key] = field.schema;
    return props;
}

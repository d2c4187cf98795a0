/**
 * Reading resource properties the way the policy server hands them over, without ever throwing.
 *
 * The server deserializes the engine's protobuf struct (secrets unwrapped) and wraps it in an
 * "unknown-checking" Proxy that throws UnknownValueError when code touches a value that is not
 * known during preview. Unknown values arrive as sentinel strings (the engine marshals every
 * computed value as one of them, almost always the string sentinel). We unwrap the proxy once
 * and read plain data with the accessors below, which return UNKNOWN instead of throwing and
 * `undefined` for a missing or null value, so every check decides for itself what an unknown means.
 */

/** The sentinels @pulumi/policy uses for unknown values (proxy.js); a test pins them to the library's. */
export const UNKNOWN_SENTINELS: readonly string[] = [
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (what the engine sends for nearly every unknown)
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
];

const sentinels = new Set(UNKNOWN_SENTINELS);

/** Marks a value that is not known during preview. */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

/** A read value: the value, UNKNOWN, or undefined when it is absent (or null). */
export type Read<T> = T | Unknown | undefined;

/** Plain, read-only record of properties. */
export type Rec = { readonly [key: string]: unknown };

/** True for a raw sentinel or for UNKNOWN. */
export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN || (typeof value === "string" && sentinels.has(value));
}

const PROXY_FLAG = "__isSpecialProxy";
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * The plain object behind the server's unknown-checking proxy (or the value itself when it is not
 * proxied, as in unit tests). Nested values of the target are plain: the proxy wraps lazily.
 */
export function unwrap(value: unknown): unknown {
    if (value !== null && typeof value === "object") {
        const v = value as Record<string, unknown>;
        if (v[PROXY_FLAG] === true) return v[PROXY_TARGET];
    }
    return value;
}

/** Resource props as a plain record ({} when the server sent nothing). */
export function plainProps(props: unknown): Rec {
    const v = unwrap(props);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {};
}

function norm(value: unknown): unknown {
    if (value === null || value === undefined) return undefined;
    return isUnknown(value) ? UNKNOWN : value;
}

/**
 * Walks `keys` (object keys or array indexes) from `root`. UNKNOWN as soon as a step is unknown,
 * undefined as soon as a step is missing or not a container.
 */
export function at(root: unknown, ...keys: (string | number)[]): unknown {
    let cur = norm(unwrap(root));
    for (const key of keys) {
        if (cur === UNKNOWN || cur === undefined) return cur;
        if (typeof key === "number") {
            if (!Array.isArray(cur)) return undefined;
            cur = norm(cur[key]);
        } else {
            if (typeof cur !== "object" || Array.isArray(cur)) return undefined;
            cur = norm((cur as Rec)[key]);
        }
    }
    return cur;
}

/** A string, UNKNOWN, or undefined (also for a value of another type). */
export function str(value: unknown): Read<string> {
    const v = norm(value);
    if (v === UNKNOWN) return UNKNOWN;
    return typeof v === "string" ? v : undefined;
}

/** A number (numeric strings accepted: some providers type ports and sizes as strings). */
export function num(value: unknown): Read<number> {
    const v = norm(value);
    if (v === UNKNOWN) return UNKNOWN;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return undefined;
}

/** A boolean ("true"/"false" strings accepted: launch templates type flags as strings). */
export function bool(value: unknown): Read<boolean> {
    const v = norm(value);
    if (v === UNKNOWN) return UNKNOWN;
    if (typeof v === "boolean") return v;
    if (typeof v === "string") {
        const s = v.trim().toLowerCase();
        if (s === "true") return true;
        if (s === "false") return false;
    }
    return undefined;
}

/** An array (elements raw, possibly unknown), UNKNOWN, or undefined. */
export function list(value: unknown): Read<readonly unknown[]> {
    const v = norm(value);
    if (v === UNKNOWN) return UNKNOWN;
    return Array.isArray(v) ? v : undefined;
}

/** Like `list`, but a single non-array value counts as a one-element list (IAM's "string or array"). */
export function oneOrMany(value: unknown): Read<readonly unknown[]> {
    const v = norm(value);
    if (v === UNKNOWN) return UNKNOWN;
    if (v === undefined) return undefined;
    return Array.isArray(v) ? v : [v];
}

/** A plain object, UNKNOWN, or undefined. */
export function rec(value: unknown): Read<Rec> {
    const v = norm(value);
    if (v === UNKNOWN) return UNKNOWN;
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : undefined;
}

/** Array elements that are objects (non-objects dropped); UNKNOWN/undefined pass through. */
export function records(value: unknown): Read<readonly Read<Rec>[]> {
    const items = list(value);
    if (items === UNKNOWN || items === undefined) return items;
    return items.map(rec);
}

/**
 * Strings of a string-or-array field: `known` holds the known strings, `unknown` is true when the
 * field itself or any element is unknown. Absent gives an empty known list.
 */
export interface Strings {
    readonly known: readonly string[];
    readonly unknown: boolean;
}

export function strings(value: unknown): Strings {
    const items = oneOrMany(value);
    if (items === UNKNOWN) return { known: [], unknown: true };
    if (items === undefined) return { known: [], unknown: false };
    const known: string[] = [];
    let unknown = false;
    for (const item of items) {
        const s = str(item);
        if (s === UNKNOWN) unknown = true;
        else if (s !== undefined) known.push(s);
    }
    return { known, unknown };
}

/** A JSON document given either as an object or as a JSON string; UNKNOWN, undefined or "invalid". */
export function jsonDoc(value: unknown): Read<unknown> | "invalid" {
    const v = norm(value);
    if (v === UNKNOWN || v === undefined) return v;
    if (typeof v !== "string") return v;
    if (v.trim() === "") return undefined;
    try {
        const parsed: unknown = JSON.parse(v);
        return norm(parsed);
    } catch {
        return "invalid";
    }
}

/** Renders a property path for messages, e.g. `metadataOptions.httpTokens`. */
export function pathText(...keys: (string | number)[]): string {
    return keys.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

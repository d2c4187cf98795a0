// The Pulumi wire format for property values (what travels in google.protobuf.Struct between the
// SDK, the engine and analyzers), and the conversions the offline check needs.
import { UNKNOWN, UNKNOWN_MARKER } from "../../mocks/unknown";
import type { Json } from "./types";

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** How the report prints a secret. */
export const SECRET_MARKER = "[secret]";

function sigOf(value: unknown): string | undefined {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const sig = (value as Record<string, unknown>)[SIG_KEY];
        return typeof sig === "string" ? sig : undefined;
    }
    return undefined;
}

/** A JSON-safe copy: undefined fields dropped (google.protobuf.Struct rejects them). */
export function toWire(value: unknown): Json {
    if (value === undefined || value === null) return null;
    if (typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toWire(v)));
    if (typeof value === "object") {
        const out: Record<string, Json> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            if (v !== undefined) out[k] = toWire(v);
        }
        return out;
    }
    return String(value);
}

/** Secrets unwrapped to their values (invoke arguments for the mocked answers). */
export function unwrapSecrets(value: Json): Json {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (value !== null && typeof value === "object") {
        if (sigOf(value) === SECRET_SIG) return unwrapSecrets(value.value ?? null);
        const out: Record<string, Json> = {};
        for (const [k, v] of Object.entries(value)) out[k] = unwrapSecrets(v);
        return out;
    }
    return value;
}

/**
 * Properties as the engine marshals them for an analyzer (MarshalOptions KeepUnknowns,
 * KeepSecrets, SkipInternalKeys, no KeepResources): unknowns and secrets travel as they are,
 * keys starting with "__" are dropped, a resource reference becomes its id (unknown while the id
 * is unknown) or, for a component, its URN.
 */
export function forAnalyzer(value: Json): Json {
    return needsRewrite(value) ? rewriteForAnalyzer(value) : value;
}

/** True when a value holds an internal key or a special object (most inputs hold neither). */
function needsRewrite(value: Json): boolean {
    if (Array.isArray(value)) return value.some(needsRewrite);
    if (value !== null && typeof value === "object") {
        for (const k in value) {
            if (k.startsWith("__") || k === SIG_KEY || needsRewrite(value[k])) return true;
        }
    }
    return false;
}

function rewriteForAnalyzer(value: Json): Json {
    if (Array.isArray(value)) return value.map(rewriteForAnalyzer);
    if (value !== null && typeof value === "object") {
        const sig = sigOf(value);
        if (sig === RESOURCE_SIG) {
            const id = value.id;
            if (typeof id === "string") return id === "" ? UNKNOWN : id;
            return typeof value.urn === "string" ? value.urn : UNKNOWN;
        }
        if (sig === SECRET_SIG) {
            return { [SIG_KEY]: SECRET_SIG, value: rewriteForAnalyzer(value.value ?? null) };
        }
        if (sig === OUTPUT_SIG) {
            // Output values (not produced under mocks, handled for completeness).
            if (value.value === undefined) return UNKNOWN;
            const inner = rewriteForAnalyzer(value.value);
            return value.secret === true ? { [SIG_KEY]: SECRET_SIG, value: inner } : inner;
        }
        const out: Record<string, Json> = {};
        for (const [k, v] of Object.entries(value)) {
            if (!k.startsWith("__")) out[k] = rewriteForAnalyzer(v);
        }
        return out;
    }
    return value;
}

/** Properties for people (report, JSON): unknowns as "<unknown>", secrets as "[secret]". */
export function forDisplay(value: Json): Json {
    if (value === UNKNOWN) return UNKNOWN_MARKER;
    if (Array.isArray(value)) return value.map(forDisplay);
    if (value !== null && typeof value === "object") {
        const sig = sigOf(value);
        if (sig === SECRET_SIG) return SECRET_MARKER;
        if (sig === RESOURCE_SIG) return typeof value.urn === "string" ? value.urn : UNKNOWN_MARKER;
        if (sig === ASSET_SIG || sig === ARCHIVE_SIG) {
            const where = value.path ?? value.uri ?? (value.text !== undefined ? "<text>" : "<assets>");
            // With the hash the engine computed on registration (assets.ts), as a preview shows it.
            const hash = typeof value.hash === "string" && value.hash !== "" ? ` (sha256:${value.hash})` : "";
            return `${sig === ASSET_SIG ? "asset" : "archive"}:${String(where)}${hash}`;
        }
        if (sig === OUTPUT_SIG) return value.value === undefined ? UNKNOWN_MARKER : forDisplay(value.value);
        const out: Record<string, Json> = {};
        for (const [k, v] of Object.entries(value)) {
            if (!k.startsWith("__")) out[k] = forDisplay(v);
        }
        return out;
    }
    return value;
}

/** True when the value holds an unknown anywhere. */
export function containsUnknown(value: Json): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

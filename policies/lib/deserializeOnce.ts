/**
 * @pulumi/policy's server deserializes a resource's properties anew for every policy whose
 * validator is not bound to a single resource type (its fast path skips only single-type
 * policies): with the pack's multi-type policies that is most of the per-resource cost of a
 * preview. The properties of one request are one protobuf Struct object, so deserializing each
 * Struct once and handing every policy the same result is equivalent as long as no policy
 * mutates its props — this pack only reads them (through `at`/`plainProps`).
 *
 * The server reads `deserializeProperties` from the module's exports at call time, so replacing
 * the export is enough. If a future @pulumi/policy moves or renames it, this does nothing and
 * the pack runs as before.
 */
type Deserialize = (struct: unknown, proxySecrets?: boolean) => unknown;

interface DeserializeModule {
    deserializeProperties?: Deserialize;
    __deserializeOnce?: true;
}

/** Replaces the server's deserializer with one that remembers its result per Struct; true when installed. */
export function deserializePropertiesOncePerRequest(module: DeserializeModule): boolean {
    const original = module.deserializeProperties;
    if (typeof original !== "function" || module.__deserializeOnce === true) return false;
    // One cache per proxySecrets flag; WeakMaps let a finished request's Struct be collected.
    const caches = { plain: new WeakMap<object, unknown>(), proxied: new WeakMap<object, unknown>() };
    module.deserializeProperties = (struct: unknown, proxySecrets?: boolean): unknown => {
        if (struct === null || typeof struct !== "object") return original(struct, proxySecrets);
        const cache = proxySecrets === true ? caches.proxied : caches.plain;
        if (cache.has(struct)) return cache.get(struct);
        const value = original(struct, proxySecrets);
        cache.set(struct, value);
        return value;
    };
    module.__deserializeOnce = true;
    return true;
}

// Default providers, as the engine creates them: a custom resource registered without an explicit
// provider is managed by `pulumi:providers:<package>::default_<version>`, whose inputs are the
// stack config of the package's namespace (aws:region, ...) plus the version. Policies see this
// provider resource (args.provider), so the offline check makes it too.
import type { Json, RecordedResource } from "./types";
import { SECRET_SIG, SIG_KEY } from "./wire";

const PROVIDER_PREFIX = "pulumi:providers:";

export function isProviderType(type: string): boolean {
    return type.startsWith(PROVIDER_PREFIX);
}

export function addDefaultProviders(
    resources: RecordedResource[],
    config: Record<string, string>,
    secretKeys: string[],
    stack: string,
    project: string,
): RecordedResource[] {
    const created = new Map<string, RecordedResource>();
    for (const r of resources) {
        if (!r.custom || r.providerRef || isProviderType(r.type) || r.synthetic) continue;
        const pkg = r.type.split(":")[0];
        const version = r.version ?? "";
        const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
        const urn = `urn:pulumi:${stack}::${project}::${PROVIDER_PREFIX}${pkg}::${name}`;
        let provider = created.get(urn);
        if (!provider) {
            const inputs: Record<string, Json> = {};
            for (const [key, value] of Object.entries(config)) {
                if (!key.startsWith(`${pkg}:`)) continue;
                const prop = key.slice(pkg.length + 1);
                inputs[prop] = secretKeys.includes(key) ? { [SIG_KEY]: SECRET_SIG, value } : value;
            }
            if (version) inputs.version = version;
            provider = {
                urn,
                type: `${PROVIDER_PREFIX}${pkg}`,
                name,
                custom: true,
                remote: false,
                synthetic: true,
                inputs,
                checkedInputs: inputs,
                outputs: inputs,
                dependencies: [],
                propertyDependencies: {},
                options: {
                    protect: false,
                    ignoreChanges: [],
                    retainOnDelete: false,
                    additionalSecretOutputs: [],
                    aliases: [],
                    replaceOnChanges: [],
                    hideDiffs: [],
                    customTimeouts: { create: "", update: "", delete: "" },
                },
            };
            created.set(urn, provider);
        }
        r.provider = urn;
    }
    if (created.size === 0) return resources;
    // The engine registers default providers before the first resource that needs them.
    const stackIndex = resources.findIndex((r) => r.type === "pulumi:pulumi:Stack");
    const at = stackIndex + 1;
    return [...resources.slice(0, at), ...created.values(), ...resources.slice(at)];
}

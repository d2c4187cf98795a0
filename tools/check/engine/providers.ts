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

export class DefaultProviders {
    private readonly created = new Map<string, RecordedResource>();

    constructor(
        private readonly config: Record<string, string>,
        private readonly secretKeys: string[],
        private readonly stack: string,
        private readonly project: string,
    ) {}

    /**
     * Points `r` at its provider; returns the default provider when `r` is its first user (the
     * engine registers it then), else undefined.
     */
    assign(r: RecordedResource): RecordedResource | undefined {
        if (!r.custom || r.providerRef || isProviderType(r.type) || r.synthetic) return undefined;
        const pkg = r.type.split(":")[0];
        const version = r.version ?? "";
        const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
        const urn = `urn:pulumi:${this.stack}::${this.project}::${PROVIDER_PREFIX}${pkg}::${name}`;
        r.provider = urn;
        if (this.created.has(urn)) return undefined;
        const provider = this.make(urn, pkg, name, version);
        this.created.set(urn, provider);
        return provider;
    }

    /** The default providers made so far, in order of first use. */
    all(): RecordedResource[] {
        return [...this.created.values()];
    }

    private make(urn: string, pkg: string, name: string, version: string): RecordedResource {
        const inputs: Record<string, Json> = {};
        for (const [key, value] of Object.entries(this.config)) {
            if (!key.startsWith(`${pkg}:`)) continue;
            inputs[key.slice(pkg.length + 1)] = this.secretKeys.includes(key) ? { [SIG_KEY]: SECRET_SIG, value } : value;
        }
        if (version) inputs.version = version;
        return {
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
    }
}

/** The engine's order: the stack, then the default providers, then the program's resources. */
export function withProviders(resources: RecordedResource[], providers: RecordedResource[]): RecordedResource[] {
    if (providers.length === 0) return resources;
    const at = resources.findIndex((r) => r.type === "pulumi:pulumi:Stack") + 1;
    return [...resources.slice(0, at), ...providers, ...resources.slice(at)];
}

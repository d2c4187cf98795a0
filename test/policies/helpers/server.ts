/**
 * Runs policies with arguments built exactly as @pulumi/policy's server.js builds them: props are
 * pushed through a protobuf Struct and the library's own deserializeProperties (secrets unwrapped,
 * undefined dropped) and wrapped in its unknownCheckingProxy; options, provider, parent,
 * dependencies and propertyDependencies are shaped and linked the same way; config is reconciled
 * and validated by the CLI's reconciliation (policies/lib/policyconfig.ts, through the pack's
 * reconcile). The report callback and the handling of UnknownValueError / notApplicable mirror
 * server.js, so what passes here passes in a preview.
 */
import {
    type EnforcementLevel, type PolicyResource, type PolicyResourceOptions, type ResourceValidationArgs,
    type ResourceValidationPolicy, type StackValidationArgs, type StackValidationPolicy, unknownCheckingProxy,
    UnknownValueError,
} from "@pulumi/policy";
import * as deserializeModule from "@pulumi/policy/deserialize";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { PackPolicy } from "../../../policies/lib/policy";
import { describeSchemaError, policyMeta, reconcile, type EffectiveConfig, type PolicyConfigFile } from "../../../policies/lib/packconfig";
import { validatePolicyProperties } from "../../../policies/lib/policyconfig";

/** What the engine sends for an unknown value (marshalled computed values are string sentinels). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A secret value as it travels over gRPC; the server unwraps it before policies see it. */
export function secret(value: unknown): Record<string, unknown> {
    return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

type Deserialize = { deserializeProperties(s: Struct, proxySecrets: boolean): Record<string, unknown> };
const { deserializeProperties } = deserializeModule as unknown as Deserialize;

export interface ResourceSpec {
    readonly type: string;
    readonly name: string;
    readonly props?: Record<string, unknown>;
    readonly protect?: boolean;
    /** Logical name of the parent resource (must be in the same graph). */
    readonly parent?: string;
    /** Logical names of resources this one depends on (besides its property dependencies). */
    readonly dependsOn?: readonly string[];
    /** Input name → logical names of the resources that input's value came from. */
    readonly propertyDependencies?: Record<string, readonly string[]>;
    readonly provider?: { readonly type: string; readonly name: string; readonly props: Record<string, unknown> };
}

export interface Diagnostic {
    readonly policyName: string;
    /** The message as the engine shows it (for a string report: the description, a newline, the text). */
    readonly message: string;
    /** The text the policy reported, without the description the server prepends. */
    readonly detail: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly urn?: string;
}

export function urnOf(spec: Pick<ResourceSpec, "type" | "name">): string {
    return `urn:pulumi:test::stagecraft::${spec.type}::${spec.name}`;
}

/** Drops undefined the way the SDK does before serializing (Struct.fromJavaScript rejects it). */
function clean(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : clean(v)));
    if (value !== null && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = clean(v);
        return out;
    }
    return value;
}

/** Props as the server hands them to a policy. */
export function serverProps(props: Record<string, unknown> = {}): Record<string, unknown> {
    const struct = Struct.fromJavaScript(clean(props) as Record<string, never>);
    return unknownCheckingProxy(deserializeProperties(struct, false)) as Record<string, unknown>;
}

function optionsOf(spec: ResourceSpec, parentUrn: string | undefined): PolicyResourceOptions {
    return {
        protect: spec.protect ?? false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(parentUrn === undefined ? {} : { parent: parentUrn }),
    };
}

/** What the CLI's schema check refuses in a policy's effective properties ("name/path message"). */
export function validateConfig(policy: PackPolicy, properties: Record<string, unknown>): string[] {
    return validatePolicyProperties(policyMeta(policy), properties).map(describeSchemaError);
}

export interface RunOptions {
    /** This policy's config properties (merged over its schema defaults). */
    readonly config?: Record<string, unknown>;
    /** This policy's enforcement level. */
    readonly level?: EnforcementLevel;
    /** A whole policy config file (dev.json / prod.json shape); `config`/`level` are applied on top. */
    readonly file?: PolicyConfigFile;
}

function effective(policy: PackPolicy, options: RunOptions): EffectiveConfig {
    const fromFile = options.file?.[policy.info.name];
    const entry = {
        ...(typeof fromFile === "string" ? { enforcementLevel: fromFile } : fromFile ?? {}),
        ...(options.level === undefined ? {} : { enforcementLevel: options.level }),
        ...(options.config ?? {}),
    };
    const config = reconcile([policy], {
        ...(options.file?.all === undefined ? {} : { all: options.file.all }),
        ...(Object.keys(entry).length > 0 ? { [policy.info.name]: entry } : {}),
    });
    return config.get(policy.info.name) as EffectiveConfig;
}

class NotApplicableError extends Error {}

/** Our policies are synchronous; a promise here would mean a check the helper cannot await. */
function expectSync(result: unknown): void {
    if (result instanceof Promise) throw new Error("policy validation returned a promise; stagecraft policies are synchronous");
}

function reporter(policy: PackPolicy, level: EnforcementLevel, out: Diagnostic[]) {
    // server.js makeReportViolationFun: a string gets the description prepended; an object
    // carries its own message, urn and enforcement level.
    return (message: unknown, urn?: string): void => {
        if (message !== null && typeof message === "object") {
            const info = message as { message?: string; urn?: string; enforcementLevel?: EnforcementLevel };
            out.push({
                policyName: policy.info.name,
                message: info.message ?? policy.info.description,
                detail: info.message ?? "",
                enforcementLevel: info.enforcementLevel ?? level,
                ...(info.urn === undefined ? {} : { urn: info.urn }),
            });
            return;
        }
        const text = typeof message === "string" && message !== "" ? `${policy.info.description}\n${message}` : policy.info.description;
        out.push({
            policyName: policy.info.name, message: text, detail: typeof message === "string" ? message : "",
            enforcementLevel: level, ...(urn === undefined ? {} : { urn }),
        });
    };
}

function handle(policy: PackPolicy, e: unknown, out: Diagnostic[]): void {
    if (e instanceof UnknownValueError) {
        const text = (e as Error).message;
        out.push({
            policyName: policy.info.name,
            message: `can't run policy '${policy.info.name}' during preview: ${text}`,
            detail: text,
            enforcementLevel: "advisory",
        });
    } else if (!(e instanceof NotApplicableError)) {
        throw e;
    }
}

function levelOf(config: EffectiveConfig): EnforcementLevel | undefined {
    if (config.enforcementLevel === "disabled") return undefined;
    return config.enforcementLevel === "remediate" ? "mandatory" : config.enforcementLevel;
}

/** Runs a resource policy on one resource, as the server's Analyze does. */
export function runResource(policy: PackPolicy, spec: ResourceSpec, options: RunOptions = {}): Diagnostic[] {
    return runResourceWith(policy, spec, effective(policy, options));
}

function runResourceWith(policy: PackPolicy, spec: ResourceSpec, config: EffectiveConfig): Diagnostic[] {
    const p = policy.policy as ResourceValidationPolicy;
    if (p.validateResource === undefined) throw new Error(`${policy.info.name} is not a resource policy`);
    const level = levelOf(config);
    if (level === undefined) return [];
    const out: Diagnostic[] = [];
    const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
    for (const validation of validations) {
        const pulumiType = (validation as { __pulumiType?: string }).__pulumiType;
        if (pulumiType !== undefined && pulumiType !== spec.type) continue;
        const props = serverProps(spec.props);
        const args: ResourceValidationArgs = {
            type: spec.type,
            props,
            urn: urnOf(spec),
            name: spec.name,
            opts: optionsOf(spec, spec.parent === undefined ? undefined : urnOf({ type: "stagecraft:test:Component", name: spec.parent })),
            stackTags: new Map(),
            isType: () => false,
            asType: () => undefined,
            getConfig: <T extends object>() => ({ ...config.properties }) as T,
            notApplicable: (reason?: string): never => {
                throw new NotApplicableError(reason);
            },
            ...(spec.provider === undefined ? {} : {
                provider: { ...spec.provider, props: serverProps(spec.provider.props), urn: urnOf(spec.provider) },
            }),
        };
        try {
            expectSync(validation(args, reporter(policy, level, out)));
        } catch (e) {
            handle(policy, e, out);
        }
    }
    return out;
}

/** Runs a stack policy over a graph of resources, as the server's AnalyzeStack does. */
export function runStack(policy: PackPolicy, specs: readonly ResourceSpec[], options: RunOptions = {}): Diagnostic[] {
    const p = policy.policy as StackValidationPolicy;
    if (p.validateStack === undefined) throw new Error(`${policy.info.name} is not a stack policy`);
    const config = effective(policy, options);
    const level = levelOf(config);
    if (level === undefined) return [];
    const out: Diagnostic[] = [];
    try {
        expectSync(p.validateStack(stackArgs(specs, config), reporter(policy, level, out)));
    } catch (e) {
        handle(policy, e, out);
    }
    return out;
}

type MutableResource = PolicyResource & { parent?: PolicyResource };

/** StackValidationArgs for a graph, linked as server.js links them (exported for graph tests). */
export function stackArgs(specs: readonly ResourceSpec[], config: Pick<EffectiveConfig, "properties"> = { properties: {} }): StackValidationArgs {
    const byName = new Map(specs.map((s) => [s.name, s]));
    if (byName.size !== specs.length) throw new Error("resource names in a test graph must be unique");
    const resolve = (name: string): string => {
        const s = byName.get(name);
        if (s === undefined) throw new Error(`test graph refers to unknown resource "${name}"`);
        return urnOf(s);
    };
    const resources = new Map<string, MutableResource>();
    const links: { r: MutableResource; parent?: string; deps: string[]; propDeps: Record<string, string[]> }[] = [];
    for (const spec of specs) {
        const props = serverProps(spec.props);
        const r: MutableResource = {
            type: spec.type,
            props,
            urn: urnOf(spec),
            name: spec.name,
            opts: optionsOf(spec, spec.parent === undefined ? undefined : resolve(spec.parent)),
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
            ...(spec.provider === undefined ? {} : {
                provider: { ...spec.provider, props: serverProps(spec.provider.props), urn: urnOf(spec.provider) },
            }),
        };
        const propDeps: Record<string, string[]> = {};
        for (const [k, names] of Object.entries(spec.propertyDependencies ?? {})) propDeps[k] = names.map(resolve);
        // The engine's dependency list includes every property dependency.
        const deps = [...new Set([...(spec.dependsOn ?? []).map(resolve), ...Object.values(propDeps).flat()])];
        resources.set(r.urn, r);
        links.push({ r, ...(spec.parent === undefined ? {} : { parent: resolve(spec.parent) }), deps, propDeps });
    }
    for (const { r, parent, deps, propDeps } of links) {
        if (parent !== undefined) {
            const pr = resources.get(parent);
            if (pr !== undefined) r.parent = pr;
        }
        r.dependencies = deps.map((d) => resources.get(d)).filter((d): d is MutableResource => d !== undefined);
        for (const [k, urns] of Object.entries(propDeps)) {
            r.propertyDependencies[k] = urns.map((u) => resources.get(u)).filter((d): d is MutableResource => d !== undefined);
        }
    }
    return {
        resources: [...resources.values()],
        stackTags: new Map(),
        getConfig: <T extends object>() => ({ ...config.properties }) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicableError(reason);
        },
    };
}

/** Runs every policy of a pack over a graph (resource policies per resource), under a config file. */
export function runPack(policies: readonly PackPolicy[], specs: readonly ResourceSpec[], file: PolicyConfigFile): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const policy of policies) {
        if (policy.kind === "stack") {
            out.push(...runStack(policy, specs, { file }));
            continue;
        }
        const config = effective(policy, { file });
        for (const spec of specs) out.push(...runResourceWith(policy, spec, config).map((d) => ({ ...d, urn: d.urn ?? urnOf(spec) })));
    }
    return out;
}

/** The policies' own texts, for exact assertions. */
export function details(diags: readonly Diagnostic[]): string[] {
    return diags.map((d) => d.detail);
}

/** Mandatory violations only. */
export function mandatory(diags: readonly Diagnostic[]): Diagnostic[] {
    return diags.filter((d) => d.enforcementLevel === "mandatory");
}

/** Advisory diagnostics only (notes on unknown values and advisory-level violations). */
export function advisory(diags: readonly Diagnostic[]): Diagnostic[] {
    return diags.filter((d) => d.enforcementLevel === "advisory");
}

// The recording mock engine: a resource monitor that stands in for the Pulumi engine. It extends
// the SDK's own MockMonitor (taken from the program's copy of @pulumi/pulumi) and, for every
// registration, records everything the engine would see: type, name, URN, parent, inputs,
// dependencies, property dependencies, provider and options. In preview mode it answers like a
// preview: the planned state is the inputs (plus provider auto-names and awsx component outputs),
// ids are empty (unknown), and every other output is absent, which the SDK resolves as unknown. In
// apply mode a custom resource also gets the id and computed outputs the provider would report
// after creating it (deterministic, tools/mocks/computed.ts); outputs it does not model stay absent,
// so they remain unknown instead of becoming undefined.
import { autoNamed, createdState, SECRET_OUTPUTS } from "../../mocks/computed";
import { answerInvoke, answerInvokeWithSource, UnmockedInvokeError, type GenerateOptions } from "../../mocks/invokes";
import { AssetError, hashAssets, hasAssets } from "./assets";
import { matchFixture, type InvokeFixture } from "./invoke-fixtures";
import { isRemoteComponentType, remoteComponentOutputs } from "../../mocks/remote-components";
import type { CheckMode, Json, RecordedOptions, RecordedResource } from "./types";
import { forDisplay, SECRET_SIG, SIG_KEY, toWire, unwrapSecrets } from "./wire";

/* The proto messages, as much of them as we read (generated google-protobuf classes). */
interface Struct {
    toJavaScript(): Record<string, unknown>;
    getFieldsMap(): { set(key: string, value: unknown): void };
}
interface StructCtor {
    new (): Struct;
    fromJavaScript(value: Record<string, unknown>): Struct;
}
interface ValueCtor {
    fromJavaScript(value: unknown): unknown;
}
interface RegisterResourceRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote?(): boolean;
    getObject(): Struct | undefined;
    hasProtect?(): boolean;
    getProtect(): boolean;
    getDependenciesList(): string[];
    getProvider(): string;
    getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
    getDeletebeforereplace(): boolean;
    getDeletebeforereplacedefined?(): boolean;
    getVersion(): string;
    getIgnorechangesList(): string[];
    getAdditionalsecretoutputsList(): string[];
    getAliasurnsList(): string[];
    getAliasesList?(): AliasMessage[];
    getImportid(): string;
    getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
    getReplaceonchangesList(): string[];
    hasRetainondelete?(): boolean;
    getRetainondelete(): boolean;
    getDeletedwith(): string;
    getHidediffsList?(): string[];
}
/** pulumirpc.Alias: a full URN, or a spec the engine completes from the resource. */
interface AliasMessage {
    getUrn?(): string;
    getSpec?(): AliasSpec | undefined;
    hasSpec?(): boolean;
}
interface AliasSpec {
    getName(): string;
    getType(): string;
    getStack(): string;
    getProject(): string;
    getParenturn(): string;
    getNoparent(): boolean;
}

interface ReadResourceRequest {
    getId(): string;
    getType(): string;
    getName(): string;
    getParent(): string;
    getProperties(): Struct | undefined;
    getDependenciesList(): string[];
    getProvider(): string;
    getVersion(): string;
}
interface RegisterResourceOutputsRequest {
    getUrn(): string;
    getOutputs(): Struct | undefined;
}
interface InvokeRequest {
    getTok(): string;
    getArgs(): Struct | undefined;
}
type Callback = (err: Error | null, resp?: unknown) => void;

/** The program's copy of @pulumi/pulumi's modules the monitor needs. */
export interface SdkModules {
    MockMonitor: new (mocks: unknown) => object;
    Struct: StructCtor;
    Value: ValueCtor;
    RegisterResourceResponse: new () => { setUrn(v: string): void; setId(v: string): void; setObject(v: Struct): void };
    ReadResourceResponse: new () => { setUrn(v: string): void; setProperties(v: Struct): void };
    InvokeResponse: new () => { setReturn(v: Struct): void };
}

export interface RecorderContext {
    project: string;
    stack: string;
    preview: boolean;
    /** "apply": custom resources get ids and computed outputs, remote components known outputs (default "preview"). */
    mode?: CheckMode;
    region: string;
    accountId: string;
    /** Answers the user gave (--invoke-fixtures), first. */
    invokeFixtures?: readonly InvokeFixture[];
    /** Generate answers from the SDK's declarations for functions without a hand-written one. */
    generate?: GenerateOptions;
    /** Where relative asset and archive paths are read from (the program's working directory). */
    workDir?: string;
}

/** How an invoke was answered: by the user's fixtures, by hand, or generated from the SDK's declarations. */
export type InvokeSource = "fixture" | "hand-written" | "generated" | "generated, hand-tuned";

/** Receives each registration as soon as it is recorded, and later outputs of components. */
export interface RecordListener {
    resource(r: RecordedResource): void;
    outputs(urn: string, outputs: Record<string, Json>): void;
    /**
     * An error the engine itself raises (a duplicate URN, an invoke without an offline answer,
     * outputs for an unknown resource): it fails the update whether or not the program awaits
     * the operation, so the run fails too. The SDK gets the error as well, as from an engine.
     */
    error(err: EngineError): void;
}

/** An error of the (mock) engine, not of the program: the message names the resource or token. */
export class EngineError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "EngineError";
    }
}

const MAX_ARGS_TEXT = 500;

/** Invoke arguments for a message: JSON, secrets as "[secret]", cut at 500 characters. */
export function describeArgs(args: Record<string, Json>): string {
    const text = JSON.stringify(forDisplay(args));
    return text.length > MAX_ARGS_TEXT ? `${text.slice(0, MAX_ARGS_TEXT - 3)}...` : text;
}

/** The engine's own errors as they are; anything else (a bug in the recorder) says what it was doing. */
function asEngineError(err: unknown, doing: string): EngineError {
    if (err instanceof EngineError) return err;
    return new EngineError(`${doing}: ${err instanceof Error ? err.message : String(err)}`);
}

/** "invoke TOKEN(ARGS) has no offline answer: ..." or "invoke TOKEN(ARGS) failed offline: ...". */
export function invokeError(token: string, args: Record<string, Json>, err: unknown): EngineError {
    const call = `invoke ${token}(${describeArgs(args)})`;
    if (err instanceof UnmockedInvokeError) {
        const at = err.message.indexOf(" has no offline answer");
        return new EngineError(at >= 0 ? `${call}${err.message.slice(at)}` : `${call}: ${err.message}`);
    }
    return new EngineError(`${call} failed offline: ${err instanceof Error ? err.message : String(err)}`);
}

export interface Recorder {
    readonly monitor: object;
    /** How many resources were registered or read. */
    count(): number;
    readonly invokes: Record<string, number>;
    /** How each token was answered (every source it took, in order of first use). */
    readonly invokeSources: Record<string, InvokeSource[]>;
    /** Labels of the --invoke-fixtures entries that answered a call. */
    readonly usedFixtures: string[];
    readonly warnings: string[];
    stackOutputs(): Record<string, Json>;
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * What the provider reports after creating a custom resource (apply mode): its id and computed
 * outputs in the wire format, the outputs the provider marks secret wrapped as secrets.
 */
function created(type: string, name: string, urn: string, inputs: Record<string, Json>, ctx: { region: string; accountId: string }): { id: string; computed: Record<string, Json> } {
    const { id, outputs } = createdState(type, name, urn, inputs, ctx);
    const secret = SECRET_OUTPUTS[type] ?? [];
    const computed: Record<string, Json> = {};
    for (const [k, v] of Object.entries(toWire(outputs) as Record<string, Json>)) {
        computed[k] = secret.includes(k) ? { [SIG_KEY]: SECRET_SIG, value: v } : v;
    }
    return { id, computed };
}

/** URNs as the engine makes them: the parent's qualified type chain, except for the root stack. */
export function makeUrn(stack: string, project: string, parentUrn: string, type: string, name: string): string {
    let qualified = type;
    if (parentUrn) {
        const parentType = parentUrn.split("::")[2];
        if (parentType && parentType !== ROOT_STACK_TYPE) {
            qualified = `${parentType}$${type}`;
        }
    }
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function providerUrn(ref: string): string | undefined {
    if (!ref) return undefined;
    const at = ref.lastIndexOf("::");
    return at > 0 ? ref.slice(0, at) : ref;
}

/** The last part of a URN: the resource's name. */
function urnName(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The type of a URN without its parents' chain. */
function urnType(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    return qualified.slice(qualified.lastIndexOf("$") + 1);
}

/**
 * Aliases as full URNs, the way the engine completes them: a spec's missing name, type, stack and
 * project are the resource's, its parent the resource's unless it names another or none; then
 * every alias of the parent gives the child one more (its name re-prefixed when it starts with the
 * parent's name), alone and combined with each of the child's own aliases.
 */
function resolveAliases(
    req: RegisterResourceRequest,
    ctx: { stack: string; project: string },
    parentAliases: (parent: string) => readonly string[],
): string[] {
    const type = req.getType();
    const name = req.getName();
    const parent = req.getParent();
    const own: string[] = [...req.getAliasurnsList()];
    for (const alias of req.getAliasesList?.() ?? []) {
        const urn = alias.getUrn?.() ?? "";
        const spec = alias.getSpec?.();
        if (urn !== "") {
            own.push(urn);
        } else if (spec) {
            const aliasParent = spec.getNoparent() ? "" : spec.getParenturn() || parent;
            own.push(makeUrn(spec.getStack() || ctx.stack, spec.getProject() || ctx.project, aliasParent, spec.getType() || type, spec.getName() || name));
        }
    }
    const all = new Set(own);
    if (parent) {
        const parentName = urnName(parent);
        const inherited = (childType: string, childName: string, parentAlias: string) => {
            const aliasName = childName.startsWith(parentName) ? urnName(parentAlias) + childName.slice(parentName.length) : childName;
            return makeUrn(ctx.stack, ctx.project, parentAlias, childType, aliasName);
        };
        for (const parentAlias of parentAliases(parent)) {
            all.add(inherited(type, name, parentAlias));
            for (const a of own) all.add(inherited(urnType(a), urnName(a), parentAlias));
        }
    }
    return [...all];
}

function optionsOf(req: RegisterResourceRequest, aliases: string[]): RecordedOptions {
    const timeouts = req.getCustomtimeouts();
    return {
        protect: req.hasProtect ? req.hasProtect() && req.getProtect() : req.getProtect(),
        ignoreChanges: req.getIgnorechangesList(),
        retainOnDelete: req.hasRetainondelete ? req.hasRetainondelete() && req.getRetainondelete() : req.getRetainondelete(),
        deleteBeforeReplace: req.getDeletebeforereplacedefined?.() ? req.getDeletebeforereplace() : undefined,
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        aliases,
        replaceOnChanges: req.getReplaceonchangesList(),
        hideDiffs: req.getHidediffsList?.() ?? [],
        customTimeouts: {
            create: timeouts?.getCreate() ?? "",
            update: timeouts?.getUpdate() ?? "",
            delete: timeouts?.getDelete() ?? "",
        },
        deletedWith: req.getDeletedwith() || undefined,
        importId: req.getImportid() || undefined,
    };
}

function emptyOptions(): RecordedOptions {
    return {
        protect: false,
        ignoreChanges: [],
        retainOnDelete: false,
        additionalSecretOutputs: [],
        aliases: [],
        replaceOnChanges: [],
        hideDiffs: [],
        customTimeouts: { create: "", update: "", delete: "" },
    };
}

export function createRecorder(sdk: SdkModules, ctx: RecorderContext, listener: RecordListener): Recorder {
    // Only what later calls need stays here: URNs (duplicates), component URNs (their outputs
    // arrive later) and the stack's outputs. Records go to the listener and are not kept.
    const urns = new Set<string>();
    let stackUrn: string | undefined;
    let stackOutputs: Record<string, Json> = {};
    const invokes: Record<string, number> = {};
    const invokeSources: Record<string, InvokeSource[]> = {};
    const usedFixtures: string[] = [];
    const warnings: string[] = [];
    const invokeCtx = { region: ctx.region, accountId: ctx.accountId };
    /** Full alias URNs of resources that have any (their children inherit them). */
    const aliasesByUrn = new Map<string, string[]>();
    const aliasesOf = (req: RegisterResourceRequest): string[] => {
        const aliases = resolveAliases(req, ctx, (parent) => aliasesByUrn.get(parent) ?? []);
        if (aliases.length > 0) aliasesByUrn.set(makeUrn(ctx.stack, ctx.project, req.getParent(), req.getType(), req.getName()), aliases);
        return aliases;
    };
    const answerCtx = { ...invokeCtx, generate: ctx.generate };
    /** The user's fixture laid over the check's own answer; the fixture alone when the check has none. */
    const answer = (token: string, args: Record<string, unknown>): Record<string, unknown> => {
        const fixture = matchFixture(ctx.invokeFixtures ?? [], token, args);
        let own: { answer: Record<string, unknown>; source: InvokeSource } | undefined;
        try {
            own = answerInvokeWithSource(token, args, answerCtx);
        } catch (err) {
            if (!fixture || !(err instanceof UnmockedInvokeError)) throw err;
        }
        const source: InvokeSource = fixture ? "fixture" : own!.source;
        const sources = (invokeSources[token] ??= []);
        if (!sources.includes(source)) sources.push(source);
        if (!fixture) return own!.answer;
        if (!usedFixtures.includes(fixture.label)) usedFixtures.push(fixture.label);
        return { ...(own?.answer ?? {}), ...fixture.result };
    };
    /** Assets and archives hashed as the engine hashes them on registration (a missing path fails). */
    const withAssetHashes = (type: string, name: string, inputs: Record<string, Json>): Record<string, Json> => {
        try {
            const hashed = hashAssets(inputs, ctx.workDir ?? process.cwd());
            for (const uri of hashed.remote) warnings.push(`${type} ${name}: the remote asset ${uri} is not downloaded offline, so its hash is unknown (a real preview downloads it to hash it)`);
            return hashed.value as Record<string, Json>;
        } catch (err) {
            if (err instanceof AssetError) throw new EngineError(`failed to register new resource ${name} [${type}]: ${err.message}`);
            throw err;
        }
    };
    const fatal = (err: EngineError): EngineError => {
        listener.error(err);
        return err;
    };

    const noMocks = {
        call: (args: { token: string; inputs: Record<string, unknown> }) => answerInvoke(args.token, args.inputs, invokeCtx),
        newResource: (args: { inputs: Record<string, unknown> }) => ({ id: undefined, state: args.inputs }),
    };

    class RecordingMonitor extends (sdk.MockMonitor as new (mocks: unknown) => {
        resources: Map<string, { urn: string; id: string | null; state: unknown }>;
        invoke(req: InvokeRequest, callback: Callback): Promise<void>;
    }) {
        constructor() {
            super(noMocks);
        }

        newUrn(parent: string, type: string, name: string): string {
            return makeUrn(ctx.stack, ctx.project, parent, type, name);
        }

        async registerResource(req: RegisterResourceRequest, callback: Callback): Promise<void> {
            try {
                const type = req.getType();
                const name = req.getName();
                const parent = req.getParent() || undefined;
                const custom = req.getCustom();
                const remote = req.getRemote?.() === true || (!custom && isRemoteComponentType(type));
                // Struct.toJavaScript yields plain JSON (no undefined): no further copy needed.
                const object = req.getObject();
                let inputs = (object?.toJavaScript() ?? {}) as Record<string, Json>;
                if (hasAssets(inputs)) inputs = withAssetHashes(type, name, inputs);
                const names = custom ? (autoNamed(type, name, inputs) as Record<string, Json>) : {};
                const checkedInputs = Object.keys(names).length > 0 ? { ...inputs, ...names } : inputs;
                const urn = this.newUrn(req.getParent(), type, name);
                const apply = ctx.mode === "apply";
                let outputs: Record<string, Json>;
                let state: Struct;
                let id = "";
                let computed: Record<string, Json> | undefined;
                if (remote) {
                    const known = remoteComponentOutputs(type, name, inputs, { preview: !apply, ...invokeCtx });
                    if (!known) {
                        warnings.push(`${type} ${name}: remote component without offline outputs; its outputs are unknown`);
                    }
                    outputs = toWire(known ?? inputs) as Record<string, Json>;
                    state = sdk.Struct.fromJavaScript(outputs);
                } else if (custom) {
                    // The planned state is the inputs plus auto-names (and, in apply mode, what the
                    // provider computes on creation): reuse the request's Struct.
                    let added = names;
                    if (apply) {
                        ({ id, computed } = created(type, name, urn, checkedInputs, invokeCtx));
                        // Outputs echo the inputs, as a provider's do: a computed value never
                        // overrides what the program gave (nor an input still unknown).
                        for (const k of Object.keys(computed)) if (k in checkedInputs) delete computed[k];
                        added = { ...names, ...computed };
                    }
                    outputs = added === names ? checkedInputs : { ...checkedInputs, ...added };
                    state = object ?? new sdk.Struct();
                    for (const [k, v] of Object.entries(added)) state.getFieldsMap().set(k, sdk.Value.fromJavaScript(v));
                } else {
                    outputs = {};
                    state = new sdk.Struct();
                }
                const dependencies = req.getDependenciesList();
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((v, k) => {
                    propertyDependencies[k] = v.getUrnsList();
                });
                const recorded: RecordedResource = {
                    urn,
                    type,
                    name,
                    parent,
                    custom,
                    remote,
                    providerRef: req.getProvider() || undefined,
                    provider: providerUrn(req.getProvider()),
                    version: req.getVersion() || undefined,
                    inputs,
                    checkedInputs,
                    outputs,
                    ...(computed ? { id, computed: { id, ...computed } } : {}),
                    dependencies,
                    propertyDependencies,
                    options: optionsOf(req, aliasesOf(req)),
                };
                if (urns.has(urn)) {
                    throw new EngineError(`Duplicate resource URN '${urn}'; try giving it a unique name`);
                }
                urns.add(urn);
                if (type === ROOT_STACK_TYPE) stackUrn = urn;
                listener.resource(recorded);
                this.resources.set(urn, { urn, id: id || null, state: outputs });

                const resp = new sdk.RegisterResourceResponse();
                resp.setUrn(urn);
                resp.setId(id);
                resp.setObject(state);
                callback(null, resp);
            } catch (err) {
                callback(fatal(asEngineError(err, `registering ${req.getType()} ${req.getName()}`)));
            }
        }

        async readResource(req: ReadResourceRequest, callback: Callback): Promise<void> {
            try {
                const type = req.getType();
                const name = req.getName();
                const urn = this.newUrn(req.getParent(), type, name);
                const inputs = toWire(req.getProperties()?.toJavaScript() ?? {}) as Record<string, Json>;
                const outputs: Record<string, Json> = { ...inputs, id: req.getId() };
                const recorded: RecordedResource = {
                    urn,
                    type,
                    name,
                    parent: req.getParent() || undefined,
                    custom: true,
                    remote: false,
                    read: true,
                    providerRef: req.getProvider() || undefined,
                    provider: providerUrn(req.getProvider()),
                    version: req.getVersion() || undefined,
                    inputs,
                    checkedInputs: inputs,
                    outputs,
                    id: req.getId(),
                    dependencies: req.getDependenciesList(),
                    propertyDependencies: {},
                    options: emptyOptions(),
                };
                if (urns.has(urn)) {
                    throw new EngineError(`Duplicate resource URN '${urn}'; try giving it a unique name`);
                }
                urns.add(urn);
                listener.resource(recorded);
                warnings.push(`${type} ${name}: read from the cloud by id ${req.getId()} in a real preview; offline only the id is known`);
                this.resources.set(urn, { urn, id: req.getId(), state: outputs });
                const resp = new sdk.ReadResourceResponse();
                resp.setUrn(urn);
                resp.setProperties(sdk.Struct.fromJavaScript(outputs as Record<string, unknown>));
                callback(null, resp);
            } catch (err) {
                callback(fatal(asEngineError(err, `reading ${req.getType()} ${req.getName()}`)));
            }
        }

        registerResourceOutputs(req: RegisterResourceOutputsRequest, callback: Callback): void {
            const urn = req.getUrn();
            try {
                if (!urns.has(urn)) {
                    throw new EngineError(`outputs registered for an unknown resource ${urn || "(no URN)"}`);
                }
                const outputs = toWire(req.getOutputs()?.toJavaScript() ?? {}) as Record<string, Json>;
                if (urn === stackUrn) stackOutputs = outputs;
                listener.outputs(urn, outputs);
                const entry = this.resources.get(urn);
                if (entry) entry.state = outputs;
                callback(null, {});
            } catch (err) {
                callback(fatal(asEngineError(err, `registering the outputs of ${urn}`)));
            }
        }

        /**
         * Method calls on resources (pulumirpc.ResourceMonitor/Call, e.g. a component's method run by
         * its provider plugin): no plugin runs offline, so there is no answer; the run fails naming
         * the method, even when the program catches the error.
         */
        call(req: InvokeRequest, callback: Callback): void {
            let args: Record<string, Json> = {};
            try {
                args = toWire(req.getArgs()?.toJavaScript() ?? {}) as Record<string, Json>;
            } catch {
                // The arguments only make the message more precise.
            }
            const err = fatal(new EngineError(`method call ${req.getTok()}(${describeArgs(args)}) has no offline answer: resource methods run in provider plugins, which the offline check does not start`));
            callback(Object.assign(err, { details: err.message }));
        }

        /**
         * Alias specs are taken, as by the engine, and completed into full URNs here, the parents'
         * inherited ones included (resolveAliases); --compare-to reads them to tell a renamed
         * resource from a new one. (Without specs the SDK computes them itself, on a path that
         * fails for aliases of resources read with .get(), which a real engine never takes.)
         * Output values stay off, as in the SDK's own mock monitor.
         */
        supportsFeature(req: { getId(): string }, callback: (err: Error | null, resp: { getHassupport(): boolean }) => void): void {
            const id = req.getId();
            callback(null, { getHassupport: () => id !== "outputValues" });
        }

        override async invoke(req: InvokeRequest, callback: Callback): Promise<void> {
            const token = req.getTok();
            if (token === "pulumi:pulumi:getResource") {
                return super.invoke(req, (err, resp) => {
                    callback(err ? fatal(new EngineError(`invoke ${token}: ${err.message}`)) : null, resp);
                });
            }
            invokes[token] = (invokes[token] ?? 0) + 1;
            let wire: Record<string, Json> = {};
            try {
                wire = toWire(req.getArgs()?.toJavaScript() ?? {}) as Record<string, Json>;
                const result = answer(token, unwrapSecrets(wire) as Record<string, unknown>);
                const resp = new sdk.InvokeResponse();
                resp.setReturn(sdk.Struct.fromJavaScript(toWire(result) as Record<string, unknown>));
                callback(null, resp);
            } catch (err) {
                // Offline, a failed invoke is never the cloud's answer: the check cannot know what the
                // program would get, so the run fails even when the program catches the error.
                callback(fatal(invokeError(token, wire, err)));
            }
        }
    }

    const monitor = new RecordingMonitor();
    return {
        monitor,
        count: () => urns.size,
        invokes,
        invokeSources,
        usedFixtures,
        warnings,
        stackOutputs: () => stackOutputs,
    };
}

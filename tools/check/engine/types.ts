// What the worker records about a program run and sends back to the CLI. Property values are in
// the Pulumi wire format (google.protobuf.Struct as JSON): unknowns are the UNKNOWN sentinel,
// secrets are {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value},
// resource references are {"4dabf...": "5cf8f73096256a8f31e491e813e4eb8e", urn, id?}.
import type { InvokeFixture } from "./invoke-fixtures";

/**
 * "preview": computed values unknown, as `pulumi preview` sees them; "apply": deterministic,
 * realistic ids and computed outputs, as `pulumi up` would give the policies.
 */
export type CheckMode = "preview" | "apply";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RecordedOptions {
    protect: boolean;
    ignoreChanges: string[];
    retainOnDelete: boolean;
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    replaceOnChanges: string[];
    hideDiffs: string[];
    customTimeouts: { create: string; update: string; delete: string };
    deletedWith?: string;
    importId?: string;
}

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    /** Parent URN; undefined only for the stack itself. */
    parent?: string;
    custom: boolean;
    /** A multi-language component that runs in a provider plugin (awsx): no children offline. */
    remote: boolean;
    /** Registered by the engine, not the program (default providers). */
    synthetic?: boolean;
    /** Read with `.get()` instead of created. */
    read?: boolean;
    /** Provider reference `urn::id` as the SDK sent it (empty for none / default provider). */
    providerRef?: string;
    /** URN of the provider resource that manages it (explicit or default). */
    provider?: string;
    /** Package version the SDK declared (used to name default providers). */
    version?: string;
    /** Inputs as the program registered them. */
    inputs: Record<string, Json>;
    /** Inputs after the provider's Check (auto-names added): what the engine hands to policies. */
    checkedInputs: Record<string, Json>;
    /** Outputs the mocks returned (preview: inputs + auto-names + remote component outputs; apply: + computed). */
    outputs: Record<string, Json>;
    id?: string;
    /**
     * Apply mode, custom resources: what the provider reports on creation beyond the inputs — the
     * id and computed outputs (ARN, DNS names, ...); stack policies see the inputs plus these.
     */
    computed?: Record<string, Json>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    options: RecordedOptions;
}

export interface Recording {
    project: string;
    stack: string;
    preview: boolean;
    /** Every registration, in order (the worker streams them; the parent assembles this list). */
    resources: RecordedResource[];
    /** Stack outputs (wire format). */
    stackOutputs: Record<string, Json>;
    /** Invoke tokens the program called, with counts. */
    invokes: Record<string, number>;
    /** How each token was answered: "fixture" (--invoke-fixtures), "hand-written", "generated", "generated, hand-tuned". */
    invokeSources: Record<string, string[]>;
    /** --invoke-fixtures entries that answered a call (by label, `token` or `token[i]`). */
    usedFixtures: string[];
    /** What the engine warns about (reads by id, remote components without offline outputs). */
    warnings: string[];
    /** Warnings the program logged (pulumi.log.warn), "type name: message" when on a resource. */
    logWarnings: string[];
    timings: { startupMs: number; programMs: number };
    /** Peak resident memory of the worker process, in bytes. */
    maxRssBytes: number;
}

/**
 * Messages from the worker to the CLI, in order: the program starts (the worker has booted), batches
 * of records, then the end of the run.
 */
export type WorkerMessage =
    | { kind: "started" }
    | { kind: "resources"; resources: RecordedResource[] }
    | { kind: "outputs"; urn: string; outputs: Record<string, Json> }
    | { kind: "done"; recording: Recording }
    | { kind: "failed"; message: string; stack?: string; file?: string };

/** Messages from the CLI to the worker: its parameters, first (over IPC: no size limit). */
export type ParentMessage = { kind: "params"; params: WorkerParams };

/** Parameters the CLI hands the worker. */
export interface WorkerParams {
    programDir: string;
    project: string;
    stack: string;
    config: Record<string, string>;
    secretKeys: string[];
    /**
     * Keys whose values are offline placeholders (`secure:` values cannot be decrypted): the
     * program sees them in OFFLINE_CHECK_UNDECRYPTED_KEYS.
     */
    undecryptedKeys: string[];
    /** The SDK's dry-run flag (true in both modes: outputs the check does not model stay unknown). */
    preview: boolean;
    /** "apply": ids and computed outputs are generated (see CheckMode). */
    mode: CheckMode;
    region: string;
    accountId: string;
    /** The program's working directory: programDir, or where Pulumi.yaml `main` points. */
    workDir: string;
    /** The file or directory to require (Pulumi.yaml `main`, package.json main, or the index). */
    entry: string;
    /** Answers the user gave for provider functions (--invoke-fixtures), already checked. */
    invokeFixtures: InvokeFixture[];
    /** The check's cache folder (shapes of generated invoke answers, type-check results). */
    cacheDir: string;
}

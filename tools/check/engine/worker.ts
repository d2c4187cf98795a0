// The program run, in a fresh child process (the Pulumi runtime is global state): configure the
// program's own @pulumi/pulumi with the stack config, project, stack and the recording monitor,
// require the program's entry inside a root Stack resource exactly as the nodejs language host
// does, wait until the last registration has settled, and send the recording to the parent.
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { packageDirFrom } from "../../mocks/invoke-schema";
import { applyFastPaths } from "./fast-paths";
import { createRecordingEngine, installEngine, loggedErrorMessage } from "./log-engine";
import { isEsModuleProgram, programRequire, registerTypeScript, runEntry } from "./program-loader";
import { createRecorder, EngineError, type SdkModules } from "./recorder";
import type { ParentMessage, RecordedResource, Recording, WorkerMessage, WorkerParams } from "./types";

const BATCH = 100;

/** Errors the program logged (pulumi.log.error): the message says what; no line to point at. */
class LoggedError extends Error {}

interface PulumiRuntime {
    setMocks(mocks: unknown, project: string, stack: string, preview: boolean): Promise<void>;
    setMockOptions(monitor: object, project: string, stack: string, preview: boolean): void;
    setAllConfig(config: Record<string, string>, secretKeys: string[]): void;
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
    waitForRPCs?(): Promise<void>;
    disconnect(): Promise<void>;
}

const SUPPORT_FLAGS = [
    "supportsSecrets",
    "supportsResourceReferences",
    "supportsOutputValues",
    "supportsDeletedWith",
    "supportsReplaceWith",
    "supportsAliasSpecs",
    "supportsTransforms",
    "supportsInvokeTransforms",
    "supportsParameterization",
    "supportsResourceHooks",
    "supportsErrorHooks",
];

function send(message: WorkerMessage): Promise<void> {
    return new Promise((resolve) => {
        if (!process.send) {
            process.stdout.write(JSON.stringify(message) + "\n");
            resolve();
            return;
        }
        process.send(message, undefined, {}, () => resolve());
    });
}

/** The first stack frame inside the program (not node_modules, not the checker): "file:line". */
function programFrame(err: unknown, programDir: string): string | undefined {
    const stack = err instanceof Error ? err.stack ?? "" : "";
    const checker = path.resolve(__dirname, "..", "..");
    for (const raw of stack.split("\n")) {
        // ES modules' frames name file:// URLs.
        const line = raw.trim().replace(/file:\/\/(\/[^():]+)/, (_, p: string) => decodeURIComponent(p));
        const m = /\(?((?:\/|[A-Za-z]:\\)[^():]+):(\d+):\d+\)?\s*$/.exec(line);
        if (!m) continue;
        const file = m[1];
        if (file.startsWith(programDir) && !file.includes(`${path.sep}node_modules${path.sep}`) && !file.startsWith(checker)) {
            return `${path.relative(programDir, file)}:${m[2]}`;
        }
    }
    return undefined;
}

function describeError(err: unknown): string {
    if (err instanceof Error) {
        // TSError puts the diagnostics in the message; keep it, drop the "⨯ Unable to compile" prefix.
        return err.message.replace(/^⨯ Unable to compile TypeScript:\n/, "");
    }
    return String(err);
}

/**
 * Resolves when the event loop has nothing left to do (Node's `beforeExit`; the IPC channel to
 * the CLI does not count). Schedules one more turn of the loop, so that `beforeExit` comes again
 * even when it has just been emitted. `cancel` stops waiting.
 */
function nextIdle(): { idle: Promise<void>; cancel(): void } {
    let onIdle = (): void => undefined;
    const idle = new Promise<void>((resolve) => {
        onIdle = () => resolve();
    });
    process.once("beforeExit", onIdle);
    setImmediate(() => undefined);
    return { idle, cancel: () => process.off("beforeExit", onIdle) };
}

/**
 * Waits for `work`; fails when the event loop empties first: then nothing is left that could
 * ever settle it (no timer, no I/O), and the Pulumi CLI fails such a run too ("promises still
 * active when the process exited").
 */
async function unlessStuck(work: Promise<void>): Promise<void> {
    const idle = nextIdle();
    try {
        const outcome = await Promise.race([work.then(() => "done" as const), idle.idle.then(() => "stuck" as const)]);
        if (outcome === "stuck") {
            throw new Error(
                "the program can never finish: it waits on a promise that nothing is left to settle (no timer, no I/O is pending), " +
                    "e.g. an Output whose value never arrives; the Pulumi CLI fails such a run too (promises still active when the process exited)",
            );
        }
    } finally {
        idle.cancel();
    }
}

/**
 * Waits until the program is done the way the nodejs language host sees it: the program has run,
 * its event loop is empty (a timer it set may still register resources, log or reject a promise)
 * and no resource operation is pending.
 */
async function settle(run: Promise<void>, waitForRPCs: () => Promise<void>, count: () => number): Promise<void> {
    process.channel?.unref();
    try {
        await unlessStuck(run);
        for (;;) {
            await nextIdle().idle;
            const before = count();
            await unlessStuck(waitForRPCs());
            if (count() === before) return;
        }
    } finally {
        process.channel?.ref();
    }
}

/** The parameters the CLI sends first, over IPC. */
function receiveParams(): Promise<WorkerParams> {
    return new Promise((resolve, reject) => {
        if (!process.send) {
            reject(new Error("the program worker runs only as a child of the offline check (no IPC channel)"));
            return;
        }
        process.once("message", (m: ParentMessage) => resolve(m.params));
    });
}

async function main(): Promise<void> {
    // The check that started this worker is gone (killed outright): stop, whatever the program is doing.
    process.on("disconnect", () => process.exit(1));
    const params = await receiveParams();
    const programDir = path.resolve(params.programDir);
    let failed = false;
    // Source-mapped stack traces (installed by ts-node) cost ~5 ms per resource, because the SDK
    // captures a stack trace per registration and per internal promise. They are switched off
    // while the program runs and back on to describe a failure: V8 formats a stack lazily, on
    // first access, so an error's frames still map to the program's TypeScript lines.
    let mappedStackTraces: typeof Error.prepareStackTrace | undefined;
    const fail = async (err: unknown): Promise<void> => {
        if (failed) return;
        failed = true;
        if (mappedStackTraces) Error.prepareStackTrace = mappedStackTraces;
        else (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
        await send({
            kind: "failed",
            message: describeError(err),
            stack: err instanceof Error ? err.stack : undefined,
            // The engine's own errors name the resource or token; no program line to point at.
            file: err instanceof EngineError || err instanceof LoggedError ? undefined : programFrame(err, programDir),
        });
        process.exit(1);
    };
    process.on("uncaughtException", (err) => void fail(err));
    process.on("unhandledRejection", (err) => void fail(err));

    try {
        // What the language host passes the program.
        process.env.PULUMI_CONFIG = JSON.stringify(params.config);
        process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(params.secretKeys);
        process.env.PULUMI_NODEJS_PROJECT = params.project;
        process.env.PULUMI_NODEJS_STACK = params.stack;
        process.env.PULUMI_NODEJS_DRY_RUN = String(params.preview);
        // The offline check's own contract with the program: the fully-qualified keys whose values
        // are placeholders, not the user's values, so the program can skip validating them.
        process.env.OFFLINE_CHECK_UNDECRYPTED_KEYS = JSON.stringify(params.undecryptedKeys);
        for (const k of Object.keys(process.env)) {
            if (k.startsWith("TS_NODE_")) delete process.env[k];
        }
        process.chdir(params.workDir);

        const req = programRequire(programDir);
        let pulumi: { runtime: PulumiRuntime };
        try {
            pulumi = req("@pulumi/pulumi") as { runtime: PulumiRuntime };
        } catch {
            throw new Error(`cannot load @pulumi/pulumi from ${programDir}: run npm install in the program directory`);
        }
        const sdkReq = programRequire(path.dirname(req.resolve("@pulumi/pulumi/package.json")));
        const sdk: SdkModules = {
            MockMonitor: (sdkReq("./runtime/mocks") as { MockMonitor: SdkModules["MockMonitor"] }).MockMonitor,
            Struct: (sdkReq("google-protobuf/google/protobuf/struct_pb") as { Struct: SdkModules["Struct"] }).Struct,
            Value: (sdkReq("google-protobuf/google/protobuf/struct_pb") as { Value: SdkModules["Value"] }).Value,
            RegisterResourceResponse: (sdkReq("./proto/resource_pb") as Record<string, unknown>).RegisterResourceResponse as SdkModules["RegisterResourceResponse"],
            ReadResourceResponse: (sdkReq("./proto/resource_pb") as Record<string, unknown>).ReadResourceResponse as SdkModules["ReadResourceResponse"],
            InvokeResponse: (sdkReq("./proto/provider_pb") as Record<string, unknown>).InvokeResponse as SdkModules["InvokeResponse"],
        };
        const state = sdkReq("./runtime/state") as { getStore(): Record<string, unknown> };
        applyFastPaths(sdkReq);
        const runtime = pulumi.runtime;

        // Records go to the parent in batches as the program registers them, so policy analysis
        // runs while the program is still running.
        let batch: RecordedResource[] = [];
        let flushScheduled = false;
        const flush = () => {
            flushScheduled = false;
            if (batch.length === 0) return;
            const resources = batch;
            batch = [];
            void send({ kind: "resources", resources });
        };
        const recorder = createRecorder(
            sdk,
            {
                project: params.project,
                stack: params.stack,
                preview: params.preview,
                mode: params.mode,
                region: params.region,
                accountId: params.accountId,
                invokeFixtures: params.invokeFixtures,
                workDir: params.workDir,
                // Data sources without a hand-written answer: generated from the program's own SDK's declarations.
                generate: { packageDir: (pkg) => packageDirFrom(programDir, pkg), cacheDir: params.cacheDir },
            },
            {
                resource: (r) => {
                    batch.push(r);
                    if (batch.length >= BATCH) flush();
                    else if (!flushScheduled) {
                        flushScheduled = true;
                        setImmediate(flush);
                    }
                },
                outputs: (urn, outputs) => {
                    flush();
                    void send({ kind: "outputs", urn, outputs });
                },
                error: (err) => void fail(err),
            },
        );
        // setMocks sets the feature flags a mock monitor supports; setMockOptions swaps in ours
        // (and resets the flags), so copy them back.
        await runtime.setMocks({ call: () => ({}), newResource: () => ({ id: "", state: {} }) }, params.project, params.stack, params.preview);
        const store = state.getStore();
        const flags = Object.fromEntries(SUPPORT_FLAGS.filter((f) => f in store).map((f) => [f, store[f]]));
        runtime.setMockOptions(recorder.monitor, params.project, params.stack, params.preview);
        Object.assign(store, flags);
        // Aliases as specs, as with an engine: the recording monitor completes them (see its supportsFeature).
        store.supportsAliasSpecs = true;
        runtime.setAllConfig(params.config, params.secretKeys);
        // pulumi.log.* goes to a recording engine: errors fail the run, warnings reach the report.
        const engine = createRecordingEngine((text) => process.stdout.write(text));
        installEngine(engine, store as { settings?: Record<string, unknown> }, sdkReq("./runtime/settings") as object, sdkReq("./log") as object);

        registerTypeScript({ programDir: params.workDir });
        if (isEsModuleProgram(params.workDir)) {
            // ES modules are compiled in the loader thread, out of reach of ts-node's source-map
            // support here: Node maps their frames itself, from the inline maps ts-node emits.
            process.setSourceMapsEnabled(true);
            mappedStackTraces = undefined;
        } else {
            mappedStackTraces = Error.prepareStackTrace;
        }
        (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
        const entry = params.entry;
        const startupMs = performance.now();
        // The program's time limit starts now (booting the worker has its own).
        await send({ kind: "started" });

        // The program runs, then, as under the language host, it is done when every outstanding
        // registration (also those made later, inside applies) has settled and its event loop is
        // empty: a timer the program set may still register resources, log or reject a promise.
        const waitForRPCs = () => (runtime.waitForRPCs ? runtime.waitForRPCs() : runtime.disconnect());
        const run = (async () => {
            await runtime.runInPulumiStack(() => runEntry(entry, params.workDir));
            await waitForRPCs();
        })();
        await settle(run, waitForRPCs, () => recorder.count());
        if (failed) return;
        const loggedError = loggedErrorMessage(engine.logged.errors);
        if (loggedError) throw new LoggedError(loggedError);
        // The language host fails a run whose program exits with a non-zero code.
        const exitCode = Number(process.exitCode ?? 0);
        if (exitCode !== 0) {
            throw new LoggedError(`the program set process.exitCode to ${process.exitCode}: a program that exits with a non-zero code fails the update`);
        }
        flush();

        const recording: Recording = {
            project: params.project,
            stack: params.stack,
            preview: params.preview,
            resources: [],
            stackOutputs: recorder.stackOutputs(),
            invokes: recorder.invokes,
            invokeSources: recorder.invokeSources,
            usedFixtures: recorder.usedFixtures,
            warnings: recorder.warnings,
            logWarnings: engine.logged.warnings,
            timings: { startupMs: Math.round(startupMs), programMs: Math.round(performance.now() - startupMs) },
            maxRssBytes: process.resourceUsage().maxRSS * 1024,
        };
        await send({ kind: "done", recording });
        process.exit(0);
    } catch (err) {
        await fail(err);
    }
}

void main();

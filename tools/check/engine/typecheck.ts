// Type-checking, on by default as in `pulumi preview` (whose ts-node type-checks the program and a
// TypeScript policy pack as it loads them): here in a separate process beside the plan, so that it
// adds little wall time, and cached by file hashes between runs (typecheck-cache.ts). A type error
// fails the run (exit 2) naming file:line:column and the message, the way a preview fails; it stops
// the plan at once when it comes first. The targets: the program, when its entry is TypeScript,
// and each TypeScript policy pack, each with the ts-node options the CLI would register.
import { fork } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { adopt, BOOT_MIN_MS, signalChild, watchdogFor } from "../children";
import { CheckError, formatSeconds } from "../errors";
import { trackPid, untrackPid } from "../memory";
import { isEsModuleProgram, programRequire, resolveEntry, tsconfigCompilerOptions, tsNodeSetup } from "./program-loader";
import { isCachedClean } from "./typecheck-cache";
import type { TargetResult, TypecheckDiagnostic, TypecheckReply, TypecheckRequest, TypecheckTarget } from "./typecheck-types";

export type { TargetResult, TypecheckDiagnostic, TypecheckTarget } from "./typecheck-types";

const WORKER = path.join(__dirname, "typecheck-worker.ts");
const REPO_TSCONFIG = path.resolve(__dirname, "..", "..", "..", "tsconfig.json");
const TOOLS_DIR = path.resolve(__dirname, "..", "..");

const TS_EXTENSIONS = [".ts", ".mts", ".cts", ".tsx"];
const CJS_INDEX = ["index.js", "index.ts", "index.cts", "index.cjs"];
const ESM_INDEX = ["index.js", "index.mjs", "index.ts", "index.mts"];

/** The file a folder entry runs (the index the runtime would load), or the entry itself. */
function entryFile(entry: string, esm: boolean): string | undefined {
    const full = path.resolve(entry);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(full);
    } catch {
        return undefined;
    }
    if (!stat.isDirectory()) return full;
    const index = (esm ? ESM_INDEX : CJS_INDEX).find((f) => fs.existsSync(path.join(full, f)));
    return index ? path.join(full, index) : undefined;
}

const isTypeScript = (file: string) => TS_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith(".d.ts");

/** The program, as the nodejs language host compiles it (its workDir's tsconfig, the CLI's defaults). */
export function programTarget(workDir: string, entry: string): TypecheckTarget | undefined {
    const esm = isEsModuleProgram(workDir);
    const file = entryFile(entry, esm);
    if (!file || !isTypeScript(file)) return undefined;
    const setup = tsNodeSetup({ programDir: workDir, esm });
    return { id: "the program", dir: path.resolve(workDir), entry: file, tsnode: setup.tsnode, options: setup.options };
}

/** A TypeScript policy pack, as @pulumi/pulumi's run-policy-pack compiles it (typeCheck: true). */
export function packTarget(packDir: string): TypecheckTarget | undefined {
    const dir = path.resolve(packDir);
    const file = entryFile(resolveEntry(dir), false);
    if (!file || !isTypeScript(file)) return undefined;
    let sdkReq: NodeRequire;
    try {
        sdkReq = createRequire(programRequire(dir).resolve("@pulumi/pulumi/package.json"));
    } catch {
        return undefined; // The pack's own start reports its missing dependencies.
    }
    const own = createRequire(__filename);
    const resolveOr = (id: string) => {
        try {
            return sdkReq.resolve(id);
        } catch {
            return own.resolve(id);
        }
    };
    const tsconfig = path.join(dir, "tsconfig.json");
    const hasTsconfig = fs.existsSync(tsconfig);
    return {
        id: `policy pack ${dir}`,
        dir,
        entry: file,
        tsnode: resolveOr("ts-node"),
        options: {
            compiler: resolveOr("typescript"),
            // What run-policy-pack's ts-node finds from the pack's folder, stated outright (the
            // type-check process's own ts-node settings must not leak in): its tsconfig.json or none.
            project: hasTsconfig ? tsconfig : undefined,
            skipProject: !hasTsconfig,
            scope: false,
            compilerOptions: {
                target: "ES2020",
                module: "nodenext",
                moduleResolution: "nodenext",
                sourceMap: "true",
                ...(hasTsconfig ? tsconfigCompilerOptions(tsconfig) : {}),
            },
        },
    };
}

/** A program or pack that does not type-check: exit 2, as `pulumi preview` fails. */
export class TypeCheckError extends CheckError {
    readonly diagnostics: TypecheckDiagnostic[];
    constructor(message: string, opts: { file?: string; detail?: string; diagnostics: TypecheckDiagnostic[] }) {
        super(message, { file: opts.file, detail: opts.detail });
        this.diagnostics = opts.diagnostics;
    }
}

function where(d: TypecheckDiagnostic, dir: string): string {
    if (!d.file) return "";
    return `${path.relative(dir, d.file) || d.file}:${d.line}:${d.column} `;
}

export function formatDiagnostic(d: TypecheckDiagnostic, dir: string): string {
    return `${where(d, dir)}error TS${d.code}: ${d.message}`;
}

function failure(target: TypecheckTarget, result: TargetResult): TypeCheckError {
    const [first, ...rest] = result.diagnostics;
    const what = target.id === "the program" ? `the program in ${target.dir}` : target.id;
    const more = rest.length > 0 ? ` (and ${rest.length} more error${rest.length === 1 ? "" : "s"}; --verbose lists them)` : "";
    return new TypeCheckError(
        `${what} does not type-check, so pulumi preview would fail: ${formatDiagnostic(first, target.dir).replace(/\n/g, " ")}${more} — --no-typecheck skips the check`,
        {
            file: first.file ?? target.entry,
            detail: result.diagnostics.map((d) => formatDiagnostic(d, target.dir)).join("\n"),
            diagnostics: result.diagnostics.map((d) => ({ ...d, file: d.file ? path.relative(target.dir, d.file) || d.file : undefined })),
        },
    );
}

export interface TypecheckRun {
    /** Every target's result once all are known (or the first failure). */
    done: Promise<TargetResult[]>;
    /** The run's type error, if any, once the check is over (undefined when it passed). */
    error(): Promise<CheckError | undefined>;
    /** Called with the error as soon as a target fails to type-check (to stop the plan). */
    onFailure(listener: (err: CheckError) => void): void;
}

export interface TypecheckOptions {
    cacheDir: string;
    /** Time limit of the type-check, in ms (at least BOOT_MIN_MS). */
    timeoutMs: number;
    verbose?: boolean;
}

/** Starts type-checking `targets` (cached ones are answered at once, the others in a child process). */
export function startTypecheck(targets: TypecheckTarget[], opts: TypecheckOptions): TypecheckRun {
    const results: TargetResult[] = [];
    const pending: TypecheckTarget[] = [];
    for (const t of targets) {
        const started = Date.now();
        if (isCachedClean(opts.cacheDir, t)) results.push({ id: t.id, status: "passed", diagnostics: [], ms: Date.now() - started, cached: true });
        else pending.push(t);
    }
    const listeners: Array<(err: CheckError) => void> = [];
    let failedWith: CheckError | undefined;
    const fail = (err: CheckError) => {
        if (failedWith) return;
        failedWith = err;
        for (const l of listeners) l(err);
    };
    const done = pending.length === 0 ? Promise.resolve(results) : runWorker(pending, opts, results, fail);
    const settled = done.then(
        () => failedWith,
        (err: unknown) => {
            const e = err instanceof CheckError ? err : new CheckError(`the type-check failed: ${(err as Error)?.message ?? String(err)}`);
            fail(e);
            return e;
        },
    );
    return {
        done,
        error: () => settled,
        onFailure: (listener) => {
            listeners.push(listener);
            if (failedWith) listener(failedWith);
        },
    };
}

function runWorker(targets: TypecheckTarget[], opts: TypecheckOptions, results: TargetResult[], fail: (err: CheckError) => void): Promise<TargetResult[]> {
    return new Promise((resolve, reject) => {
        const child = fork(WORKER, [], {
            detached: true,
            execArgv: [...watchdogFor().execArgv, "--max-old-space-size=4096", "-r", require.resolve("ts-node/register/transpile-only")],
            env: { ...process.env, TS_NODE_PROJECT: REPO_TSCONFIG, TS_NODE_SCOPE: "true", TS_NODE_SCOPE_DIR: TOOLS_DIR, ...watchdogFor().env },
            stdio: ["ignore", "pipe", "pipe", "ipc"],
            serialization: "advanced",
        });
        trackPid(child.pid);
        adopt(child, "the type-check");
        let output = "";
        const collect = (chunk: Buffer) => {
            output += chunk.toString();
            if (opts.verbose) process.stderr.write(chunk);
        };
        child.stdout?.on("data", collect);
        child.stderr?.on("data", collect);
        const byId = new Map(targets.map((t) => [t.id, t]));
        let finished = false;
        const limit = Math.max(opts.timeoutMs, BOOT_MIN_MS);
        const timer = setTimeout(() => {
            reject(new CheckError(`the type-check did not finish within ${formatSeconds(limit)} (--program-timeout); --no-typecheck skips it`));
            signalChild(child, "SIGKILL");
        }, limit);
        child.on("message", (m: TypecheckReply) => {
            if (m.kind === "done") {
                finished = true;
                return;
            }
            results.push(m.result);
            const target = byId.get(m.result.id)!;
            if (m.result.status === "failed") fail(failure(target, m.result));
            if (m.result.status === "error") fail(new CheckError(`the type-check of ${target.id} failed: ${m.result.why ?? "unknown error"}`, { file: target.entry }));
        });
        child.on("error", (err) => reject(new CheckError(`cannot start the type-check: ${err.message}`)));
        child.on("exit", (code, signal) => {
            untrackPid(child.pid);
            clearTimeout(timer);
            if (finished) resolve(results);
            else reject(new CheckError(`the type-check exited (${signal ?? `code ${code}`}) without a result${output.trim() ? `: ${output.trim().split("\n").slice(-5).join(" ")}` : ""}`));
        });
        const request: TypecheckRequest = { targets, cacheDir: opts.cacheDir };
        child.send(request);
    });
}

/** One line for the report: what was type-checked, how, and how long it took. */
export function describeTypecheck(results: TargetResult[]): string {
    const parts = results.map((r) => {
        const how = r.cached ? "unchanged since a clean check (cached)" : r.status === "skipped" ? `skipped: ${r.why}` : `${r.status}${r.files !== undefined ? ` (${r.files} file${r.files === 1 ? "" : "s"})` : ""} in ${formatSeconds(r.ms)}`;
        return `${r.id}: ${how}`;
    });
    return `type-check, as pulumi preview does: ${parts.join("; ")}`;
}

// Runs a program under the recording mock engine in a fresh child process and returns what it
// registered. The parent never touches the Pulumi runtime, so any number of checks (and mocha
// test files) can share one process. Registrations stream in while the program runs; listeners
// see each one as it arrives (the policy packs analyze them meanwhile).
import { fork } from "node:child_process";
import * as path from "node:path";
import { adopt, BOOT_MIN_MS, signalChild, watchdogFor } from "../children";
import { CheckError, formatSeconds } from "../errors";
import { trackPid, untrackPid } from "../memory";
import type { Json, ParentMessage, RecordedResource, Recording, WorkerMessage, WorkerParams } from "./types";

const WORKER = path.join(__dirname, "worker.ts");
const REPO_TSCONFIG = path.resolve(__dirname, "..", "..", "..", "tsconfig.json");
const TOOLS_DIR = path.resolve(__dirname, "..", "..");
const TRANSPILE_CACHED = path.join(__dirname, "..", "compile-cache", "register.js");

export interface ProgramRun {
    recording: Recording;
    /** What the program printed (stdout and stderr). */
    output: string;
}

export interface ProgramListener {
    resource?(r: RecordedResource): void;
    outputs?(r: RecordedResource): void;
}

export interface RunProgramOptions {
    verbose?: boolean;
    listener?: ProgramListener;
    /**
     * Time limit of the program run (from the moment the worker requires the program to its
     * result), in ms; the worker is killed beyond it. Booting the worker (loading ts-node and the
     * SDK) has its own limit: this one, but at least BOOT_MIN_MS.
     */
    timeoutMs?: number;
    /** How the limit was set, for the message (e.g. "--program-timeout"). */
    timeoutSource?: string;
    /** Stops the run (the worker is killed; the promise rejects with the signal's reason). */
    signal?: AbortSignal;
}

export function runProgram(params: WorkerParams, opts?: RunProgramOptions): Promise<ProgramRun> {
    return new Promise((resolve, reject) => {
        const child = fork(WORKER, [], {
            cwd: params.programDir,
            // Its own process group: stopping it stops whatever the program started too.
            detached: true,
            execArgv: [
                // First: it ends the worker when this process is gone (children.ts).
                ...watchdogFor().execArgv,
                "--max-old-space-size=4096",
                // CHECK_PROFILE_DIR=<dir>: write a CPU profile of the program run (for tuning).
                ...(process.env.CHECK_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CHECK_PROFILE_DIR}`] : []),
                // ts-node transpile-only, as -r ts-node/register/transpile-only, with the transpiled
                // files of tools/ kept in the check's cache (compile-cache/).
                "-r",
                TRANSPILE_CACHED,
            ],
            env: {
                ...process.env,
                // The worker's own TypeScript (tools/) compiles with this repository's tsconfig and
                // nothing else: the program's files are left to the program's own registration.
                TS_NODE_PROJECT: REPO_TSCONFIG,
                TS_NODE_SCOPE: "true",
                TS_NODE_SCOPE_DIR: TOOLS_DIR,
                ...watchdogFor().env,
            },
            stdio: ["ignore", "pipe", "pipe", "ipc"],
            serialization: "advanced",
        });
        trackPid(child.pid);
        adopt(child, "the program worker");
        // The parameters (with the whole stack config) go over IPC: an environment variable is
        // limited to 128 KiB on Linux.
        const paramsMessage: ParentMessage = { kind: "params", params };
        let sendError: CheckError | undefined;
        child.send(paramsMessage, (err) => {
            if (!err) return;
            sendError = new CheckError(`cannot send the program worker its parameters: ${err.message}`);
            signalChild(child, "SIGKILL");
        });
        let output = "";
        const collect = (chunk: Buffer) => {
            output += chunk.toString();
            if (opts?.verbose) process.stderr.write(chunk);
        };
        child.stdout?.on("data", collect);
        child.stderr?.on("data", collect);

        const resources: RecordedResource[] = [];
        const byUrn = new Map<string, RecordedResource>();
        let final: WorkerMessage | undefined;
        let listenerError: unknown;
        const notify = (fn: () => void) => {
            try {
                fn();
            } catch (err) {
                listenerError = listenerError ?? err;
            }
        };
        child.on("message", (m: WorkerMessage) => {
            switch (m.kind) {
                case "started":
                    started();
                    break;
                case "resources":
                    for (const r of m.resources) {
                        resources.push(r);
                        byUrn.set(r.urn, r);
                        notify(() => opts?.listener?.resource?.(r));
                    }
                    break;
                case "outputs": {
                    const r = byUrn.get(m.urn);
                    if (!r) {
                        // The recorder accepts outputs only for resources it recorded: a lost record.
                        listenerError = listenerError ?? new CheckError(`the program worker sent outputs of ${m.urn}, which it never reported as registered`);
                        break;
                    }
                    r.outputs = m.outputs as Record<string, Json>;
                    notify(() => opts?.listener?.outputs?.(r));
                    break;
                }
                default:
                    // A failure wins over a result that raced it.
                    if (final?.kind !== "failed") final = m;
            }
        });
        let timedOut: CheckError | undefined;
        let timer: NodeJS.Timeout | undefined;
        const limit = (ms: number, message: () => string) => {
            if (timer) clearTimeout(timer);
            timer = setTimeout(() => {
                timedOut = new CheckError(message(), { file: params.programDir, detail: output.trim().split("\n").slice(-30).join("\n") });
                signalChild(child, "SIGKILL");
            }, ms);
        };
        const source = opts?.timeoutSource ?? "time limit";
        if (opts?.timeoutMs !== undefined) {
            const bootMs = Math.max(opts.timeoutMs, BOOT_MIN_MS);
            limit(bootMs, () => `the program worker for ${params.programDir} did not start the program within ${formatSeconds(bootMs)} (${source}, at least ${formatSeconds(BOOT_MIN_MS)} to start)`);
        }
        const started = () => {
            if (opts?.timeoutMs === undefined) return;
            const ms = opts.timeoutMs;
            limit(ms, () => {
                const last = resources.length > 0 ? `, the last ${resources[resources.length - 1].urn}` : "";
                return (
                    `the program in ${params.programDir} did not finish within ${formatSeconds(ms)} (${source}): ` +
                    `${resources.length} resource${resources.length === 1 ? "" : "s"} registered so far${last}`
                );
            });
        };
        let aborted: unknown;
        const onAbort = () => {
            aborted = opts?.signal?.reason ?? new CheckError("the program run was stopped");
            signalChild(child, "SIGKILL");
        };
        if (opts?.signal?.aborted) onAbort();
        else opts?.signal?.addEventListener("abort", onAbort, { once: true });
        child.on("error", (err) => reject(new CheckError(`cannot start the program worker: ${err.message}`)));
        child.on("exit", (code, signal) => {
            // Node may report the exit before it has delivered the worker's last IPC messages (a
            // large recording under load): wait for the channel to close, which comes after them.
            if (final === undefined && child.connected) {
                let judged = false;
                const judgeOnce = () => {
                    if (judged) return;
                    judged = true;
                    clearTimeout(fallback);
                    judge(code, signal);
                };
                const fallback = setTimeout(judgeOnce, 5000);
                child.once("disconnect", judgeOnce);
                return;
            }
            judge(code, signal);
        });
        const judge = (code: number | null, signal: NodeJS.Signals | null) => {
            untrackPid(child.pid);
            opts?.signal?.removeEventListener("abort", onAbort);
            if (timer) clearTimeout(timer);
            if (aborted !== undefined) {
                reject(aborted);
                return;
            }
            if (timedOut || sendError) {
                reject(timedOut ?? sendError);
                return;
            }
            if (final?.kind === "done") {
                if (listenerError) {
                    reject(listenerError);
                    return;
                }
                resolve({ recording: { ...final.recording, resources }, output });
                return;
            }
            if (final?.kind === "failed") {
                const where = final.file ? ` (at ${final.file})` : "";
                reject(
                    new CheckError(`the program in ${params.programDir} failed${where}: ${final.message}`, {
                        // The file to blame, as a path (the message has its line): the program's file, else its directory.
                        file: final.file ? path.join(params.programDir, final.file.replace(/:\d+$/, "")) : params.programDir,
                        detail: final.stack,
                    }),
                );
                return;
            }
            const tail = output.trim().split("\n").slice(-15).join("\n");
            reject(new CheckError(`the program worker exited (${signal ?? `code ${code}`}) without a result${tail ? `:\n${tail}` : ""}`));
        };
    });
}

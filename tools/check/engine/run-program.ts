// Runs a program under the recording mock engine in a fresh child process and returns what it
// registered. The parent never touches the Pulumi runtime, so any number of checks (and mocha
// test files) can share one process. Registrations stream in while the program runs; listeners
// see each one as it arrives (the policy packs analyze them meanwhile).
import { fork } from "node:child_process";
import * as path from "node:path";
import { CheckError } from "../errors";
import { trackPid, untrackPid } from "../memory";
import type { Json, ParentMessage, RecordedResource, Recording, WorkerMessage, WorkerParams } from "./types";

const WORKER = path.join(__dirname, "worker.ts");
const REPO_TSCONFIG = path.resolve(__dirname, "..", "..", "..", "tsconfig.json");
const TOOLS_DIR = path.resolve(__dirname, "..", "..");

export interface ProgramRun {
    recording: Recording;
    /** What the program printed (stdout and stderr). */
    output: string;
}

export interface ProgramListener {
    resource?(r: RecordedResource): void;
    outputs?(r: RecordedResource): void;
}

export function runProgram(params: WorkerParams, opts?: { verbose?: boolean; listener?: ProgramListener }): Promise<ProgramRun> {
    return new Promise((resolve, reject) => {
        const child = fork(WORKER, [], {
            cwd: params.programDir,
            execArgv: [
                "--max-old-space-size=4096",
                // CHECK_PROFILE_DIR=<dir>: write a CPU profile of the program run (for tuning).
                ...(process.env.CHECK_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CHECK_PROFILE_DIR}`] : []),
                "-r",
                require.resolve("ts-node/register/transpile-only"),
            ],
            env: {
                ...process.env,
                // The worker's own TypeScript (tools/) compiles with this repository's tsconfig and
                // nothing else: the program's files are left to the program's own registration.
                TS_NODE_PROJECT: REPO_TSCONFIG,
                TS_NODE_SCOPE: "true",
                TS_NODE_SCOPE_DIR: TOOLS_DIR,
            },
            stdio: ["ignore", "pipe", "pipe", "ipc"],
            serialization: "advanced",
        });
        trackPid(child.pid);
        // The parameters (with the whole stack config) go over IPC: an environment variable is
        // limited to 128 KiB on Linux.
        const paramsMessage: ParentMessage = { kind: "params", params };
        child.send(paramsMessage, (err) => {
            if (err) child.kill("SIGKILL");
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
                case "resources":
                    for (const r of m.resources) {
                        resources.push(r);
                        byUrn.set(r.urn, r);
                        notify(() => opts?.listener?.resource?.(r));
                    }
                    break;
                case "outputs": {
                    const r = byUrn.get(m.urn);
                    if (r) {
                        r.outputs = m.outputs as Record<string, Json>;
                        notify(() => opts?.listener?.outputs?.(r));
                    }
                    break;
                }
                default:
                    // A failure wins over a result that raced it.
                    if (final?.kind !== "failed") final = m;
            }
        });
        child.on("error", (err) => reject(new CheckError(`cannot start the program worker: ${err.message}`)));
        child.on("exit", (code, signal) => {
            untrackPid(child.pid);
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
                        file: final.file,
                        detail: final.stack,
                    }),
                );
                return;
            }
            const tail = output.trim().split("\n").slice(-15).join("\n");
            reject(new CheckError(`the program worker exited (${signal ?? `code ${code}`}) without a result${tail ? `:\n${tail}` : ""}`));
        });
    });
}

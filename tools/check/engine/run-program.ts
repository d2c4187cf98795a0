// Runs a program under the recording mock engine in a fresh child process and returns what it
// registered. The parent never touches the Pulumi runtime, so any number of checks (and mocha
// test files) can share one process.
import { fork } from "node:child_process";
import * as path from "node:path";
import { CheckError } from "../errors";
import type { Recording, WorkerMessage, WorkerParams } from "./types";

const WORKER = path.join(__dirname, "worker.ts");
const REPO_TSCONFIG = path.resolve(__dirname, "..", "..", "..", "tsconfig.json");

export interface ProgramRun {
    recording: Recording;
    /** What the program printed (stdout and stderr). */
    output: string;
}

export function runProgram(params: WorkerParams, opts?: { verbose?: boolean }): Promise<ProgramRun> {
    return new Promise((resolve, reject) => {
        const child = fork(WORKER, [], {
            cwd: params.programDir,
            execArgv: ["--max-old-space-size=4096", "-r", require.resolve("ts-node/register/transpile-only")],
            env: { ...process.env, STAGECRAFT_CHECK_PARAMS: JSON.stringify(params), TS_NODE_PROJECT: REPO_TSCONFIG },
            stdio: ["ignore", "pipe", "pipe", "ipc"],
            serialization: "advanced",
        });
        let output = "";
        const collect = (chunk: Buffer) => {
            output += chunk.toString();
            if (opts?.verbose) process.stderr.write(chunk);
        };
        child.stdout?.on("data", collect);
        child.stderr?.on("data", collect);
        let message: WorkerMessage | undefined;
        child.on("message", (m) => {
            message = m as WorkerMessage;
        });
        child.on("error", (err) => reject(new CheckError(`cannot start the program worker: ${err.message}`)));
        child.on("exit", (code, signal) => {
            if (message?.kind === "done") {
                resolve({ recording: message.recording, output });
                return;
            }
            if (message?.kind === "failed") {
                const where = message.file ? ` (at ${message.file})` : "";
                reject(
                    new CheckError(`the program in ${params.programDir} failed${where}: ${message.message}`, {
                        file: message.file,
                        detail: message.stack,
                    }),
                );
                return;
            }
            const tail = output.trim().split("\n").slice(-15).join("\n");
            reject(new CheckError(`the program worker exited (${signal ?? `code ${code}`}) without a result${tail ? `:\n${tail}` : ""}`));
        });
    });
}

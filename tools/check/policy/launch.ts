// Starts a policy pack the way the Pulumi CLI does for a nodejs pack: the CLI runs the
// `pulumi-analyzer-policy` shim in the pack's directory, which resolves
// @pulumi/pulumi/cmd/run-policy-pack from there and runs it with node, passing the engine address
// and "."; the pack's `new PolicyPack(...)` starts a gRPC server and prints its port on stdout.
// The stack's names travel in the environment (PULUMI_NODEJS_STACK...), and so does its config
// (PULUMI_CONFIG), set by a preload from a file: one environment string is limited to 128 KiB.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { adopt, BOOT_MIN_MS, stopChild, watchdogFor } from "../children";
import { transpileCacheDir } from "../compile-cache/dir";
import { CheckError, formatSeconds } from "../errors";
import { trackPid, untrackPid } from "../memory";

export interface PackEnvironment {
    project: string;
    stack: string;
    organization: string;
    config: Record<string, string>;
    dryRun: boolean;
}

export interface LaunchedPack {
    dir: string;
    port: number;
    child: ChildProcess;
    /** Version from PulumiPolicy.yaml, which overrides the one the pack reports. */
    yamlVersion?: string;
    description?: string;
    /** Peak resident memory so far (Linux /proc; 0 elsewhere). */
    peakRssBytes(): number;
    /** Everything the pack wrote to stderr (and stdout after the port line). */
    output(): string;
    stop(): Promise<void>;
}

function readPolicyProject(dir: string): { runtime: string; version?: string; description?: string } {
    const file = path.join(dir, "PulumiPolicy.yaml");
    if (!fs.existsSync(file)) {
        throw new CheckError(`failed to load Pulumi policy project located at ${JSON.stringify(dir)}: no PulumiPolicy.yaml`, { file });
    }
    let doc: Record<string, unknown>;
    try {
        doc = (parseYaml(fs.readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>;
    } catch (err) {
        throw new CheckError(`${file}: invalid YAML: ${(err as Error).message.split("\n")[0]}`, { file });
    }
    const runtime = typeof doc.runtime === "string" ? doc.runtime : String((doc.runtime as Record<string, unknown>)?.name ?? "");
    if (runtime === "") {
        throw new CheckError(`${file}: project is missing a 'runtime' attribute`, { file });
    }
    if (runtime !== "nodejs") {
        throw new CheckError(`${file}: runtime '${runtime}' is not supported offline (only nodejs packs, TypeScript or JavaScript)`, { file });
    }
    return {
        runtime,
        version: doc.version === undefined ? undefined : String(doc.version),
        description: typeof doc.description === "string" ? doc.description : undefined,
    };
}

function readVmHwm(pid: number | undefined): number {
    if (pid === undefined) return 0;
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
        return m ? Number(m[1]) * 1024 : 0;
    } catch {
        return 0;
    }
}

export interface PendingPack {
    /** The pack process (to stop it before it is ready). */
    child: ChildProcess;
    ready: Promise<LaunchedPack>;
}

const PRELOAD = path.join(__dirname, "pack.preload.js");

/** Config files not yet removed: removed when this process exits, whatever the reason. */
const configDirs = new Set<string>();
let cleanupOnExit = false;

/** Writes the config for the preload to read (owner-only); returns the file and its removal. */
function writeConfigFile(config: Record<string, string>): { file: string; remove(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offline-check-pack-"));
    const file = path.join(dir, "config.json");
    configDirs.add(dir);
    if (!cleanupOnExit) {
        cleanupOnExit = true;
        process.on("exit", () => configDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
    }
    fs.writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
    return {
        file,
        remove: () => {
            configDirs.delete(dir);
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

/**
 * Starts the pack, with pack.preload.js: it sets PULUMI_CONFIG from a file (any size), exits when
 * the check is gone and, unless `typecheck` is set, compiles a TypeScript pack transpile-only (the
 * CLI type-checks it).
 */
export interface LaunchOptions {
    verbose?: boolean;
    typecheck?: boolean;
    /** How long the pack may take to answer a call, in ms; to start (print its port): this, at least BOOT_MIN_MS. */
    timeoutMs: number;
    /** How the limit was set, for the message (e.g. "--policy-timeout"). */
    timeoutSource?: string;
}

export function launchPack(dir: string, env: PackEnvironment, opts: LaunchOptions): PendingPack {
    const packDir = path.resolve(dir);
    const project = readPolicyProject(packDir);
    let runScript: string;
    try {
        runScript = createRequire(path.join(packDir, "__offline_check__.js")).resolve("@pulumi/pulumi/cmd/run-policy-pack");
    } catch {
        throw new CheckError(
            `it looks like the policy pack's dependencies are not installed; try running npm install in ${JSON.stringify(packDir)}`,
        );
    }
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(childEnv)) {
        if (k.startsWith("TS_NODE_")) delete childEnv[k];
    }
    const configFile = writeConfigFile(env.config);
    Object.assign(childEnv, {
        OFFLINE_CHECK_CONFIG_FILE: configFile.file,
        // The pack ends when this process is gone (children.ts, PARENT_WATCHDOG).
        ...watchdogFor().env,
        PULUMI_NODEJS_ORGANIZATION: env.organization,
        PULUMI_NODEJS_PROJECT: env.project,
        PULUMI_NODEJS_STACK: env.stack,
        PULUMI_NODEJS_DRY_RUN: String(env.dryRun),
        PULUMI_ORGANIZATION: env.organization,
        PULUMI_PROJECT: env.project,
        PULUMI_STACK: env.stack,
        PULUMI_DRY_RUN: String(env.dryRun),
    });
    // The engine address is not used by run-policy-pack beyond argument parsing: there is no engine.
    if (!opts.typecheck) {
        childEnv.OFFLINE_CHECK_RUN_POLICY_PACK = runScript;
        childEnv.OFFLINE_CHECK_TRANSPILE_CACHE = transpileCacheDir();
    }
    // CHECK_PROFILE_DIR=<dir>: the preload writes a CPU profile of the pack process (for tuning).
    if (process.env.CHECK_PROFILE_DIR) {
        childEnv.OFFLINE_CHECK_PROFILE_DIR = process.env.CHECK_PROFILE_DIR;
    }
    let child: ChildProcess;
    try {
        child = spawn(process.execPath, [...watchdogFor().execArgv, "-r", PRELOAD, runScript, "127.0.0.1:0", "."], {
            cwd: packDir,
            env: childEnv,
            stdio: ["ignore", "pipe", "pipe"],
            // Its own process group: stopping the pack stops whatever it started too.
            detached: true,
        });
    } catch (err) {
        configFile.remove();
        throw new CheckError(`policy pack ${packDir} failed to start: ${(err as Error).message}`);
    }
    trackPid(child.pid);
    adopt(child, `policy pack ${packDir}`);
    child.once("exit", () => {
        untrackPid(child.pid);
        configFile.remove();
    });
    let output = "";
    let stdoutBuffer = "";
    let peak = 0;
    const sample = () => {
        peak = Math.max(peak, readVmHwm(child.pid));
    };

    const startMs = Math.max(opts.timeoutMs, BOOT_MIN_MS);
    const ready = new Promise<LaunchedPack>((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
            if (settled) return;
            settled = true;
            void stopChild(child, 0);
            reject(
                new CheckError(
                    `policy pack ${packDir} did not start (print its port) within ${formatSeconds(startMs)} (${opts.timeoutSource ?? "time limit"}, at least ${formatSeconds(BOOT_MIN_MS)} to start)`,
                    { detail: output },
                ),
            );
        }, startMs);
        child.stderr?.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (opts.verbose) process.stderr.write(chunk);
        });
        child.stdout?.on("data", (chunk: Buffer) => {
            if (settled) {
                output += chunk.toString();
                if (opts.verbose) process.stderr.write(chunk);
                return;
            }
            stdoutBuffer += chunk.toString();
            const lines = stdoutBuffer.split("\n");
            stdoutBuffer = lines.pop() ?? "";
            for (const line of lines) {
                const port = /^\s*(\d+)\s*$/.exec(line);
                if (!port) {
                    output += line + "\n";
                    continue;
                }
                settled = true;
                clearTimeout(timer);
                // The preload read the config before the pack's code ran.
                configFile.remove();
                const launched: LaunchedPack = {
                    dir: packDir,
                    port: Number(port[1]),
                    child,
                    yamlVersion: project.version,
                    description: project.description,
                    peakRssBytes: () => {
                        sample();
                        return peak;
                    },
                    output: () => output,
                    stop: () => {
                        sample();
                        return stopChild(child);
                    },
                };
                resolve(launched);
                return;
            }
        });
        child.on("error", (err) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            reject(new CheckError(`policy pack ${packDir} failed to start: ${err.message}`));
        });
        child.on("exit", (code, signal) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            const tail = output.trim().split("\n").slice(-20).join("\n");
            reject(
                new CheckError(`policy pack ${packDir} failed to start (${signal ?? `exit code ${code}`})${tail ? `:\n${tail}` : ""}`, {
                    detail: output,
                }),
            );
        });
    });
    return { child, ready };
}

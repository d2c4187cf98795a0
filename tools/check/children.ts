// Every process the check starts (the program worker, the policy packs) in one place, so that none
// outlives the check: each runs in its own process group (spawned `detached`), and stopping it
// signals the whole group, so whatever it started dies with it. The CLI kills them all when it is
// interrupted (SIGINT/SIGTERM/SIGHUP) and when it exits, whatever the reason. The children watch
// for a dead parent themselves too, for when the CLI is killed outright: each is started with
// PARENT_WATCHDOG preloaded, which watches from a worker thread (so a busy main thread does not
// delay it) and kills the child's process group within about half a second of the CLI's death.
import type { ChildProcess } from "node:child_process";
import * as path from "node:path";

/** Preloaded first (`-r`) into every child; it reads the parent's pid from OFFLINE_CHECK_PARENT_PID. */
export const PARENT_WATCHDOG = path.join(__dirname, "parent-watchdog.js");

/** The options that arm PARENT_WATCHDOG in a child: its preload, and this process's pid. */
export function watchdogFor(): { execArgv: string[]; env: { OFFLINE_CHECK_PARENT_PID: string } } {
    return { execArgv: ["-r", PARENT_WATCHDOG], env: { OFFLINE_CHECK_PARENT_PID: String(process.pid) } };
}

export interface ChildEntry {
    child: ChildProcess;
    /** What it is, for messages: "the program worker", "policy pack <dir>". */
    label: string;
}

const running = new Map<number, ChildEntry>();

/**
 * The least time a child gets to boot (the worker to load ts-node and the SDK, a pack to print its
 * port), however small the time limit of the program or the packs' answers: on a machine under
 * load booting alone can take seconds.
 */
export const BOOT_MIN_MS = 60_000;

/** Registers a child started with `detached: true` (its pid is its process group id). */
export function adopt(child: ChildProcess, label: string): void {
    const pid = child.pid;
    if (pid === undefined) return;
    if (child.exitCode !== null || child.signalCode !== null) return;
    running.set(pid, { child, label });
    child.once("exit", () => running.delete(pid));
}

/** The children still running. */
export function runningChildren(): ChildEntry[] {
    return [...running.values()];
}

/** Sends `signal` to the child's process group (falls back to the child alone). */
export function signalChild(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
        process.kill(-child.pid, signal);
    } catch {
        try {
            child.kill(signal);
        } catch {
            // Already gone.
        }
    }
}

/**
 * Stops a child: SIGTERM to its group, SIGKILL after `graceMs` if it is still there (a pack busy
 * in a loop, or one that handles SIGTERM and never exits). Resolves once it has exited.
 */
export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
    return new Promise((resolve) => {
        if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
        }
        const timer = setTimeout(() => signalChild(child, "SIGKILL"), graceMs);
        child.once("exit", () => {
            clearTimeout(timer);
            // Whatever the child started in its group goes with it.
            if (child.pid !== undefined) {
                try {
                    process.kill(-child.pid, "SIGKILL");
                } catch {
                    // No process left in the group.
                }
            }
            resolve();
        });
        signalChild(child, "SIGTERM");
    });
}

/** SIGKILLs every child's process group at once (synchronous: usable in an exit handler). */
export function killAllChildren(): ChildEntry[] {
    const killed = runningChildren();
    for (const { child } of killed) signalChild(child, "SIGKILL");
    return killed;
}

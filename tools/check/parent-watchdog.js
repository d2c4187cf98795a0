// Preloaded (`node -r`) into every process the check starts: the program worker, the type-check
// and each policy pack. When the check that started the process is gone (killed outright, so it
// could not stop its children), the process kills its own process group within about half a
// second. It watches from a worker thread, because the main thread may be busy for seconds in one
// synchronous step (loading and compiling a pack, a cold type-check, a program's own loop), and a
// timer or an IPC "disconnect" event on the main thread waits for that step to end.
// The parent's pid comes in OFFLINE_CHECK_PARENT_PID, removed here so that nothing the program
// starts inherits it. Plain JavaScript: it must start before ts-node is loaded.
"use strict";

const INTERVAL_MS = 500;

const parentPid = Number(process.env.OFFLINE_CHECK_PARENT_PID);
delete process.env.OFFLINE_CHECK_PARENT_PID;

if (Number.isInteger(parentPid) && parentPid > 1) {
    const { Worker } = require("node:worker_threads");
    // The check spawns its children detached: each leads its own process group, so signalling the
    // group also stops what the child started. Not a group leader (run by hand): only itself.
    const watcher = `
        const { workerData: w } = require("node:worker_threads");
        const parentAlive = () => {
            // Re-parented (to init or a subreaper): the parent is gone, even if its pid was reused.
            if (process.ppid !== w.parentPid) return false;
            try {
                process.kill(w.parentPid, 0);
                return true;
            } catch (err) {
                return err.code === "EPERM";
            }
        };
        setInterval(() => {
            if (parentAlive()) return;
            try { process.kill(-w.pid, "SIGKILL"); } catch { /* not a group leader */ }
            process.kill(w.pid, "SIGKILL");
        }, w.intervalMs);
    `;
    const worker = new Worker(watcher, {
        eval: true,
        workerData: { parentPid, pid: process.pid, intervalMs: INTERVAL_MS },
        // Nothing of the process's own: no environment and, above all, none of its `-r` preloads,
        // which a worker inherits by default (the pack's preload, ts-node: seconds of loading and
        // more memory than this thread has, before its first check).
        env: {},
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
        stdout: false,
        stderr: false,
    });
    // The watcher never keeps the process alive, and its failure is not the process's failure.
    worker.unref();
    worker.on("error", (err) => {
        process.stderr.write(`offline check: the parent watchdog stopped (${err.message}); this process ends with its IPC channel instead\n`);
    });
}

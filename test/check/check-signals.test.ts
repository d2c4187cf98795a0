// No process outlives the check: SIGINT or SIGTERM to the CLI stops the program worker, the
// type-check and the policy packs (and exits 130 / 143), and a CLI killed outright (SIGKILL) leaves
// children that notice and exit on their own. The program used hangs (a timer keeps it busy), so
// that the check is mid-run when the signal arrives; an empty cache folder keeps the type-check
// running too.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ErrorReport } from "./run-cli";
import { CLI_ARGS, cliEnv, HOSTILE, REPO } from "./run-cli";

/** pid -> parent pid of every process (Linux /proc). */
function parents(): Map<number, number> {
    const map = new Map<number, number>();
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            // pid (comm) state ppid ...: comm may hold spaces and parentheses, the last ")" ends it.
            const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            map.set(Number(entry), Number(fields[1]));
        } catch {
            // Gone meanwhile.
        }
    }
    return map;
}

function descendants(pid: number): number[] {
    const all = parents();
    const found: number[] = [];
    const queue = [pid];
    while (queue.length > 0) {
        const p = queue.shift()!;
        for (const [child, parent] of all) {
            if (parent === p && !found.includes(child)) {
                found.push(child);
                queue.push(child);
            }
        }
    }
    return found;
}

/** Running (a zombie waiting to be reaped is not). */
function alive(pid: number): boolean {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch {
        return false;
    }
}

async function until(what: string, test: () => boolean, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}

interface SignalRun {
    code: number | null;
    stderr: string;
    children: number[];
    survivors: number[];
    errorReport?: ErrorReport;
}

/** Starts the CLI on the hanging program with the fixture pack, signals it once both children run. */
async function signalMidRun(signal: NodeJS.Signals, stack = "hang"): Promise<SignalRun> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-signal-"));
    const jsonFile = path.join(dir, "report.json");
    const args = [...CLI_ARGS, "--program", path.join(HOSTILE, "things"), "--stack", stack, "--policy-pack", path.join(HOSTILE, "pack"), "--json", jsonFile];
    const cli = spawn(process.execPath, args, { cwd: REPO, env: cliEnv({ OFFLINE_CHECK_CACHE_DIR: path.join(dir, "cache") }), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    cli.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.once("exit", (code) => resolve(code)));
    try {
        // The worker, the type-check and the pack (node processes the CLI started), all running.
        await until("the program worker, the type-check and the policy pack", () => descendants(cli.pid!).length >= 3, 90_000);
        // Let them get going (the pack loads its policies, the worker the program).
        await new Promise((r) => setTimeout(r, 1500));
        const children = descendants(cli.pid!);
        cli.kill(signal);
        const code = await exited;
        let survivors: number[] = [];
        try {
            // Each child's watchdog thread (tools/check/parent-watchdog.js) checks every 0.5 s,
            // even while the child's main thread is busy loading a pack or type-checking: 10 s is
            // a loaded machine's margin, not the expected time.
            await until("the children to exit", () => children.every((pid) => !alive(pid)), 10_000);
        } catch {
            survivors = children.filter(alive);
        }
        const errorReport = fs.existsSync(jsonFile) ? (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as ErrorReport) : undefined;
        return { code, stderr, children, survivors, errorReport };
    } finally {
        for (const pid of descendants(cli.pid!)) {
            try {
                process.kill(pid, "SIGKILL");
            } catch {
                // Gone.
            }
        }
        if (cli.exitCode === null) cli.kill("SIGKILL");
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("offline check: no child process outlives the check", function () {
    this.timeout(240_000);
    const runs: Partial<Record<NodeJS.Signals, SignalRun>> = {};
    let spinning: SignalRun | undefined;

    before(async () => {
        const [term, int] = await Promise.all([signalMidRun("SIGTERM"), signalMidRun("SIGINT")]);
        runs.SIGTERM = term;
        runs.SIGINT = int;
        [runs.SIGKILL, spinning] = await Promise.all([signalMidRun("SIGKILL"), signalMidRun("SIGKILL", "spin")]);
    });

    for (const [signal, code] of [
        ["SIGTERM", 143],
        ["SIGINT", 130],
    ] as const) {
        it(`stops the program worker and the policy pack on ${signal}, exits ${code} and writes the error report`, () => {
            const run = runs[signal]!;
            assert.ok(run.children.length >= 3, `children: ${run.children.join(", ")}`);
            assert.deepEqual(run.survivors, [], `still running after ${signal}: ${run.survivors.join(", ")}`);
            assert.equal(run.code, code, run.stderr);
            assert.match(run.stderr, new RegExp(`error: interrupted by ${signal}`));
            assert.match(run.errorReport?.error.message ?? "", new RegExp(`interrupted by ${signal}`));
        });
    }

    it("leaves no child running when the CLI itself is killed with SIGKILL (they watch their parent)", () => {
        const run = runs.SIGKILL!;
        assert.ok(run.children.length >= 3, `children: ${run.children.join(", ")}`);
        assert.deepEqual(run.survivors, [], `still running after SIGKILL of the CLI: ${run.survivors.join(", ")}`);
    });

    it("leaves no child running after a SIGKILL even when the program's main thread never yields (the watchdog is a thread of its own)", () => {
        const run = spinning!;
        assert.ok(run.children.length >= 3, `children: ${run.children.join(", ")}`);
        assert.deepEqual(run.survivors, [], `still running after SIGKILL of the CLI: ${run.survivors.join(", ")}`);
    });
});

// Benchmark of the offline check, side by side with a peer pack: the same CLI, on the same
// generated programs, with the stagecraft pack (policies/) and with AWSGuard (bench/peer/awsguard,
// see packs.ts), and plan-only for the start-up. It measures
// - start-up: the empty program with --no-typecheck; with type-checking on, from an empty cache
//   (a first CI run) and from the cache an earlier run left;
// - the cost per resource beyond start-up, at 5,000 resources (--no-typecheck);
// - peak memory (the largest sum of the resident memory of all the check's processes at one
//   instant, as the check samples it) at 5,000 and 10,000 resources, to show growth is linear.
// Each figure is the median of --runs runs (3), the packs interleaved so that load drift on a
// shared machine hits both alike; the load average is recorded. The generated programs are fixed
// (no randomness), so every run plans the same resources.
// Writes the result file (bench/results/check.json, rendered into the README by readme-table.ts)
// and prints the table and the verdicts; exits 1 when a full run misses a target.
// --quick: 200/400 resources, one run, no cold type-check (under a minute once the peer pack is
// installed; writes to the temp folder unless --out is given; it judges no target).
// Usage: npm run bench [-- --quick] [-- --runs 3] [-- --out FILE]
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generateProgram } from "./generate-program";
import { BENCH_PACKS, REPO, type BenchPack } from "./packs";
import { RESULT_FILE, summarise, verdicts, type BenchResult, type Measurement, type PackId, type PackInfo, type Scenario } from "./results";
import { runCheck, type RunSpec } from "./run-check";
import { renderTable } from "./table";

interface Options {
    quick: boolean;
    runs: number;
    out: string;
}

function readOptions(argv: string[]): Options {
    const known = new Set(["--quick", "--runs", "--out"]);
    for (let i = 0; i < argv.length; i++) {
        if (!known.has(argv[i])) throw new Error(`unknown option ${argv[i]} (allowed: --quick, --runs N, --out FILE)`);
        if (argv[i] !== "--quick") i++;
    }
    const value = (name: string) => {
        const i = argv.indexOf(name);
        if (i < 0) return undefined;
        if (argv[i + 1] === undefined) throw new Error(`${name} needs a value`);
        return argv[i + 1];
    };
    const quick = argv.includes("--quick");
    const runsText = value("--runs") ?? (quick ? "1" : "3");
    const runs = Number(runsText);
    if (!Number.isInteger(runs) || runs < 1 || runs > 15) throw new Error(`--runs ${runsText}: give a whole number from 1 to 15`);
    const out = path.resolve(value("--out") ?? (quick ? path.join(os.tmpdir(), "check-bench-quick.json") : RESULT_FILE));
    return { quick, runs, out };
}

function gitCommit(): string {
    try {
        const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim();
        const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: REPO, encoding: "utf8" }).trim() !== "";
        return dirty ? `${commit} (with uncommitted changes)` : commit;
    } catch {
        return "unknown";
    }
}

async function main(): Promise<void> {
    const opts = readOptions(process.argv.slice(2));
    const perResource = opts.quick ? 200 : 5000;
    const memory = opts.quick ? [200, 400] : [5000, 10000];
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-bench-"));
    const log = (line: string) => console.log(line);
    try {
        for (const pack of BENCH_PACKS) pack.prepare(log);
        const programs = new Map<number, string>();
        for (const n of [1, ...new Set([perResource, ...memory])]) {
            const dir = path.join(root, `program-${n}`);
            generateProgram(dir, n, path.join(REPO, "node_modules"));
            programs.set(n, dir);
        }
        const warmCache = path.join(root, "cache-warm");
        let coldCaches = 0;
        const spec = (pack: BenchPack | undefined, n: number, scenario: Scenario): RunSpec => ({
            programDir: programs.get(n)!,
            packDir: pack?.dir,
            typecheck: scenario === "startup-typecheck-cold" || scenario === "startup-typecheck-warm",
            cacheDir: scenario === "startup-typecheck-cold" ? path.join(root, `cache-cold-${coldCaches++}`) : warmCache,
            jsonFile: path.join(root, "report.json"),
        });

        const loadBefore = os.loadavg();
        console.log(
            `offline check benchmark${opts.quick ? " (quick)" : ""}: ${os.cpus().length} CPUs ${os.cpus()[0]?.model ?? ""}, Node ${process.version}, ` +
                `load ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, ${opts.runs} run(s) each`,
        );
        const info = new Map<PackId, PackInfo>([["none", { id: "none", label: "no pack", name: "", version: "", policies: 0 }]]);
        // Fills the warm type-check cache (and shows each pack runs) before anything is measured.
        for (const pack of BENCH_PACKS) {
            const { pack: reported } = await runCheck(spec(pack, 1, "startup-typecheck-warm"));
            if (!reported) throw new Error(`pack ${pack.dir} reported no policies: it did not run`);
            info.set(pack.id, { id: pack.id, label: pack.label, ...reported });
        }

        const plan: Array<{ scenario: Scenario; n: number; packs: Array<BenchPack | undefined> }> = [
            { scenario: "startup", n: 1, packs: [...BENCH_PACKS, undefined] },
            { scenario: "startup-typecheck-warm", n: 1, packs: BENCH_PACKS },
            ...(opts.quick ? [] : [{ scenario: "startup-typecheck-cold" as const, n: 1, packs: BENCH_PACKS }]),
            ...[...new Set([perResource, ...memory])].map((n) => ({ scenario: "size" as const, n, packs: BENCH_PACKS })),
        ];
        const measurements: Measurement[] = [];
        for (let run = 1; run <= opts.runs; run++) {
            for (const step of plan) {
                for (const pack of step.packs) {
                    const id: PackId = pack?.id ?? "none";
                    const { sample } = await runCheck(spec(pack, step.n, step.scenario));
                    let m = measurements.find((x) => x.pack === id && x.scenario === step.scenario && x.resources === step.n);
                    if (!m) measurements.push((m = { pack: id, scenario: step.scenario, resources: step.n, samples: [] }));
                    m.samples.push(sample);
                    console.log(
                        `run ${run}/${opts.runs}  ${id.padEnd(10)} ${step.scenario.padEnd(22)} ${String(sample.resources).padStart(6)} resources  ` +
                            `${(sample.wallMs / 1000).toFixed(2).padStart(6)} s  ${(sample.peakRssBytes / 1024 ** 2).toFixed(0).padStart(5)} MiB  load ${sample.load1.toFixed(2)}`,
                    );
                }
            }
        }
        const result: BenchResult = {
            schema: 1,
            date: new Date().toISOString(),
            commit: gitCommit(),
            quick: opts.quick,
            runs: opts.runs,
            sizes: { perResource, memory },
            machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", node: process.version, loadBefore, loadAfter: os.loadavg() },
            packs: [...BENCH_PACKS.map((p) => info.get(p.id)!), info.get("none")!],
            measurements,
        };
        fs.mkdirSync(path.dirname(opts.out), { recursive: true });
        fs.writeFileSync(opts.out, JSON.stringify(result, null, 2) + "\n");
        console.log(`\n${renderTable(result)}\n\nresult file: ${path.relative(process.cwd(), opts.out) || opts.out}`);
        if (!opts.quick) {
            const missed = verdicts(result, summarise(result, "stagecraft")).filter((v) => !v.met);
            if (missed.length > 0) process.exitCode = 1;
        }
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
});

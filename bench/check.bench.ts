// Benchmark of the offline check: generates programs of 100, 1,000 and 5,000 resources (and an
// empty one for the start-up cost) in a temp dir, runs `npm run check`'s CLI on each with the
// policies/ pack (or the fixture pack when policies/ is absent), and prints wall time and peak
// memory, split into start-up and per-resource cost. Peak memory is the largest sum of the
// resident memory of all the check's processes (CLI, program worker, policy packs) at one
// instant, as the check samples it; the per-process peaks are shown too.
// Targets: start-up < 6 s, < 1 ms per resource beyond it, < 1 GiB peak memory at 5,000.
// Usage: npm run bench [-- --sizes 100,1000,5000 --runs 1 --no-policy]
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Report } from "../tools/check";
import { generateProgram } from "./generate-program";

const REPO = path.resolve(__dirname, "..");
const CLI = path.join(REPO, "tools", "check", "cli.ts");

interface Sample {
    resources: number;
    wallMs: number;
    workerStartupMs: number;
    programMs: number;
    policyMs: number;
    peakRss: { cli: number; program: number; packs: number; total: number };
    mandatory: number;
    advisory: number;
}

function option(name: string, fallback: string): string {
    const i = process.argv.indexOf(name);
    return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function packArgs(): string[] {
    if (process.argv.includes("--no-policy")) return ["--no-policy"];
    const policies = path.join(REPO, "policies");
    if (fs.existsSync(path.join(policies, "PulumiPolicy.yaml"))) return ["--policy-pack", policies];
    return ["--policy-pack", path.join(REPO, "test", "fixtures", "policy-pack-ts")];
}

function runCheck(programDir: string, jsonFile: string): Promise<{ wallMs: number; report: Report }> {
    const started = process.hrtime.bigint();
    const args = ["-r", "ts-node/register/transpile-only", CLI, "--program", programDir, "--stack", "bench", ...packArgs(), "--json", jsonFile];
    return new Promise((resolve, reject) => {
        execFile(process.execPath, args, { cwd: REPO, maxBuffer: 256 * 1024 * 1024 }, (err, _stdout, stderr) => {
            const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
            const code = (err as { code?: number } | null)?.code ?? 0;
            if (code !== 0 && code !== 1) {
                reject(new Error(`check failed on ${programDir} (exit ${code}):\n${stderr}`));
                return;
            }
            resolve({ wallMs, report: JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Report });
        });
    });
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure(root: string, resources: number, runs: number): Promise<Sample> {
    const dir = path.join(root, `bench-${resources}`);
    generateProgram(dir, resources, path.join(REPO, "node_modules"));
    let best: Sample | undefined;
    for (let i = 0; i < runs; i++) {
        const { wallMs, report } = await runCheck(dir, path.join(root, `report-${resources}.json`));
        const rss = report.performance.peakRssBytes;
        const sample: Sample = {
            resources: report.summary.resources,
            wallMs,
            workerStartupMs: report.performance.workerStartupMs,
            programMs: report.performance.programMs,
            policyMs: report.performance.policyMs,
            peakRss: { cli: rss.cli, program: rss.program, packs: rss.policyPacks.reduce((a, b) => a + b, 0), total: rss.total },
            mandatory: report.summary.mandatory,
            advisory: report.summary.advisory,
        };
        if (!best || sample.wallMs < best.wallMs) best = sample;
    }
    return best!;
}

async function main(): Promise<void> {
    const sizes = option("--sizes", "100,1000,5000").split(",").map(Number);
    const runs = Number(option("--runs", "1"));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-bench-"));
    console.log(`offline check benchmark: ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, Node ${process.version}, policy: ${packArgs().join(" ")}`);
    try {
        const empty = await measure(root, 1, runs);
        const samples = [];
        for (const n of sizes) samples.push(await measure(root, n, runs));

        const header = ["resources", "wall", "per resource*", "program", "policy tail", "peak RSS (all)", "worker", "packs", "cli"];
        const rows = [empty, ...samples].map((s) => [
            String(s.resources),
            sec(s.wallMs),
            s === empty ? "(start-up)" : `${((s.wallMs - empty.wallMs) / (s.resources - empty.resources)).toFixed(2)} ms`,
            sec(s.programMs),
            sec(s.policyMs),
            mib(s.peakRss.total),
            mib(s.peakRss.program),
            mib(s.peakRss.packs),
            mib(s.peakRss.cli),
        ]);
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
        console.log(line(header));
        for (const r of rows) console.log(line(r));
        console.log("* (wall - start-up wall) / (resources - 1): the cost of each resource beyond the empty program");

        const largest = samples[samples.length - 1];
        const perResource = (largest.wallMs - empty.wallMs) / (largest.resources - empty.resources);
        const verdicts = [
            [`start-up ${sec(empty.wallMs)} < 6 s`, empty.wallMs < 6000],
            [`${perResource.toFixed(2)} ms per resource < 1 ms (at ${largest.resources})`, perResource < 1],
            [`peak memory ${mib(largest.peakRss.total)} < 1024 MiB (at ${largest.resources}, all processes together)`, largest.peakRss.total < 1024 ** 3],
        ] as const;
        for (const [text, ok] of verdicts) console.log(`${ok ? "PASS" : "MISS"}  ${text}`);
        process.exitCode = verdicts.every(([, ok]) => ok) ? 0 : 1;
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
});

// The README benchmark table is rendered from the bench's result file: the figures are the
// medians of the samples, the per-resource cost and memory growth are derived from them as the
// docs say, the verdicts follow the targets, only the text between the markers changes, and a
// file that is not a full run's result is refused.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BEGIN, END, readResult, spliceTable } from "../../bench/readme-table";
import { median, summarise, verdicts, type BenchResult, type Measurement, type PackId, type Scenario } from "../../bench/results";
import type { RunSample } from "../../bench/run-check";
import { renderTable } from "../../bench/table";

const MIB = 1024 ** 2;

function sample(wallMs: number, resources: number, peakMiB: number): RunSample {
    return { wallMs, resources, peakRssBytes: peakMiB * MIB, workerStartupMs: 0, programMs: 0, policyMs: 0, mandatory: 0, advisory: 0, load1: 1 };
}

function measurement(pack: PackId, scenario: Scenario, resources: number, samples: RunSample[]): Measurement {
    return { pack, scenario, resources, samples };
}

/** Three runs per figure; the middle value is the median, the others are far off so a mean would show. */
function result(stagecraftWall5000: number): BenchResult {
    const runs = (values: Array<[number, number, number]>) => values.map(([w, r, m]) => sample(w, r, m));
    return {
        schema: 1,
        date: "2026-12-04T11:00:00.000Z",
        commit: "abc1234",
        quick: false,
        runs: 3,
        sizes: { perResource: 5000, memory: [5000, 10000] },
        machine: { cpus: 2, model: "test CPU", node: "v20.0.0", loadBefore: [1, 1, 1], loadAfter: [2, 2, 2] },
        packs: [
            { id: "stagecraft", label: "stagecraft", name: "stagecraft", version: "0.1.0", policies: 54 },
            { id: "awsguard", label: "AWSGuard", name: "pulumi-awsguard", version: "0.3.1", policies: 26 },
            { id: "none", label: "no pack", name: "", version: "", policies: 0 },
        ],
        measurements: [
            measurement("stagecraft", "startup", 1, runs([[2000, 1, 400], [9000, 1, 400], [1000, 1, 400]])),
            measurement("stagecraft", "startup-typecheck-cold", 1, runs([[12000, 1, 700]])),
            measurement("stagecraft", "size", 5000, runs([[stagecraftWall5000, 4999, 900], [stagecraftWall5000 + 90000, 4999, 950], [1, 4999, 850]])),
            measurement("stagecraft", "size", 10000, runs([[9000, 9999, 1400]])),
            measurement("awsguard", "startup", 1, runs([[1500, 1, 380]])),
            measurement("awsguard", "size", 5000, runs([[6500, 4999, 800]])),
            measurement("none", "startup", 1, runs([[1200, 1, 300]])),
        ],
    };
}

describe("bench: README table from the result file", () => {
    it("derives start-up, per-resource cost and memory growth from the medians", () => {
        const s = summarise(result(4500), "stagecraft");
        assert.equal(s.startupMs, 2000);
        assert.equal(median([5, 1, 3, 2]), 2.5);
        // (4,500 − 2,000) ms over (4,999 − 1) resources.
        assert.ok(Math.abs(s.perResourceMs! - 2500 / 4998) < 1e-9);
        // Growth per resource 5,000→10,000 over 0→5,000: (1,400 − 900)/5,000 ÷ (900 − 400)/4,998.
        assert.ok(Math.abs(s.growthRatio! - (500 / 5000) / (500 / 4998)) < 1e-9);
    });

    it("shows every pack side by side, with the targets and the machine's load", () => {
        const table = renderTable(result(4000));
        assert.match(table, /^\|  \| stagecraft: 54 policies \| AWSGuard: 26 policies \| no pack \(plan only\) \| target \(stagecraft\) \|/);
        assert.match(table, /\| start-up: empty program, `--no-typecheck` \| 2\.00 s \| 1\.50 s \| 1\.20 s \| ≤ 2\.50 s \|/);
        assert.match(table, /\| per resource beyond start-up, at 5,000 \| 0\.40 ms \| 1\.00 ms \| — \| ≤ 0\.5 ms \|/);
        assert.match(table, /\| peak memory, 5,000 resources \| 900 MiB \| 800 MiB \| — \| < 1,024 MiB \|/);
        // No pack measured the warm type-check: the row is left out rather than shown empty.
        assert.doesNotMatch(table, /cached/);
        assert.match(table, /Median of 3 runs of commit abc1234 .*load average \(1, 5, 15 min\) 1\.00, 1\.00, 1\.00 before, 2\.00, 2\.00, 2\.00 after/);
    });

    it("says which targets are met and which are missed", () => {
        const met = verdicts(result(4000), summarise(result(4000), "stagecraft"));
        assert.deepEqual(met.map((v) => v.met), [true, true, true, true]);
        const slow = verdicts(result(8000), summarise(result(8000), "stagecraft"));
        assert.deepEqual(slow.map((v) => v.met), [true, false, true, true]);
        assert.match(renderTable(result(8000)), /- \*\*missed\*\*: 1\.20 ms per resource beyond start-up ≤ 0\.5 ms/);
    });

    it("replaces only the text between the markers, and the same table twice changes nothing", () => {
        const readme = `# Title\n\nbefore\n\n${BEGIN}\nold table\n${END}\n\nafter\n`;
        const once = spliceTable(readme, "| new |");
        assert.equal(once, `# Title\n\nbefore\n\n${BEGIN}\n| new |\n${END}\n\nafter\n`);
        assert.equal(spliceTable(once, "| new |"), once);
    });

    it("refuses a README without the markers once each and in order", () => {
        assert.throws(() => spliceTable("no markers", "t", "README.md"), /README\.md: the benchmark table needs the markers/);
        assert.throws(() => spliceTable(`${END}\n${BEGIN}`, "t"), /once each and in that order/);
        assert.throws(() => spliceTable(`${BEGIN}\n${END}\n${BEGIN}\n${END}`, "t"), /once each/);
    });

    it("refuses a quick run's result and a file that is not a result, naming the file", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-result-"));
        try {
            const quick = path.join(dir, "quick.json");
            fs.writeFileSync(quick, JSON.stringify({ ...result(4500), quick: true }));
            assert.throws(() => readResult(quick), new RegExp(`${quick.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: a --quick run`));
            const other = path.join(dir, "other.json");
            fs.writeFileSync(other, JSON.stringify({ schema: 2 }));
            assert.throws(() => readResult(other), /not a benchmark result of schema 1/);
            assert.throws(() => readResult(path.join(dir, "missing.json")), /cannot read the benchmark result/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

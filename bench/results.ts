// The benchmark's result file (bench/results/check.json) and what is derived from it: medians,
// start-up and per-resource cost, memory growth, and the verdicts against the targets of issue 14.
// Pure: the bench writes the file; the README table and its check read it.
import * as path from "node:path";
import type { RunSample } from "./run-check";

/** The committed result of the last full run, which the README table shows. */
export const RESULT_FILE = path.join(__dirname, "results", "check.json");

export type PackId = "stagecraft" | "awsguard" | "none";

/**
 * What a measurement is: the empty program with type-checking off, on with an empty cache
 * ("cold", a first run in CI) or on with the cache a previous run left ("warm"); or a program of
 * `resources` resources with type-checking off.
 */
export type Scenario = "startup" | "startup-typecheck-cold" | "startup-typecheck-warm" | "size";

export interface Measurement {
    pack: PackId;
    scenario: Scenario;
    /** Resources the program asked for (the plan's own count is in each sample). */
    resources: number;
    samples: RunSample[];
}

export interface PackInfo {
    id: PackId;
    label: string;
    /** Name, version and policy count as the pack reported them over the analyzer protocol. */
    name: string;
    version: string;
    policies: number;
}

export interface BenchResult {
    schema: 1;
    date: string;
    commit: string;
    quick: boolean;
    runs: number;
    /** The program sizes: per-resource cost is measured at `perResource`, memory at each of `memory`. */
    sizes: { perResource: number; memory: number[] };
    machine: { cpus: number; model: string; node: string; loadBefore: number[]; loadAfter: number[] };
    packs: PackInfo[];
    measurements: Measurement[];
}

/** Targets of issue 14 (item 6), for the full stagecraft pack. */
export const TARGETS = {
    startupMs: 2500,
    perResourceMs: 0.5,
    perResourceAt: 5000,
    peakRssBytes: 1024 ** 3,
    peakAt: 5000,
    /** Memory added from 5,000 to 10,000 resources over memory added from 0 to 5,000 (1 = linear); 10 % for sampling noise. */
    growthRatio: 1.1,
} as const;

export function median(values: number[]): number {
    if (values.length === 0) throw new Error("median of no values");
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function find(result: BenchResult, pack: PackId, scenario: Scenario, resources?: number): Measurement | undefined {
    return result.measurements.find((m) => m.pack === pack && m.scenario === scenario && (resources === undefined || m.resources === resources));
}

export interface PackSummary {
    pack: PackId;
    startupMs?: number;
    startupPeakRssBytes?: number;
    startupTypecheckColdMs?: number;
    startupTypecheckWarmMs?: number;
    /** Median wall time per program size, and the median plan size (resources in the report). */
    sizes: Array<{ resources: number; planned: number; wallMs: number; peakRssBytes: number }>;
    /** (wall at sizes.perResource − start-up) / (planned resources − start-up's planned resources). */
    perResourceMs?: number;
    /** Growth of peak memory from the middle size to the largest, over growth from start-up to the middle size, per resource. */
    growthRatio?: number;
}

export function summarise(result: BenchResult, pack: PackId): PackSummary {
    const med = (m: Measurement | undefined, pick: (s: RunSample) => number) => (m ? median(m.samples.map(pick)) : undefined);
    const startup = find(result, pack, "startup");
    const sizes = result.measurements
        .filter((m) => m.pack === pack && m.scenario === "size")
        .map((m) => ({
            resources: m.resources,
            planned: median(m.samples.map((s) => s.resources)),
            wallMs: median(m.samples.map((s) => s.wallMs)),
            peakRssBytes: median(m.samples.map((s) => s.peakRssBytes)),
        }))
        .sort((a, b) => a.resources - b.resources);
    const summary: PackSummary = {
        pack,
        startupMs: med(startup, (s) => s.wallMs),
        startupPeakRssBytes: med(startup, (s) => s.peakRssBytes),
        startupTypecheckColdMs: med(find(result, pack, "startup-typecheck-cold"), (s) => s.wallMs),
        startupTypecheckWarmMs: med(find(result, pack, "startup-typecheck-warm"), (s) => s.wallMs),
        sizes,
    };
    const at = sizes.find((s) => s.resources === result.sizes.perResource);
    if (startup && at && summary.startupMs !== undefined) {
        const base = median(startup.samples.map((s) => s.resources));
        summary.perResourceMs = (at.wallMs - summary.startupMs) / (at.planned - base);
    }
    const [mid, top] = result.sizes.memory.map((n) => sizes.find((s) => s.resources === n));
    const startupPeak = summary.startupPeakRssBytes;
    if (startup && mid && top && startupPeak !== undefined) {
        const base = median(startup.samples.map((s) => s.resources));
        const low = (mid.peakRssBytes - startupPeak) / (mid.planned - base);
        const high = (top.peakRssBytes - mid.peakRssBytes) / (top.planned - mid.planned);
        summary.growthRatio = low > 0 ? high / low : undefined;
    }
    return summary;
}

export interface Verdict {
    text: string;
    met: boolean;
}

/** The targets judged on a full run's stagecraft summary (a quick run's sizes are too small to judge). */
export function verdicts(result: BenchResult, s: PackSummary): Verdict[] {
    const out: Verdict[] = [];
    const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const mib = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MiB`;
    if (s.startupMs !== undefined) {
        out.push({ text: `start-up ${sec(s.startupMs)} ≤ ${sec(TARGETS.startupMs)} (empty program, --no-typecheck)`, met: s.startupMs <= TARGETS.startupMs });
    }
    if (s.perResourceMs !== undefined && result.sizes.perResource === TARGETS.perResourceAt) {
        out.push({
            text: `${s.perResourceMs.toFixed(2)} ms per resource beyond start-up ≤ ${TARGETS.perResourceMs} ms (at ${TARGETS.perResourceAt.toLocaleString("en-US")})`,
            met: s.perResourceMs <= TARGETS.perResourceMs,
        });
    }
    const at = s.sizes.find((x) => x.resources === TARGETS.peakAt);
    if (at) {
        out.push({ text: `peak memory ${mib(at.peakRssBytes)} < ${mib(TARGETS.peakRssBytes)} (at ${TARGETS.peakAt.toLocaleString("en-US")}, all processes)`, met: at.peakRssBytes < TARGETS.peakRssBytes });
    }
    if (s.growthRatio !== undefined) {
        const [mid, top] = result.sizes.memory.map((n) => n.toLocaleString("en-US"));
        out.push({
            text: `memory growth ${mid}→${top} per resource is ${s.growthRatio.toFixed(2)}× the growth up to ${mid} (≤ ${TARGETS.growthRatio}: no worse than linear)`,
            met: s.growthRatio <= TARGETS.growthRatio,
        });
    }
    return out;
}

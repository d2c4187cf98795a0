// The benchmark table (Markdown), rendered from a result file: one column per pack, one row per
// figure, the targets beside them. The same text goes to the console and into the README.
import { TARGETS, summarise, verdicts, type BenchResult, type PackSummary } from "./results";

const sec = (ms: number | undefined) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);
const mib = (bytes: number | undefined) => (bytes === undefined ? "—" : `${Math.round(bytes / 1024 ** 2).toLocaleString("en-US")} MiB`);
const count = (n: number) => n.toLocaleString("en-US");

export function renderTable(result: BenchResult): string {
    const packs = result.packs.map((p) => ({ info: p, summary: summarise(result, p.id) }));
    const at = (s: PackSummary, n: number) => s.sizes.find((x) => x.resources === n);
    const [mid, top] = result.sizes.memory;
    const header = ["", ...packs.map((p) => (p.info.id === "none" ? "no pack (plan only)" : `${p.info.label}: ${p.info.policies} policies`)), "target (stagecraft)"];
    const rows: string[][] = [
        ["start-up: empty program, `--no-typecheck`", ...packs.map((p) => sec(p.summary.startupMs)), `≤ ${sec(TARGETS.startupMs)}`],
        ["start-up, type-checking on, cold cache", ...packs.map((p) => sec(p.summary.startupTypecheckColdMs)), ""],
        ["start-up, type-checking on, cached", ...packs.map((p) => sec(p.summary.startupTypecheckWarmMs)), ""],
        [`wall time, ${count(result.sizes.perResource)} resources`, ...packs.map((p) => sec(at(p.summary, result.sizes.perResource)?.wallMs)), ""],
        [
            `per resource beyond start-up, at ${count(result.sizes.perResource)}`,
            ...packs.map((p) => (p.summary.perResourceMs === undefined ? "—" : `${p.summary.perResourceMs.toFixed(2)} ms`)),
            `≤ ${TARGETS.perResourceMs} ms`,
        ],
        ["peak memory, empty program (all processes)", ...packs.map((p) => mib(p.summary.startupPeakRssBytes)), ""],
        ...result.sizes.memory.map((n) => [
            `peak memory, ${count(n)} resources`,
            ...packs.map((p) => mib(at(p.summary, n)?.peakRssBytes)),
            n === TARGETS.peakAt ? "< 1,024 MiB" : "",
        ]),
        [
            `memory growth per resource ${count(mid)}→${count(top)} ÷ 0→${count(mid)}`,
            ...packs.map((p) => (p.summary.growthRatio === undefined ? "—" : p.summary.growthRatio.toFixed(2))),
            `≤ ${TARGETS.growthRatio} (linear)`,
        ],
    ].filter((row) => row.slice(1, -1).some((cell) => cell !== "—"));
    const lines = [
        `| ${header.join(" | ")} |`,
        `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
        ...rows.map((r) => `| ${r.join(" | ")} |`),
    ];
    const stagecraft = packs.find((p) => p.info.id === "stagecraft");
    const judged = stagecraft && !result.quick ? verdicts(result, stagecraft.summary) : [];
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
    return [
        ...lines,
        "",
        `${result.quick ? "Quick run (`--quick`: sizes too small to judge the targets)" : result.runs === 1 ? "One run" : `Median of ${result.runs} runs`} of commit ${result.commit} on ${result.date.slice(0, 10)}: ` +
            `${result.machine.cpus} vCPUs (${result.machine.model}), Node ${result.machine.node}; load average (1, 5, 15 min) ${load(result.machine.loadBefore)} before, ${load(result.machine.loadAfter)} after (a shared machine).`,
        ...(judged.length > 0 ? ["", ...judged.map((v) => `- ${v.met ? "met" : "**missed**"}: ${v.text}`)] : []),
    ].join("\n");
}

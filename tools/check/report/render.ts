// Text output in the style of `pulumi preview`: the resource tree by component with its plan,
// then the violations grouped by enforcement level, outputs, notes and the counts.
import { renderComparison } from "../compare/render";
import type { Json } from "../engine/types";
import { describeDifference } from "./mode-diff";
import type { Report, ReportResource, ReportViolation } from "./model";
import { failingIntents, renderIntents } from "../../analyze/intents/render";
import { byUseLines, unpricedLines, usd } from "../../../policies/lib/pricing/estimate";

/** aws:ec2/securityGroup:SecurityGroup -> aws:ec2:SecurityGroup, as the CLI displays types. */
export function displayType(type: string): string {
    const m = /^([^:]+):([^/:]+)\/[^:]+:([^:]+)$/.exec(type);
    return m ? `${m[1]}:${m[2]}:${m[3]}` : type;
}

interface Row {
    prefix: string;
    r: ReportResource;
}

function treeRows(all: ReportResource[]): Row[] {
    // A preview neither shows nor counts the engine's default providers.
    const resources = all.filter((r) => !r.defaultProvider);
    const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const children = new Map<string, ReportResource[]>();
    const roots: ReportResource[] = [];
    const known = new Set(resources.map((r) => r.urn));
    for (const r of resources) {
        if (r === stack) continue;
        const parent = r.parent && known.has(r.parent) ? r.parent : stack?.urn;
        if (!parent) {
            roots.push(r);
            continue;
        }
        const list = children.get(parent) ?? [];
        list.push(r);
        children.set(parent, list);
    }
    const rows: Row[] = [];
    const walk = (r: ReportResource, indent: string, last: boolean, top: boolean) => {
        rows.push({ prefix: top ? "" : `${indent}${last ? "└─ " : "├─ "}`, r });
        const kids = children.get(r.urn) ?? [];
        const nextIndent = top ? "" : `${indent}${last ? "   " : "│  "}`;
        kids.forEach((k, i) => walk(k, nextIndent, i === kids.length - 1, false));
    };
    if (stack) walk(stack, "", true, true);
    roots.forEach((r) => walk(r, "", true, true));
    return rows;
}

function info(r: ReportResource, report: Report): string {
    const parts: string[] = [];
    const mine = report.violations.filter((v) => v.urn === r.urn);
    for (const level of ["mandatory", "remediate", "advisory"] as const) {
        const n = mine.filter((v) => v.enforcementLevel === level).length;
        if (n > 0) parts.push(`${n} ${level === "remediate" ? "remediated" : level}`);
    }
    const notes = report.previewNotes.filter((v) => v.urn === r.urn).length;
    if (notes > 0) parts.push(`${notes} not known in preview`);
    if (r.protect) parts.push("protected");
    if (r.remote) {
        const assessed = report.remoteComponents.find((c) => c.urn === r.urn);
        parts.push(assessed?.policyRelevant && report.policiesRun ? "not inspected offline (incomplete)" : "not inspected offline");
    }
    if (r.read) parts.push("read");
    return parts.join(", ");
}

/** How the text report is drawn. */
export interface RenderOptions {
    /** ANSI colours for levels and the result (see colorWanted). */
    color?: boolean;
    /** Output values in full instead of shortened to one line of 120 characters. */
    showOutputs?: boolean;
}

const SHORT = 120;

function formatValue(value: Json, full: boolean): string {
    const text = JSON.stringify(value);
    return !full && text.length > SHORT ? `${text.slice(0, SHORT - 3)}...` : text;
}

type Paint = (text: string) => string;
const ansi = (code: number): Paint => (text) => `\x1b[${code}m${text}\x1b[0m`;
const PLAIN: Record<"red" | "yellow" | "green" | "bold", Paint> = { red: (t) => t, yellow: (t) => t, green: (t) => t, bold: (t) => t };
const COLORS: Record<"red" | "yellow" | "green" | "bold", Paint> = { red: ansi(31), yellow: ansi(33), green: ansi(32), bold: ansi(1) };

/**
 * Whether to colour the report: `--color always|never`, else (auto) only on a terminal, never
 * with NO_COLOR set to anything (https://no-color.org) or on a dumb terminal.
 */
export function colorWanted(choice: "auto" | "always" | "never", isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
    if (choice !== "auto") return choice === "always";
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
    return isTTY === true && env.TERM !== "dumb";
}

function violationBlock(v: ReportViolation): string[] {
    const resource = v.urn ? `${displayType(v.type)} ${v.name}` : "(stack)";
    const lines = [`    - [${v.policyPack}@v${v.policyPackVersion}] ${v.policy}  (${resource})`];
    for (const line of v.message.split("\n")) lines.push(`        ${line}`);
    const difference = describeDifference(v);
    if (difference) lines.push(`        ↳ ${difference}`);
    return lines;
}

export function renderReport(report: Report, options: RenderOptions = {}): string {
    const paint = options.color === true ? COLORS : PLAIN;
    const out: string[] = [];
    out.push(
        report.mode === "apply"
            ? `Planning update (${report.stack}) in apply mode — offline check of project ${report.project}, no cloud calls; computed values generated as \`pulumi up\` would give them`
            : `Previewing update (${report.stack}) — offline check of project ${report.project}, no cloud calls`,
    );
    out.push(`    program ${report.programDir}`);
    out.push("");
    const rows = treeRows(report.resources);
    const typeWidth = Math.max(4, ...rows.map((row) => row.prefix.length + displayType(row.r.type).length)) + 2;
    const nameWidth = Math.max(4, ...rows.map((row) => row.r.name.length)) + 2;
    out.push(`     ${"Type".padEnd(typeWidth)}${"Name".padEnd(nameWidth)}${"Plan".padEnd(11)}Info`);
    for (const row of rows) {
        const plan = row.r.read ? "read" : "create";
        const sign = row.r.read ? ">" : "+";
        const text = `${row.prefix}${displayType(row.r.type)}`;
        out.push(` ${sign}   ${text.padEnd(typeWidth)}${row.r.name.padEnd(nameWidth)}${plan.padEnd(11)}${info(row.r, report)}`.trimEnd());
    }

    const groups: Array<[string, ReportViolation[]]> = [
        [paint.red("Mandatory"), report.violations.filter((v) => v.enforcementLevel === "mandatory")],
        ["Remediated", report.violations.filter((v) => v.enforcementLevel === "remediate")],
        [paint.yellow("Advisory"), report.violations.filter((v) => v.enforcementLevel === "advisory")],
    ];
    if (report.policiesRun) {
        out.push("");
        out.push("Policy violations:");
        if (report.violations.length === 0) {
            out.push("    none");
        }
        for (const [label, list] of groups) {
            if (list.length === 0) continue;
            out.push(`  ${label} (${list.length}):`);
            for (const v of list) out.push(...violationBlock(v));
        }
        const previewOnly = report.previewComparison?.previewOnly ?? [];
        if (previewOnly.length > 0) {
            out.push("");
            out.push(`Only in the preview (${previewOnly.length}): \`pulumi up\` previews first, so a mandatory one stops it there`);
            for (const v of previewOnly) out.push(...violationBlock(v));
        }
        if (report.previewNotes.length > 0) {
            out.push("");
            out.push(
                report.mode === "apply"
                    ? `Still not known in apply mode (${report.previewNotes.length}): values only AWS chooses, or outputs the check does not generate; the policies judge them during pulumi up`
                    : `Not known during preview (${report.previewNotes.length}): not violations; the policies judge these values during pulumi up`,
            );
            for (const v of report.previewNotes) out.push(...violationBlock(v));
        }
    }

    out.push(...renderIntents(report.intents ?? []));

    const outputs = Object.entries(report.outputs);
    if (outputs.length > 0) {
        out.push("");
        out.push("Outputs:");
        const full = options.showOutputs === true;
        for (const [k, v] of outputs) out.push(`    ${k}: ${formatValue(v, full)}`);
        const shortened = full ? 0 : outputs.filter(([, v]) => JSON.stringify(v).length > SHORT).length;
        if (shortened > 0) out.push(`    (${shortened === 1 ? "1 value" : `${shortened} values`} shortened: --show-outputs prints them in full)`);
    }
    if (report.warnings.length > 0) {
        out.push("");
        out.push("Warnings (logged by the program):");
        for (const w of report.warnings) out.push(`    warning: ${w}`);
    }
    if (report.notes.length > 0) {
        out.push("");
        out.push("Notes:");
        for (const n of report.notes) out.push(`    - ${n}`);
    }

    if (report.comparison) out.push(...renderComparison(report.comparison));

    out.push(...renderCost(report.cost));

    out.push("");
    out.push("Resources:");
    const protectedCount = report.resources.filter((r) => r.protect).length;
    out.push(`    + ${report.summary.resources} to create${protectedCount ? ` (${protectedCount} protected)` : ""}`);
    out.push("");
    const packs = report.policyPacks.map((p) => `${p.name}@v${p.version}`).join(", ");
    if (report.policiesRun) {
        out.push(
            `Policies: ${report.summary.mandatory} mandatory, ${report.summary.advisory} advisory, ${report.summary.remediate} remediated, ` +
                `${report.summary.previewNotes} not known ${report.mode === "apply" ? "in apply mode" : "during preview"} — ${packs}`,
        );
        const cmp = report.previewComparison;
        if (cmp) {
            out.push(
                `Against preview mode: ${plural(cmp.differing, "verdict")} only \`pulumi up\` gives (${cmp.wouldFailDuringUp} would fail during \`pulumi up\`), ` +
                    `${cmp.notesJudged} of the preview's ${cmp.previewNotes} "not known during preview" notes judged, ${cmp.previewOnly.length} only in the preview`,
            );
        }
    } else {
        out.push("Policies: not run (plan only)");
    }
    const result = resultLine(report);
    out.push(result.startsWith("Result: FAILED") ? paint.red(result) : result.startsWith("Result: incomplete") ? paint.yellow(result) : paint.green(result));
    return out.join("\n") + "\n";
}

/** The monthly estimate per component, its total, and what is priced by use or could not be priced. */
function renderCost(cost: Report["cost"]): string[] {
    if (cost.lines.length === 0) return [];
    const unpriced = unpricedLines(cost.lines);
    const byUse = byUseLines(cost.lines);
    const where = cost.regionPriced
        ? `${cost.region}${cost.regionFactor === 1 ? "" : `, hourly prices × ${cost.regionFactor} of us-east-1`}`
        : `${cost.region} is not in the price table: priced as us-east-1`;
    const out = ["", `Cost estimate (USD a month, on demand, ${where}; prices read ${cost.pricesRead}):`];
    const nameWidth = Math.max(...cost.groups.map((g) => g.name.length)) + 2;
    for (const g of cost.groups) {
        const extra = [g.byUse > 0 ? `${g.byUse} by use` : "", g.unpriced > 0 ? `${g.unpriced} not priced` : ""].filter(Boolean).join(", ");
        out.push(`    ${g.name.padEnd(nameWidth)}${usd(g.monthlyUsd).padStart(10)}${extra ? `   (+ ${extra})` : ""}`);
    }
    out.push(`    ${"total".padEnd(nameWidth)}${usd(cost.monthlyUsd).padStart(10)}${unpriced.length > 0 ? "   (a lower bound: see below)" : ""}`);
    if (byUse.length > 0) {
        const types = [...new Set(byUse.map((l) => displayType(l.type)))];
        out.push(`    plus by use (${byUse.length} resources): ${types.join(", ")}`);
    }
    for (const l of unpriced) out.push(`    not priced: ${displayType(l.type)} ${l.name}: ${l.reason}`);
    return out;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function resultLine(report: Report): string {
    const blocking = report.comparison?.counts.blocking ?? 0;
    const previewOnly = (report.previewComparison?.previewOnly ?? []).filter((v) => v.enforcementLevel === "mandatory").length;
    const wouldFail = report.previewComparison?.wouldFailDuringUp ?? 0;
    const failures = [
        report.summary.mandatory > 0
            ? `${plural(report.summary.mandatory, "mandatory policy violation")}${wouldFail > 0 ? ` (${wouldFail} would fail during \`pulumi up\`, not in its preview)` : ""}`
            : "",
        previewOnly > 0 ? `${plural(previewOnly, "mandatory policy violation")} only in the preview` : "",
        failingIntents(report.intents).length > 0 ? plural(failingIntents(report.intents).length, "intent") + " not proved" : "",
        blocking > 0 ? `${blocking} stateful or protected resource${blocking === 1 ? "" : "s"} replaced or deleted (or a running service scaled to zero)` : "",
    ].filter(Boolean);
    if (report.result === "failed" || failures.length > 0) return `Result: FAILED — ${failures.join(", ")}`;
    const clean = `no mandatory policy violation${report.comparison ? ", nothing stateful replaced or deleted" : ""}`;
    if (report.result === "incomplete") {
        const hidden = report.remoteComponents.filter((c) => c.policyRelevant).map((c) => `${c.type} ${c.name}`);
        return `Result: incomplete — ${clean} in what the check could see; ${plural(hidden.length, "remote component")} ` +
            `hide${hidden.length === 1 ? "s" : ""} resources policies judge (${hidden.join(", ")}): a real preview inspects them`;
    }
    return `Result: passed — ${clean}`;
}

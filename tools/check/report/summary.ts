// A Markdown summary of a check for CI: `--summary FILE`, and GitHub's job summary
// ($GITHUB_STEP_SUMMARY) when that is set. The counts, what fails the run (mandatory violations,
// intents not proved, stateful resources lost), the cost per component, and the text report in a
// collapsed block. Every value from the plan is text to show, never Markdown to interpret.
import type { Report, ReportViolation } from "./model";
import { failingIntents } from "../../analyze/intents/render";
import { planGraph, toMermaid } from "./graph";
import { displayType } from "./render";
import { byUseLines, unpricedLines, usd } from "../../../policies/lib/pricing/estimate";

/** Plan-supplied text inside a Markdown table cell or list item: no markup, no HTML, one line. */
export function markdownText(text: string): string {
    return text
        .replace(/[\r\n\u2028\u2029]+/g, " ")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        // Inside a table cell or after a list marker only these are markup (a leading "-" or "#"
        // cannot occur: the text never starts a line).
        .replace(/([\\`*_[\]|~])/g, "\\$1")
        .trim();
}

/** Text for a fenced block: a fence longer than any backtick run inside it. */
function fenced(text: string, lang = "text"): string[] {
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
    const fence = "`".repeat(longest + 1);
    return [`${fence}${lang}`, text.replace(/\n$/, ""), fence];
}

function firstLine(v: ReportViolation): string {
    // The message repeats the policy description on its first line; the finding follows it.
    const lines = v.message.split("\n").map((l) => l.trim()).filter(Boolean);
    return lines.length > 1 ? lines.slice(1).join(" ") : lines[0] ?? "";
}

function title(report: Report): string {
    const failed = report.result === "failed" || report.summary.mandatory > 0 || failingIntents(report.intents).length > 0 || (report.comparison?.counts.blocking ?? 0) > 0;
    const result = failed ? "❌ failed" : report.result === "incomplete" ? "⚠️ incomplete" : "✅ passed";
    return `## Offline check of ${markdownText(report.project)} / ${markdownText(report.stack)}: ${result}`;
}

/** The summary of a finished check; `text` is the text report, shown collapsed. */
export function renderSummary(report: Report, text: string): string {
    const out: string[] = [title(report), ""];
    out.push(report.mode === "apply"
        ? "Planned offline in apply mode (computed values generated, as `pulumi up` gives them) with the preview beside it; no cloud calls."
        : "Planned offline as `pulumi preview` would; no cloud calls.");
    out.push("");
    const intents = report.intents ?? [];
    const failing = failingIntents(intents);
    const rows: [string, string][] = [
        ["Resources", String(report.summary.resources)],
        ["Mandatory violations", String(report.summary.mandatory)],
        ["Advisory violations", String(report.summary.advisory)],
        [report.mode === "apply" ? "Not known in apply mode" : "Not known during preview", String(report.summary.previewNotes)],
    ];
    if (!report.policiesRun) rows.splice(1, 3, ["Policies", "not run (plan only)"]);
    if (intents.length > 0) rows.push(["Intents proved", `${intents.length - failing.length} of ${intents.length}`]);
    if (report.comparison) rows.push(["Stateful or protected resources replaced or deleted", String(report.comparison.counts.blocking)]);
    const byUse = byUseLines(report.cost.lines).length;
    const unpriced = unpricedLines(report.cost.lines).length;
    rows.push(["Estimated cost", `${usd(report.cost.monthlyUsd)} a month${unpriced > 0 ? " at least" : ""} (on demand, ${markdownText(report.cost.region)}; ${byUse} resources also by use)`]);
    out.push("| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`), "");

    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
    if (mandatory.length > 0) {
        out.push(`### Mandatory violations (${mandatory.length})`, "", "| Policy | Resource | What is wrong |", "|---|---|---|");
        for (const v of mandatory) {
            const resource = v.urn ? `${displayType(v.type)} ${v.name}` : "(stack)";
            out.push(`| ${markdownText(v.policy)} | ${markdownText(resource)} | ${markdownText(firstLine(v))} |`);
        }
        out.push("");
    }
    if (failing.length > 0) {
        out.push(`### Intents not proved (${failing.length})`, "");
        for (const i of failing) out.push(`- **${markdownText(i.id)}** (${i.status}): ${markdownText(i.question)}: ${markdownText(i.explanation)}`);
        out.push("");
    }
    if ((report.comparison?.counts.blocking ?? 0) > 0) {
        out.push("### Upgrade safety", "", "Stateful or protected resources this change would replace or delete: see the report below (`--compare-to`).", "");
    }
    if (report.cost.groups.length > 0) {
        out.push("### Cost per component (USD a month, on demand)", "", "| Component | Priced | By use | Not priced |", "|---|---:|---:|---:|");
        for (const g of report.cost.groups) out.push(`| ${markdownText(g.name)} | ${usd(g.monthlyUsd)} | ${g.byUse} | ${g.unpriced} |`);
        out.push(`| **total** | **${usd(report.cost.monthlyUsd)}** | | |`, "");
    }
    const graph = planGraph(report.resources);
    if (graph.nodes.length > 0) {
        out.push("<details><summary>Architecture (from the plan)</summary>", "", ...fenced(toMermaid(graph), "mermaid"), "", "</details>", "");
    }
    out.push("<details><summary>Full report</summary>", "", ...fenced(text), "", "</details>", "");
    return out.join("\n");
}

/** The summary of a run that failed before it had a report (exit 2). */
export function renderErrorSummary(names: { stack?: string; programDir?: string }, message: string): string {
    return [
        `## Offline check${names.stack ? ` of stack ${markdownText(names.stack)}` : ""}: ❌ error`,
        "",
        "The check could not finish (exit 2):",
        "",
        ...fenced(message),
        "",
    ].join("\n");
}

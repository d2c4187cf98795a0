// A stack's (or one of its components') itemised monthly cost, for the README's phase sections:
// every priced resource of the plan with how it was priced, grouped by the component under the
// stack, the total, and what AWS bills by use on top. The figures are the offline check's own
// estimate (policies/lib/pricing), so the README and the check cannot disagree.
import type { ReportResource } from "../check/report/model";
import { displayType } from "../check/report/render";
import { topComponent } from "../check/report/top-component";
import { type CostLine, type PricedLine, cents, usd } from "../../policies/lib/pricing/estimate";
import type { StackPlan } from "./stacks";
import { tableCell } from "../lib/markdown";

/** More priced rows than this fold the table into a <details> block. */
const OPEN_ROWS = 12;


/** The component under the stack each line's resource belongs to ("(stack)" for none). */
function ownerOf(plan: StackPlan): (line: CostLine) => ReportResource | undefined {
    const byUrn = new Map(plan.report.resources.map((r) => [r.urn, r]));
    return (line) => {
        const r = byUrn.get(line.urn);
        return r === undefined ? undefined : topComponent(r, byUrn);
    };
}

/** "aws:s3:Bucket ×3: storage and requests" per type, for the lines billed by use. */
export function byUseSummary(lines: readonly CostLine[]): string[] {
    const byType = new Map<string, { count: number; what: Set<string> }>();
    for (const l of lines) {
        const what = l.kind === "by-use" ? l.byUse : l.kind === "priced" ? l.byUse : undefined;
        if (what === undefined) continue;
        const entry = byType.get(l.type) ?? { count: 0, what: new Set<string>() };
        entry.count++;
        entry.what.add(what);
        byType.set(l.type, entry);
    }
    return [...byType].sort(([a], [b]) => a.localeCompare(b))
        .map(([type, e]) => `${displayType(type)}${e.count > 1 ? ` ×${e.count}` : ""}: ${[...e.what].join("; ")}`);
}

/**
 * The itemised cost of `plan`, or of its components of type `componentType` only (e.g. the mTLS
 * API inside the prod stack).
 */
export function renderCost(plan: StackPlan, componentType?: string): string {
    const owner = ownerOf(plan);
    const lines = plan.report.cost.lines.filter((l) => componentType === undefined || owner(l)?.type === componentType);
    if (componentType !== undefined && lines.length === 0) {
        throw new Error(`the ${plan.stack} stack has no ${componentType} component to price`);
    }
    const priced = lines.filter((l): l is PricedLine => l.kind === "priced")
        .map((l) => ({ l, part: owner(l)?.name ?? "(stack)" }))
        .sort((a, b) => a.part.localeCompare(b.part) || b.l.monthlyUsd - a.l.monthlyUsd || a.l.name.localeCompare(b.l.name));
    const total = cents(priced.reduce((sum, p) => sum + p.l.monthlyUsd, 0));
    const unpriced = lines.filter((l) => l.kind === "unpriced");
    const cost = plan.report.cost;
    const where = `${cost.region} on demand, prices read ${cost.pricesRead}`;
    const head = componentType === undefined
        ? `The \`${plan.stack}\` stack plans ${plan.report.summary.resources} resources; what they cost before traffic (${where}):`
        : `The \`${plan.stack}\` stack's ${componentType} component costs this before traffic (${where}):`;
    const table = [
        "| part | resource | priced as | USD/month |",
        "|---|---|---|---:|",
        ...priced.map(({ l, part }) => `| ${tableCell(part)} | ${tableCell(`${l.name} (${displayType(l.type)})`)} | ${tableCell(l.basis)} | ${l.monthlyUsd.toFixed(2)} |`),
        `| **total** | ${priced.length} priced resources | | **${total.toFixed(2)}** |`,
    ];
    const out = [head, ""];
    if (priced.length > OPEN_ROWS) out.push(`<details><summary>${usd(total)} a month: the ${priced.length} priced resources</summary>`, "", ...table, "", "</details>");
    else out.push(...table);
    const byUse = byUseSummary(lines);
    if (byUse.length > 0) out.push("", `Billed by use on top: ${byUse.join("; ")}.`);
    if (unpriced.length > 0) out.push("", `Not priced (${unpriced.length}): ${unpriced.map((l) => `${l.name}: ${l.kind === "unpriced" ? l.reason : ""}`).join("; ")}.`);
    return out.join("\n");
}

// The "Upgrade safety" section of the check's text output (--compare-to).
import type { Comparison, PlanChange } from "./compare";

const MARK: Record<PlanChange["kind"], string> = { delete: "-", replace: "+-", alias: "~", create: "+", "scale-to-zero": "0" };

function block(c: PlanChange): string[] {
    const what = [c.holds !== undefined ? `stateful: holds ${c.holds}` : "", c.protect ? "protected" : "", c.accepted ? "acknowledged (--accept-replace)" : ""]
        .filter(Boolean).join("; ");
    const lines = [`    ${c.blocking ? "✗" : " "} ${MARK[c.kind].padEnd(2)} ${c.kind.padEnd(7)} ${c.type}  ${c.name}${what ? `  (${what})` : ""}`, `          ${c.urn}`];
    for (const r of c.reasons) lines.push(`          ${r}`);
    if (c.blocking && c.fix) lines.push(`          fix: ${c.fix}`);
    return lines;
}

export function renderComparison(cmp: Comparison & { note?: string }): string[] {
    const c = cmp.counts;
    const out = [
        "",
        `Upgrade safety (compared with ${cmp.base}): ${c.replace} replaced, ${c.delete} deleted, ${c.alias} kept through aliases, ${c.create} created${c["scale-to-zero"] > 0 ? `, ${c["scale-to-zero"]} scaled to zero` : ""}`,
    ];
    if (cmp.note) out.push(`    ${cmp.note}`);
    // Every delete and replace is listed (stateless ones too: a real preview shows them); creates and aliases are counted.
    const listed = cmp.changes.filter((x) => x.kind === "delete" || x.kind === "replace" || x.kind === "scale-to-zero" || (x.kind === "alias" && (x.holds !== undefined || x.protect)));
    for (const x of listed) out.push(...block(x));
    if (c.blocking > 0) {
        out.push(`    ${c.blocking} stateful or protected resource${c.blocking === 1 ? "" : "s"} would be replaced or deleted, or a running service scaled to zero: declare aliases where a URN changed, or acknowledge with --accept-replace <urn>`);
    }
    return out;
}

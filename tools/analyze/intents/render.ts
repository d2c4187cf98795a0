// The "Intents" section of the check's text report.
import type { IntentResult } from "./prove";

export function renderIntents(results: readonly IntentResult[]): string[] {
    if (results.length === 0) return [];
    const counts = (s: IntentResult["status"]) => results.filter((r) => r.status === s).length;
    const lines = ["", `Intents (${counts("proved")} proved, ${counts("violated")} violated, ${counts("undecided")} undecided offline):`];
    for (const r of results) {
        const mark = r.status === "proved" ? "✓" : r.status === "violated" ? "✗" : "?";
        lines.push(`    ${mark} ${r.id} [${r.expect}] ${r.question}  (${r.source})`);
        lines.push(`        ${r.status}: ${r.explanation}`);
    }
    return lines;
}

/** Intents that fail the run: violated, or not decidable offline (nothing unproved passes). */
export function failingIntents(results: readonly IntentResult[] | undefined): IntentResult[] {
    return (results ?? []).filter((r) => r.status !== "proved");
}

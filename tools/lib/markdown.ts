// Text inside a Markdown table cell of a generated document (the policy table, the README's cost
// parts, the runbook): a `|` would end the cell and a line break the row. Other markup is kept on
// purpose (the generators write code spans around names); plan text shown to users in CI goes
// through report/summary.ts's markdownText, which escapes everything.

/** `text` as one table cell: `|` escaped, line breaks as spaces. */
export function tableCell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

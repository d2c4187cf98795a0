/**
 * Resource policies (repository, topic and queue policies) judged for a public principal: an
 * Allow to Principal "*" that no condition pins to known callers. One reading for every service
 * so each judges "public" the same way the bucket and key policies do (lib/iamdoc.ts).
 */
import { describeStatement, parseDocument, publicAccessOf } from "./iamdoc";
import type { ResourceReport } from "./policy";
import { UNKNOWN } from "./values";

export interface PublicPolicyText {
    /** The input holding the document, e.g. "policy". */
    readonly field: string;
    /** For the preview note, e.g. "whether the repository policy lets anyone in". */
    readonly what: string;
    /** What anyone could do, e.g. "any AWS account can push, pull and delete images". */
    readonly consequence: string;
    /** The fix, a full sentence. */
    readonly fix: string;
}

/** Reports every statement of `doc` that lets anyone in; an unreadable document is a violation. */
export function checkNoPublicPrincipal(doc: unknown, report: ResourceReport, text: PublicPolicyText): void {
    const parsed = parseDocument(doc);
    if (parsed.kind === "unknown") return report.unknown(text.what, text.field);
    if (parsed.kind === "absent") return;
    if (parsed.kind === "invalid") {
        return report.violation(`${text.field} is not a readable policy document (invalid JSON or no Statement), so who it lets in cannot be checked. Give a JSON policy document with a Statement list.`);
    }
    if (parsed.unknownStatements > 0) report.unknown(text.what, `${text.field} (${parsed.unknownStatements} statement(s))`);
    for (const st of parsed.statements) {
        const access = publicAccessOf(st);
        if (access === UNKNOWN) report.unknown(text.what, `${text.field} ${describeStatement(st)}`);
        else if (access === "public") {
            report.violation(`${text.field} ${describeStatement(st)} allows Principal "*" with no condition pinning the caller, so ${text.consequence}. ${text.fix}`);
        }
    }
}

/**
 * The identity-policy documents a resource declares, and a walk over their statements that notes
 * what a preview cannot know.
 */
import { parseDocument, type Statement } from "../lib/iamdoc";
import type { ResourceReport, ResourceView } from "../lib/policy";
import { at, list, pathText, UNKNOWN } from "../lib/values";
import { DOCUMENT_TYPES, ROLE } from "./shared";

/** Identity-policy documents a resource declares, with the field they sit in. */
export function identityDocuments(r: ResourceView, report: ResourceReport, what: string): { field: string; doc: unknown }[] {
    if (DOCUMENT_TYPES.includes(r.type)) return [{ field: "policy", doc: r.props.policy }];
    if (r.type !== ROLE) return [];
    const inline = list(r.props.inlinePolicies);
    if (inline === UNKNOWN) {
        report.unknown(what, "inlinePolicies");
        return [];
    }
    return (inline ?? []).map((p, i) => ({ field: pathText("inlinePolicies", i, "policy"), doc: at(p, "policy") }));
}

export function eachStatement(docs: { field: string; doc: unknown }[], report: ResourceReport, what: string,
    visit: (st: Statement, field: string) => void): void {
    for (const { field, doc } of docs) {
        const parsed = parseDocument(doc);
        if (parsed.kind === "unknown") report.unknown(what, field);
        if (parsed.kind !== "parsed") continue;
        if (parsed.unknownStatements > 0) report.unknown(what, `${field}.Statement`);
        parsed.statements.forEach((st) => visit(st, field));
    }
}

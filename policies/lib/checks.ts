/**
 * The two shapes most single-field rules take, with one wording: a flag that must hold a value,
 * and a field that must be present (an unknown value counts as present: it will be set).
 */
import type { ResourceReport } from "./policy";
import { at, bool, pathText, type Rec, UNKNOWN } from "./values";

export interface FieldRule {
    /** For notes: what cannot be decided, e.g. "whether scan on push is on". */
    readonly what: string;
    /** Consequence, e.g. "so pushed images are never scanned for known vulnerabilities". */
    readonly problem: string;
    /** The fix, a full sentence. */
    readonly fix: string;
}

/** `path` must be the boolean `expected` (default true); "true"/"false" strings count. */
export function requireFlag(props: Rec, path: readonly (string | number)[], report: ResourceReport, rule: FieldRule & { readonly expected?: boolean }): void {
    const expected = rule.expected ?? true;
    const value = bool(at(props, ...path));
    const field = pathText(...path);
    if (value === UNKNOWN) report.unknown(rule.what, field);
    else if (value !== expected) report.violation(`${field} is ${value === undefined ? "not set" : String(value)}, ${rule.problem}. ${rule.fix}`);
}

/** `path` must be present (any value, known or not). */
export function requirePresent(props: Rec, path: readonly (string | number)[], report: ResourceReport, rule: FieldRule): void {
    const value = at(props, ...path);
    if (value === undefined || value === "") report.violation(`${pathText(...path)} is not set, ${rule.problem}. ${rule.fix}`);
}

/**
 * Single-setting rules judged against what AWS does when the setting is left out. A rule names
 * the property path, the value AWS (or the provider) uses when the input is absent, and which
 * values are acceptable; the check then never passes a value it cannot see (unknown during
 * preview: an advisory note), never passes a value of the wrong type (a violation naming it), and
 * judges an absent input by the AWS default, so a plan that relies on a secure default passes
 * and one that relies on an insecure default fails with the reason.
 */
import type { ResourceReport } from "./policy";
import { at, bool, num, pathText, type Rec, str, UNKNOWN } from "./values";

export type SettingValue = boolean | number | string;

interface KindOf { boolean: boolean; number: number; string: string }

export interface SettingRule<K extends keyof KindOf> {
    /** Property path in the resource's inputs, e.g. ["imageScanningConfiguration", "scanOnPush"]. */
    readonly path: readonly (string | number)[];
    readonly kind: K;
    /** What AWS or the provider uses when the input is absent (undefined: nothing, e.g. no key). */
    readonly absent: KindOf[K] | undefined;
    readonly accept: (value: KindOf[K]) => boolean;
    /** For the preview note: what cannot be decided, e.g. "whether storage is encrypted". */
    readonly what: string;
    /** Consequence of a refused value, e.g. "so the database files and snapshots are stored unencrypted". */
    readonly problem: string;
    /** The fix, a full sentence. */
    readonly fix: string;
}

const readers: { [K in keyof KindOf]: (value: unknown) => KindOf[K] | typeof UNKNOWN | undefined } = { boolean: bool, number: num, string: str };

function shown(value: SettingValue): string {
    return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Judges one setting: its value, or the AWS default when it is absent. */
export function checkSetting<K extends keyof KindOf>(props: Rec, report: ResourceReport, rule: SettingRule<K>): void {
    const field = pathText(...rule.path);
    const raw = at(props, ...rule.path);
    if (raw === UNKNOWN) return report.unknown(rule.what, field);
    const value = readers[rule.kind](raw);
    if (value === UNKNOWN) return report.unknown(rule.what, field);
    if (raw !== undefined && value === undefined) {
        return report.violation(`${field} is ${JSON.stringify(raw)}, which is not a ${rule.kind}, so it cannot be judged. ${rule.fix}`);
    }
    if (value === undefined) {
        if (rule.absent === undefined) return report.violation(`${field} is not set, ${rule.problem}. ${rule.fix}`);
        if (!rule.accept(rule.absent)) {
            report.violation(`${field} is not set and AWS then uses ${shown(rule.absent)}, ${rule.problem}. ${rule.fix}`);
        }
        return;
    }
    if (!rule.accept(value)) report.violation(`${field} is ${shown(value)}, ${rule.problem}. ${rule.fix}`);
}

/** The common case: a flag that must be true, whose AWS default is `absent`. */
export function checkFlagOn(props: Rec, report: ResourceReport, path: readonly (string | number)[], absent: boolean,
    text: Pick<SettingRule<"boolean">, "what" | "problem" | "fix">): void {
    checkSetting(props, report, { path, kind: "boolean", absent, accept: (v) => v, ...text });
}

/** A flag that must be false (a weakening switch such as publiclyAccessible), whose AWS default is `absent`. */
export function checkFlagOff(props: Rec, report: ResourceReport, path: readonly (string | number)[], absent: boolean,
    text: Pick<SettingRule<"boolean">, "what" | "problem" | "fix">): void {
    checkSetting(props, report, { path, kind: "boolean", absent, accept: (v) => !v, ...text });
}

/** A field that must name something (a key, a log destination, an authorizer); an unknown value will name something. */
export function checkNamed(props: Rec, report: ResourceReport, path: readonly (string | number)[],
    text: Pick<SettingRule<"string">, "what" | "problem" | "fix">): void {
    const raw = at(props, ...path);
    const value = str(raw);
    if (value === UNKNOWN) return;
    if (value === undefined || value.trim() === "") {
        report.violation(`${pathText(...path)} is ${raw === undefined ? "not set" : JSON.stringify(raw)}, ${text.problem}. ${text.fix}`);
    }
}

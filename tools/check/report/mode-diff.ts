// Apply mode against preview mode: `--mode apply` plans the stack twice (computed values generated,
// and unknown as in a preview) and this says, for every verdict, what the preview said. A verdict
// is one policy of one pack on one resource (the URN; "" for the stack) at one enforcement level;
// messages are not compared, because apply mode's name values the preview could not (an ARN).
//   - "same": the preview reported the same violation;
//   - "not known during preview": the preview only said it could not judge the value yet;
//   - "nothing": the preview said nothing about it.
// The last two differ from preview mode: a mandatory one "would fail during `pulumi up`", after
// the preview passed. The engine runs a resource policy just before it creates that resource (the
// update stops there, with the resources before it created) and stack policies once every resource
// is created, on their outputs (pulumi/pulumi pkg/resource/deploy: deploymentExecutor.Execute calls
// stepGen.AnalyzeResources after the step executor completes). Violations only the preview reports
// are kept too (a mandatory one stops `pulumi up` at its preview, so the run fails).
import type { Report, ReportViolation } from "./model";

export type PreviewVerdict = "same" | "not known during preview" | "nothing";

export interface PreviewComparison {
    /** Apply-mode violations whose preview verdict was not "same" (a note or nothing). */
    differing: number;
    /** Of those, mandatory ones: `pulumi up` would fail on them after its preview passed. */
    wouldFailDuringUp: number;
    /** Preview notes ("not known during preview") that apply mode judged: a verdict or a pass. */
    notesJudged: number;
    /** "Not known during preview" notes of the preview (apply mode's own are the report's previewNotes). */
    previewNotes: number;
    /** Violations the preview reports and apply mode does not. */
    previewOnly: ReportViolation[];
}

const keyOf = (v: ReportViolation) => `${v.policyPack}\u0000${v.policy}\u0000${v.urn}`;
const levelKeyOf = (v: ReportViolation) => `${keyOf(v)}\u0000${v.enforcementLevel}`;
/** A note a policy reports for the whole stack carries no URN: it may stand for any resource's verdict. */
const stackKeyOf = (v: ReportViolation) => `${v.policyPack}\u0000${v.policy}\u0000`;

/** Marks `apply`'s violations with the preview's verdict and records what only the preview reports. */
export function compareWithPreview(apply: Report, preview: Report): void {
    const previewViolations = new Set(preview.violations.map(levelKeyOf));
    const previewNotes = new Set(preview.previewNotes.map(keyOf));
    let wouldFailDuringUp = 0;
    let differing = 0;
    for (const v of apply.violations) {
        v.preview = previewViolations.has(levelKeyOf(v))
            ? "same"
            : previewNotes.has(keyOf(v)) || previewNotes.has(stackKeyOf(v))
              ? "not known during preview"
              : "nothing";
        if (v.preview === "same") continue;
        differing++;
        if (v.enforcementLevel === "mandatory") wouldFailDuringUp++;
    }
    const applyViolations = new Set(apply.violations.map(levelKeyOf));
    const applyNotes = new Set(apply.previewNotes.map(keyOf));
    apply.previewComparison = {
        differing,
        wouldFailDuringUp,
        notesJudged: preview.previewNotes.filter((n) => !applyNotes.has(keyOf(n))).length,
        previewNotes: preview.previewNotes.length,
        previewOnly: preview.violations.filter((v) => !applyViolations.has(levelKeyOf(v))),
    };
}

/** How the report phrases a verdict that differs from the preview's (undefined when it does not differ). */
export function describeDifference(v: ReportViolation): string | undefined {
    if (v.preview === undefined || v.preview === "same") return undefined;
    const said = v.preview === "nothing" ? "the preview reported nothing" : "the preview said \"not known during preview\"";
    if (v.enforcementLevel !== "mandatory") return `reported only during \`pulumi up\`: ${said}`;
    return v.stackPolicy
        ? `would fail during \`pulumi up\`: ${said}; a stack policy runs once every resource is created, so the update would fail with the whole stack created`
        : `would fail during \`pulumi up\`: ${said}; the update would stop before creating this resource, with the resources before it created`;
}

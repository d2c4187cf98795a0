// "Not known during preview" results: what a policy says when the value it judges is unknown in a
// preview (an id, an ARN, a document built from them). They are not violations: the policy runs
// again on the real value during `pulumi up`. The report keeps them apart, with their own count.
//
// The rule (documented in docs/offline-check.md, "Preview notes", for any pack): an ADVISORY
// diagnostic is a preview note when its message
//   - says a value "is not known during preview" / "are not known during preview" (the wording of
//     this repository's pack, policies/lib/policy.ts `report.unknown`, and a convention any pack can
//     follow), or "can't be known during preview" / "cannot be known during preview", or
//   - starts with "can't run policy '…' from policy pack '…' during preview:" or "can't run
//     remediation '…' …" (what @pulumi/policy's own server reports when a policy or a remediation
//     reads an unknown value).
// A mandatory or remediated diagnostic is never a note, whatever it says: it decides the run.

const NOTE_PATTERNS: readonly RegExp[] = [
    /\b(?:is|are) not known during preview\b/i,
    /\bcan(?:'|no)t be known during preview\b/i,
    /^can't run (?:policy|remediation) '[^']+' from policy pack '[^']+' during preview: /,
];

/** True when a diagnostic of `level` with `message` is a "not known during preview" note. */
export function isPreviewNote(level: string, message: string): boolean {
    if (level !== "advisory") return false;
    return NOTE_PATTERNS.some((p) => p.test(message));
}

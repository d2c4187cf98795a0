/**
 * What the security-group exposure policies share: their documentation page and how they report a
 * world-ingress verdict.
 */
import type { Verdict } from "../lib/exposure";
import type { ResourceReport } from "../lib/policy";
import { describeRule } from "../lib/sgrules";

export const SG_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html";

/** Reports every open or undecidable verdict of a world-ingress check. */
export function reportVerdicts(verdicts: readonly Verdict[], report: ResourceReport, what: string, opened: (v: Extract<Verdict, { kind: "open" }>) => string): void {
    for (const v of verdicts) {
        if (v.kind === "open") report.violation(opened(v));
        else report.unknown(`whether ${describeRule(v.rule)} opens ${what} to the internet`, v.field);
    }
}

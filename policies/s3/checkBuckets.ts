/**
 * How the bucket stack policies judge every bucket from the side resources that target it (v7
 * splits encryption, versioning, public access block and policy off the bucket).
 */
import { combine, sideResources, type SideVerdict } from "../lib/buckets";
import type { StackResource, StackView } from "../lib/graph";
import type { StackReport } from "../lib/policy";

/** Judges every bucket from its side resources of `sideTypes` (and an optional inline fallback). */
export function checkBuckets(stack: StackView, report: StackReport, spec: {
    readonly buckets: readonly StackResource[];
    readonly sideTypes: readonly string[];
    judge(side: StackResource, bucket: StackResource): SideVerdict;
    inline?(bucket: StackResource): SideVerdict | undefined;
    /** What the side resource provides, e.g. "a server-side encryption configuration". */
    readonly what: string;
    /**
     * The violation of a bucket with no side resource and no inline value; undefined when AWS's
     * default for a new bucket already satisfies the rule (then an untraceable side resource needs
     * no note either: whatever it does is judged on its own resource where it can be).
     */
    missing(bucket: StackResource): string | undefined;
}): void {
    const links = sideResources(stack, spec.sideTypes);
    const unresolvedNames = links.unresolved.map((u) => u.name).join(", ");
    for (const bucket of spec.buckets) {
        const sides = links.byTarget.get(bucket.urn) ?? [];
        const verdict = combine(sides.map((s) => spec.judge(s, bucket))) ?? spec.inline?.(bucket);
        if (verdict?.kind === "ok") continue;
        if (verdict?.kind === "bad") report.violation(bucket, verdict.text);
        else if (verdict?.kind === "unknown") report.unknown(bucket, verdict.what, verdict.field);
        else {
            const missing = spec.missing(bucket);
            if (missing === undefined) continue;
            if (links.unresolved.length > 0) report.unknown(bucket, `whether ${spec.what} applies to this bucket`, `the bucket input of ${unresolvedNames}`);
            else report.violation(bucket, missing);
        }
    }
}

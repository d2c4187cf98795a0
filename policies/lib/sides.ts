/**
 * "Every X has a Y": a resource that needs a side resource of its own (a VPC and its flow log, a
 * web ACL and its logging configuration, a load balancer and its web ACL association), found by
 * the side's reference input through StackView.links. While some side resource of the stack
 * cannot be linked (its reference unknown and untraceable during preview), a target without one
 * is only noted: that side may be its own.
 */
import type { StackResource, StackView } from "./graph";
import type { StackReport } from "./policy";

export interface SideSpec {
    readonly targets: readonly StackResource[];
    readonly sideTypes: readonly string[];
    /** The side's input that names its target, and the target types and identity keys it may match. */
    readonly key: string;
    readonly targetTypes: readonly string[];
    readonly identityKeys: readonly string[];
    /** What cannot be decided while a side is unlinked, e.g. "whether the VPC has a flow log". */
    readonly what: (target: StackResource) => string;
    /** The violation text for a target without a side. */
    readonly missing: (target: StackResource) => string;
}

export function requireSide(stack: StackView, report: StackReport, spec: SideSpec): void {
    if (spec.targets.length === 0) return;
    const links = stack.links(spec.sideTypes, spec.key, spec.targetTypes, spec.identityKeys);
    const unlinked = links.unresolved[0];
    for (const target of spec.targets) {
        if ((links.byTarget.get(target.urn) ?? []).length > 0) continue;
        if (unlinked !== undefined) report.unknown(target, spec.what(target), `${unlinked.name}.${spec.key}`);
        else report.violation(target, spec.missing(target));
    }
}

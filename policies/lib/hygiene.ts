/**
 * Hygiene findings (a missing tag, a missing description) are reported once per component, or once
 * for the stack, with the list of resources, instead of once per resource: on a real program a
 * per-resource tag rule buried every other finding (166 of 245 advisories in issue 15's survey).
 */
import type { StackResource } from "./graph";
import type { StackReport } from "./policy";

/** How many resources a message names before it says "and N more". */
export const LISTED = 25;

const STACK_TYPE = "pulumi:pulumi:Stack";

/** The outermost component (a non-provider, non-stack parent) a resource sits in, if any. */
export function componentOf(r: StackResource): StackResource | undefined {
    let top: StackResource | undefined;
    for (let p = r.parent; p !== undefined; p = p.parent) {
        if (p.type !== STACK_TYPE && !p.type.startsWith("pulumi:providers:")) top = p;
    }
    return top;
}

export interface Finding {
    readonly resource: StackResource;
    /** What is wrong with this resource, short: "environment, owner" or "ingress[1]". */
    readonly detail: string;
}

/**
 * Reports the findings grouped by outermost component: one violation on the component (or, for
 * resources outside any component, on the stack resource, else the first of them) that lists the
 * resources and their details. `describe(count, list)` writes the sentence.
 */
export function reportGrouped(all: readonly StackResource[], findings: readonly Finding[], report: StackReport,
    describe: (count: number, list: string) => string): void {
    const groups = new Map<StackResource | undefined, Finding[]>();
    for (const f of findings) {
        const key = componentOf(f.resource);
        const list = groups.get(key);
        if (list === undefined) groups.set(key, [f]);
        else list.push(f);
    }
    const stackResource = all.find((r) => r.type === STACK_TYPE);
    for (const [component, list] of groups) {
        const anchor = component ?? stackResource ?? list[0].resource;
        const shown = list.slice(0, LISTED).map((f) => `${f.resource.name} (${f.detail})`).join(", ");
        const more = list.length > LISTED ? `, and ${list.length - LISTED} more` : "";
        report.violation(anchor, describe(list.length, `${shown}${more}`));
    }
}

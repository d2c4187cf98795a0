// Which component under the stack a resource belongs to: the report's cost groups and the
// architecture diagram's boxes both group by it.

export const STACK_TYPE = "pulumi:pulumi:Stack";

interface Node {
    urn: string;
    type: string;
    custom: boolean;
    parent?: string | null;
}

/**
 * The component registered directly under the stack that holds `r` (r itself when it is that
 * component); undefined for a resource outside any component, i.e. whose top ancestor under the
 * stack is a custom resource.
 */
export function topComponent<R extends Node>(r: R, byUrn: ReadonlyMap<string, R>): R | undefined {
    let cur = r;
    for (;;) {
        const parent = cur.parent ? byUrn.get(cur.parent) : undefined;
        if (parent === undefined || parent.type === STACK_TYPE) return cur.custom ? undefined : cur;
        cur = parent;
    }
}

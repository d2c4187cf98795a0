// The plan as the analyzer reads it: the resources the offline check recorded (or a saved --json
// report's), indexed by URN and name, with the one rule for values that are unknown in preview:
// a property whose value is unknown names the resources it came from in its property
// dependencies, so a link (a rule's group, a policy's bucket) is followed through them, as the
// policy pack does. Pure; no Pulumi, no cloud.

/** The sentinel the report writes for a value unknown during preview. */
export const UNKNOWN = "<unknown>";

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** One resource of the plan: the fields of the check's report resources the analyzer needs. */
export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    /** Inputs as planned; unknown values are UNKNOWN, secrets "[secret]". */
    props: Record<string, Value>;
    propertyDependencies: Record<string, string[]>;
    /** Component outputs (registerOutputs): where architectures declare their intents. */
    outputs?: Record<string, Value>;
    /** The id, when the plan knows it (apply mode); ids are unknown in a preview. */
    id?: string;
}

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** Whether a value holds an unknown anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

export class Plan {
    readonly resources: readonly PlanResource[];
    private readonly byUrn = new Map<string, PlanResource>();
    private readonly children = new Map<string, PlanResource[]>();

    constructor(resources: readonly PlanResource[]) {
        this.resources = resources;
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
            if (r.parent) this.children.set(r.parent, [...(this.children.get(r.parent) ?? []), r]);
        }
    }

    get(urn: string): PlanResource | undefined {
        return this.byUrn.get(urn);
    }

    ofType(...types: string[]): PlanResource[] {
        return this.resources.filter((r) => types.includes(r.type));
    }

    /** Resources with this logical name (names repeat only across types or parents). */
    named(name: string, types?: readonly string[]): PlanResource[] {
        return this.resources.filter((r) => r.name === name && (types === undefined || types.includes(r.type)));
    }

    /** Every resource below a component, depth first. */
    descendants(urn: string): PlanResource[] {
        const out: PlanResource[] = [];
        for (const c of this.children.get(urn) ?? []) out.push(c, ...this.descendants(c.urn));
        return out;
    }

    /**
     * The resources of the given types a property of `r` refers to: by id when the value is
     * known and the plan knows ids, else through the property's dependencies (a dependency on a
     * component counts when exactly one of its descendants has a wanted type).
     */
    referenced(r: PlanResource, property: string, types: readonly string[], value: Value | undefined = r.props[property]): PlanResource[] {
        if (typeof value === "string" && !isUnknown(value)) {
            const byId = this.resources.filter((c) => c.id === value && types.includes(c.type));
            if (byId.length > 0) return byId;
        }
        const found = new Map<string, PlanResource>();
        for (const dep of r.propertyDependencies[property] ?? []) {
            const d = this.byUrn.get(dep);
            if (!d) continue;
            if (types.includes(d.type)) {
                found.set(d.urn, d);
                continue;
            }
            const inside = this.descendants(d.urn).filter((c) => types.includes(c.type));
            if (inside.length === 1) found.set(inside[0].urn, inside[0]);
        }
        return [...found.values()];
    }

    /** `type name`, as messages name a resource. */
    static label(r: PlanResource): string {
        return r.name;
    }
}

/**
 * Resource correlation for stack policies. During preview the ids and names of new resources are
 * unknown, so a side resource (a bucket's encryption configuration, a rule of a security group)
 * cannot be matched to its parent by value; the engine records which resources each input
 * depends on (`propertyDependencies`), and that is what links them.
 */
import type { PolicyResource, PolicyResourceOptions } from "@pulumi/policy";
import { plainProps, type Rec, str, UNKNOWN } from "./values";

export interface StackResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Rec;
    readonly opts: PolicyResourceOptions;
    readonly parent: StackResource | undefined;
    readonly dependencies: readonly StackResource[];
    readonly propertyDependencies: ReadonlyMap<string, readonly StackResource[]>;
    /** Props of the resource's provider (default tags live there), when the engine sent it. */
    readonly providerProps: Rec | undefined;
}

/** What a side resource's reference input points at. */
export type Target =
    | { readonly kind: "resolved"; readonly resources: readonly StackResource[] }
    /** A known value that names no resource of this stack (an existing bucket, say). */
    | { readonly kind: "external"; readonly value: string }
    /** Unknown and not traceable through dependencies. */
    | { readonly kind: "unresolved" };

/** Side resources grouped by the parent they target. */
export interface Links {
    readonly byTarget: ReadonlyMap<string, readonly StackResource[]>;
    readonly unresolved: readonly StackResource[];
}

export class StackView {
    readonly resources: readonly StackResource[];
    /** Resources by type, and (type list, identity keys) → value → resources: built once, so every lookup is O(1) and a stack policy stays linear in the stack. */
    private readonly byType = new Map<string, StackResource[]>();
    private readonly identityIndexes = new Map<string, Map<string, StackResource[]>>();

    constructor(input: readonly PolicyResource[]) {
        const memo = new Map<PolicyResource, StackResource>();
        const convert = (r: PolicyResource): StackResource => {
            const done = memo.get(r);
            if (done !== undefined) return done;
            const view: {
                type: string; name: string; urn: string; props: Rec; opts: PolicyResourceOptions;
                parent: StackResource | undefined; dependencies: StackResource[];
                propertyDependencies: Map<string, StackResource[]>; providerProps: Rec | undefined;
            } = {
                type: r.type, name: r.name, urn: r.urn, props: plainProps(r.props), opts: r.opts,
                parent: undefined, dependencies: [], propertyDependencies: new Map(),
                providerProps: r.provider === undefined ? undefined : plainProps(r.provider.props),
            };
            memo.set(r, view);
            if (r.parent !== undefined) view.parent = convert(r.parent);
            view.dependencies = (r.dependencies ?? []).map(convert);
            for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
                view.propertyDependencies.set(key, deps.map(convert));
            }
            return view;
        };
        this.resources = input.map(convert);
        for (const r of this.resources) {
            const list = this.byType.get(r.type);
            if (list === undefined) this.byType.set(r.type, [r]);
            else list.push(r);
        }
    }

    /** Resources of the given types, in stack order within each type. */
    ofType(types: readonly string[]): StackResource[] {
        if (types.length === 1) return [...(this.byType.get(types[0]) ?? [])];
        const wanted = new Set(types);
        return this.resources.filter((r) => wanted.has(r.type));
    }

    /** Resources of `targetTypes` by the known value of each of their `identityKeys`. */
    private identityIndex(targetTypes: readonly string[], identityKeys: readonly string[]): Map<string, StackResource[]> {
        const id = `${targetTypes.join("|")}#${identityKeys.join("|")}`;
        let index = this.identityIndexes.get(id);
        if (index === undefined) {
            index = new Map();
            for (const c of this.ofType(targetTypes)) {
                const values = new Set(identityKeys.map((k) => str(c.props[k])).filter((v): v is string => typeof v === "string"));
                for (const v of values) {
                    const list = index.get(v);
                    if (list === undefined) index.set(v, [c]);
                    else list.push(c);
                }
            }
            this.identityIndexes.set(id, index);
        }
        return index;
    }

    /**
     * What `side.props[key]` refers to among resources of `targetTypes`: by a known value equal to
     * one of the target's `identityKeys` (name, id, arn...), else by the property's dependencies;
     * a known value that matches neither is "external". An unknown value whose property has no
     * recorded dependencies falls back to the single target among the side resource's dependencies.
     */
    target(side: StackResource, key: string, targetTypes: readonly string[], identityKeys: readonly string[]): Target {
        const value = str(side.props[key]);
        if (typeof value === "string") {
            const matched = this.identityIndex(targetTypes, identityKeys).get(value);
            if (matched !== undefined) return { kind: "resolved", resources: matched };
        }
        const viaProperty = (side.propertyDependencies.get(key) ?? []).filter((d) => targetTypes.includes(d.type));
        if (viaProperty.length > 0) return { kind: "resolved", resources: viaProperty };
        if (typeof value === "string") return { kind: "external", value };
        if (value === UNKNOWN && !side.propertyDependencies.has(key)) {
            const viaDeps = side.dependencies.filter((d) => targetTypes.includes(d.type));
            if (viaDeps.length === 1) return { kind: "resolved", resources: viaDeps };
        }
        return { kind: "unresolved" };
    }

    /** Groups resources of `sideTypes` by the target their `key` input points at. */
    links(sideTypes: readonly string[], key: string, targetTypes: readonly string[], identityKeys: readonly string[]): Links {
        const byTarget = new Map<string, StackResource[]>();
        const unresolved: StackResource[] = [];
        for (const side of this.ofType(sideTypes)) {
            const t = this.target(side, key, targetTypes, identityKeys);
            if (t.kind === "resolved") {
                for (const r of t.resources) {
                    const list = byTarget.get(r.urn);
                    if (list === undefined) byTarget.set(r.urn, [side]);
                    else list.push(side);
                }
            } else if (t.kind === "unresolved") {
                unresolved.push(side);
            }
        }
        return { byTarget, unresolved };
    }
}

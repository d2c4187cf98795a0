// Upgrade safety as a pure comparison of two plans (the deployed revision's and this one's): what
// a real `pulumi preview` would show as delete or replace, by URN. A resource's URN is its
// identity (type chain, parent chain and name); a URN the new plan no longer has is deleted,
// unless a new resource lists it among its aliases; a kept URN is replaced when an input AWS
// cannot change in place changes. Deleting or replacing a stateful or protected resource blocks,
// unless the run acknowledges it.
import { statefulType } from "./stateful";

/** What the comparison needs of a planned resource (the JSON report's resource shape). */
export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    props: Record<string, unknown>;
    protect: boolean;
    custom: boolean;
    synthetic?: boolean;
    options: { aliases: string[]; replaceOnChanges: string[]; ignoreChanges: string[]; retainOnDelete: boolean };
}

export type ChangeKind = "delete" | "replace" | "alias" | "create" | "scale-to-zero";

export interface PlanChange {
    kind: ChangeKind;
    urn: string;
    type: string;
    name: string;
    /** For an alias: the URN the resource now has. */
    newUrn?: string;
    /** What the resource holds (its data), when it is stateful. */
    holds?: string;
    /** Protected in the deployed revision: `pulumi up` refuses to delete it. */
    protect: boolean;
    /** Why: the inputs that force a replacement, or what happened to the URN. */
    reasons: string[];
    /** How to keep the resource, when it would be lost. */
    fix?: string;
    /** Deleting or replacing it loses data or fails the update, and nothing acknowledged that. */
    blocking: boolean;
    /** Acknowledged with --accept-replace. */
    accepted: boolean;
}

export interface Comparison {
    /** What the plan was compared with: a git ref and its commit, or a report file. */
    base: string;
    changes: PlanChange[];
    counts: Record<ChangeKind, number> & { blocking: number; accepted: number };
}

/** Unknown in preview: a value that cannot be compared. */
const UNKNOWN = "<unknown>";

function same(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

function hasUnknown(v: unknown): boolean {
    return JSON.stringify(v ?? null).includes(UNKNOWN);
}

/** `urn:pulumi:stack::project::a$b$type::name` → { chain: ["a", "b", "type"], name }. */
export function splitUrn(urn: string): { chain: string[]; name: string } {
    const parts = urn.split("::");
    return { chain: (parts[2] ?? "").split("$"), name: parts.slice(3).join("::") };
}

/**
 * How to keep a resource whose URN changed: the alias to declare, on the component whose type or
 * name changed (its children inherit it) or on the resource itself.
 */
function aliasFix(gone: PlannedResource, created: readonly PlannedResource[]): string {
    const old = splitUrn(gone.urn);
    const twin = created.find((c) => c.type === gone.type && splitUrn(c.urn).name === old.name)
        ?? created.find((c) => c.type === gone.type && splitUrn(c.urn).chain.length === old.chain.length);
    if (twin === undefined) {
        return `if it moved, give its new declaration \`aliases: ["${gone.urn}"]\`; if it is meant to go, acknowledge it with --accept-replace ${gone.urn}`;
    }
    const now = splitUrn(twin.urn);
    const at = old.chain.findIndex((t, i) => t !== now.chain[i]);
    if (at >= 0 && at < old.chain.length - 1) {
        return `the component type ${old.chain[at]} became ${now.chain[at]}: give that component \`aliases: [{ type: "${old.chain[at]}" }]\` (its children inherit the alias)`;
    }
    if (old.name !== now.name) {
        return `it is now named ${now.name}: give it \`aliases: [{ name: "${old.name}" }]\``;
    }
    return `it now has the URN ${twin.urn}: give it \`aliases: ["${gone.urn}"]\` (or its parent component the alias of the parent's old type or name)`;
}

/** Whether `accept` (URNs or names, from --accept-replace) covers a resource. */
function acknowledged(r: { urn: string; name: string }, accept: readonly string[]): boolean {
    return accept.includes(r.urn) || accept.includes(r.name);
}

/** The input that says how many copies of a resource run. */
const CAPACITY: Readonly<Record<string, string>> = {
    "aws:ecs/service:Service": "desiredCount",
    "aws:autoscaling/group:Group": "desiredCapacity",
};

export function comparePlans(base: string, before: readonly PlannedResource[], after: readonly PlannedResource[], accept: readonly string[] = []): Comparison {
    const now = new Map(after.map((r) => [r.urn, r]));
    const then = new Map(before.map((r) => [r.urn, r]));
    const aliasedBy = new Map<string, PlannedResource>();
    for (const r of after) for (const a of r.options.aliases) if (!now.has(a)) aliasedBy.set(a, r);

    const created = after.filter((r) => !then.has(r.urn) && !r.options.aliases.some((a) => then.has(a)));
    const changes: PlanChange[] = [];
    const judge = (kind: ChangeKind, r: PlannedResource, extra: Partial<PlanChange>): void => {
        const stateful = statefulType(r.type);
        // Providers are not data: a new default provider version only re-points its resources.
        const matters = (kind === "delete" || kind === "replace") && !r.type.startsWith("pulumi:providers:") && (stateful !== undefined || r.protect);
        const accepted = matters && acknowledged(r, accept);
        changes.push({
            kind, urn: r.urn, type: r.type, name: r.name, holds: stateful?.holds, protect: r.protect, reasons: [],
            ...extra, blocking: matters && !accepted, accepted,
        });
    };

    for (const old of before) {
        if (old.synthetic) continue;
        const next = now.get(old.urn);
        if (next === undefined) {
            const heir = aliasedBy.get(old.urn);
            if (heir !== undefined) {
                judge("alias", old, { newUrn: heir.urn, reasons: [`kept under a new URN through its alias: ${heir.urn}`] });
            } else {
                judge("delete", old, {
                    reasons: [old.options.retainOnDelete ? "its URN is gone (retainOnDelete: AWS keeps it, orphaned, and a new one may collide with it)" : "its URN is gone from the plan"],
                    fix: aliasFix(old, created),
                });
            }
            continue;
        }
        if (!old.custom || next.type !== old.type) continue;
        // A running service or group planned down to nothing is an outage, not a change of data:
        // blocking like a lost database unless acknowledged (a new default, e.g. imageReady).
        const capacity = CAPACITY[old.type];
        if (capacity !== undefined) {
            const before = old.props[capacity];
            const after = next.props[capacity];
            if (typeof before === "number" && before > 0 && after === 0) {
                const accepted = acknowledged(old, accept);
                changes.push({
                    kind: "scale-to-zero", urn: old.urn, type: old.type, name: old.name, protect: old.protect,
                    reasons: [`${capacity} goes from ${before} to 0: whatever it serves stops`],
                    fix: `keep ${capacity} above 0 (for a phase-3 service: stagecraft:imageReady true once its image exists), or acknowledge with --accept-replace ${old.urn}`,
                    blocking: !accepted, accepted,
                });
            }
        }
        const triggers = new Set([...(statefulType(old.type)?.replaceOn ?? []), ...next.options.replaceOnChanges]);
        const changed = [...triggers].filter((k) =>
            !next.options.ignoreChanges.includes(k) && !hasUnknown(old.props[k]) && !hasUnknown(next.props[k]) && !same(old.props[k], next.props[k]));
        if (changed.length > 0) {
            judge("replace", old, {
                reasons: changed.map((k) => `${k} changes (${JSON.stringify(old.props[k] ?? null)} -> ${JSON.stringify(next.props[k] ?? null)}) and cannot change in place`),
                fix: `keep ${changed.join(", ")} as they were, or acknowledge the replacement with --accept-replace ${old.urn}`,
            });
        }
    }
    for (const r of created) if (!r.synthetic) judge("create", r, { reasons: ["new in this revision"] });

    const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
    return {
        base,
        changes,
        counts: {
            delete: count("delete"),
            replace: count("replace"),
            alias: count("alias"),
            create: count("create"),
            "scale-to-zero": count("scale-to-zero"),
            blocking: changes.filter((c) => c.blocking).length,
            accepted: changes.filter((c) => c.accepted).length,
        },
    };
}

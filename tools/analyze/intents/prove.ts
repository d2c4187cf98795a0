// Proves intents against a plan (pure): each intent's endpoints, principal and resource are
// resolved by resource name (a name that is not in the plan is an error, not a failed intent),
// asked of the network or IAM analyzer, and compared with what the intent expects. "Undecided"
// never passes: an intent is proved only when the analyzer can decide it offline.
import { type AccessRequest, mayPerform } from "../iam/evaluate";
import { OU, ROLE } from "../iam/collect";
import { canReach, type Endpoint, type Verdict } from "../network/reach";
import { collectRules, SECURITY_GROUP } from "../network/rules";
import { type Plan, type PlanResource, type Value } from "../plan";
import { type Intent, IntentsError, readIntents } from "./schema";

export interface IntentResult {
    id: string;
    description?: string;
    /** Where the intent was declared: a component's name or the --intents file. */
    source: string;
    expect: "allow" | "deny";
    /** What the intent asks, in words. */
    question: string;
    verdict: Verdict;
    status: "proved" | "violated" | "undecided";
    explanation: string;
}

export interface DeclaredIntents {
    source: string;
    intents: Intent[];
}

/** Intents the plan's components declare: an `intents` output on a component. */
export function declaredIntents(plan: Plan): DeclaredIntents[] {
    return plan.resources
        .filter((r) => !r.type.startsWith("aws:") && r.outputs?.intents !== undefined)
        .map((r) => ({ source: `${r.type} ${r.name}`, intents: readIntents(`intents declared by ${r.type} ${r.name}`, r.outputs?.intents as Value) }));
}

function one(plan: Plan, source: string, id: string, name: string, types: string[], what: string): PlanResource {
    const found = plan.named(name, types);
    if (found.length === 1) return found[0];
    const similar = plan.resources.filter((r) => types.includes(r.type)).map((r) => r.name).slice(0, 12);
    throw new IntentsError(source, [found.length === 0
        ? `intent ${id}: no ${what} named "${name}" in the plan (${what}s here: ${similar.join(", ") || "none"})`
        : `intent ${id}: ${found.length} ${what}s are named "${name}"`]);
}

/** A resource by name, or by `type::name` when several resources share the name. */
function resourceNamed(plan: Plan, source: string, id: string, spec: string): PlanResource {
    const at = spec.lastIndexOf("::");
    if (at > 0) return one(plan, source, id, spec.slice(at + 2), [spec.slice(0, at)], spec.slice(0, at));
    return one(plan, source, id, spec, [...new Set(plan.resources.filter((r) => r.type.startsWith("aws:")).map((r) => r.type))], "resource");
}

function endpoint(plan: Plan, source: string, id: string, spec: string): Endpoint {
    if (spec === "internet") return { kind: "internet" };
    const [kind, ...rest] = spec.split(":");
    const value = rest.join(":");
    if (kind === "cidr") return { kind: "cidr", cidr: value };
    if (kind === "service") return { kind: "service", service: value };
    return { kind: "group", group: one(plan, source, id, value, [SECURITY_GROUP], "security group") };
}

/** `bucket/some/key` names an object of a bucket of the plan: [resource name, object key]. */
function splitObjectKey(resource: string): [string, string | undefined] {
    const typed = resource.lastIndexOf("::");
    const slash = resource.indexOf("/", typed < 0 ? 0 : typed + 2);
    return slash < 0 ? [resource, undefined] : [resource.slice(0, slash), resource.slice(slash + 1)];
}

export interface ProveOptions {
    accountId: string;
}

/** Resolves every intent first (names are errors before anything is judged), then proves them. */
export function proveIntents(plan: Plan, declared: DeclaredIntents[], opts: ProveOptions): IntentResult[] {
    const rules = collectRules(plan);
    const questions = declared.flatMap(({ source, intents }) => intents.map((intent) => {
        if ("flow" in intent) {
            const from = endpoint(plan, source, intent.id, intent.flow.from);
            const to = endpoint(plan, source, intent.id, intent.flow.to);
            const question = `${intent.flow.from} → ${intent.flow.to} on ${intent.flow.protocol} ${intent.flow.port}`;
            return { source, intent, question, ask: () => canReach(plan, from, to, intent.flow.port, intent.flow.protocol, rules) };
        }
        const a = intent.access;
        const principal: AccessRequest["principal"] = a.principal === "any" || a.principal === "anonymous" ? a.principal
            : a.principal.startsWith("service:") ? { service: a.principal.slice("service:".length) }
                : one(plan, source, intent.id, a.principal, [ROLE], "IAM role");
        const actingFor = a.source !== undefined ? resourceNamed(plan, source, intent.id, a.source) : undefined;
        const [spec, objectKey] = a.resource.startsWith("arn:") || a.resource === "*" ? [a.resource, undefined] : splitObjectKey(a.resource);
        const target = spec.startsWith("arn:") || spec === "*" ? spec : resourceNamed(plan, source, intent.id, spec);
        const scope = a.scope !== undefined ? one(plan, source, intent.id, a.scope, [OU, "aws:organizations/account:Account"], "organisational unit or account") : undefined;
        const withContext = a.context !== undefined ? ` with ${Object.entries(a.context).map(([k, v]) => `${k}=${v}`).join(", ")}` : "";
        const question = `${a.principal}${a.source !== undefined ? ` (for ${a.source})` : ""} ${a.action} on ${a.resource}${withContext}${a.scope ? ` under the SCPs of ${a.scope}` : ""}`;
        return {
            source, intent, question,
            ask: () => mayPerform(plan, {
                principal, action: a.action, target, scope, accountId: opts.accountId,
                ...(objectKey !== undefined ? { objectKey } : {}),
                ...(a.context !== undefined ? { context: a.context } : {}),
                ...(actingFor !== undefined ? { source: actingFor } : {}),
            }),
        };
    }));
    return questions.map(({ source, intent, question, ask }) => {
        const answer = ask();
        const wanted: Verdict = intent.expect === "allow" ? "allowed" : "denied";
        const status = answer.verdict === "undecided" ? "undecided" : answer.verdict === wanted ? "proved" : "violated";
        return {
            id: intent.id,
            ...(intent.description !== undefined ? { description: intent.description } : {}),
            source,
            expect: intent.expect,
            question,
            verdict: answer.verdict,
            status,
            explanation: answer.explanation,
        };
    });
}

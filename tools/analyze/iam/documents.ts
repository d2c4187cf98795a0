// IAM policy documents as the analyzer reads them (pure): statements normalised from any shape a
// program writes (a JSON string or an object; Action or NotAction, Resource or NotResource, one
// value or a list), wildcard matching as IAM does it, and the condition operators our plans
// use, evaluated against a request context. What cannot be evaluated offline is "unknown", never
// a match or a miss by default.
import { isUnknown, type Value } from "../plan";
import { globMatch } from "../../../policies/lib/glob";

export type Tri = "yes" | "no" | "unknown";

export interface Statement {
    effect: "Allow" | "Deny";
    sid?: string;
    actions?: string[];
    notActions?: string[];
    /** Resource patterns; UNKNOWN where the plan does not know the ARN yet. */
    resources?: string[];
    notResources?: string[];
    /** Resource policies: who the statement is about (undefined in identity policies). */
    principals?: { any: boolean; aws: string[]; service: string[] };
    notPrincipal: boolean;
    condition?: Record<string, Record<string, Value>>;
}

export interface PolicyDocument {
    /** Where it comes from, for explanations ("inline policy chat-dev-host-role-access"). */
    source: string;
    statements: Statement[];
    /** The whole document is unknown in preview (built from an unknown value). */
    unknown: boolean;
    /** URNs the document's unknown values come from (its property dependencies). */
    dependencies: string[];
}

function list(value: Value | undefined): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
}

function principalsOf(value: Value | undefined): Statement["principals"] {
    if (value === undefined) return undefined;
    if (value === "*") return { any: true, aws: [], service: [] };
    const obj = (value ?? {}) as Record<string, Value>;
    const aws = list(obj.AWS) ?? [];
    return { any: aws.includes("*"), aws, service: list(obj.Service) ?? [] };
}

/** Reads a policy document from a plan value; throws with `source` named when it is no document. */
export function readDocument(source: string, value: Value | undefined, dependencies: string[]): PolicyDocument {
    if (isUnknown(value)) return { source, statements: [], unknown: true, dependencies };
    let doc: Value | undefined = value;
    if (typeof value === "string") {
        try {
            doc = JSON.parse(value) as Value;
        } catch {
            throw new Error(`${source}: the policy is not JSON`);
        }
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new Error(`${source}: the policy is not a JSON object`);
    const raw = doc.Statement;
    const statements = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((s): Statement => {
        const st = s as Record<string, Value>;
        return {
            effect: st.Effect === "Deny" ? "Deny" : "Allow",
            sid: typeof st.Sid === "string" ? st.Sid : undefined,
            actions: list(st.Action),
            notActions: list(st.NotAction),
            resources: list(st.Resource),
            notResources: list(st.NotResource),
            principals: principalsOf(st.Principal ?? st.NotPrincipal),
            notPrincipal: st.NotPrincipal !== undefined,
            condition: st.Condition as Statement["condition"],
        };
    });
    return { source, statements, unknown: false, dependencies };
}

/** IAM's `*`/`?` wildcards, through the pack's glob (actions compare case-insensitively, as IAM does). */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
    return caseInsensitive ? globMatch(pattern.toLowerCase(), value.toLowerCase()) : globMatch(pattern, value);
}

export function actionMatches(st: Statement, action: string): boolean {
    if (st.actions) return st.actions.some((a) => wildcardMatch(a, action, true));
    if (st.notActions) return !st.notActions.some((a) => wildcardMatch(a, action, true));
    return false;
}

/** The request's context keys (aws:SecureTransport, aws:PrincipalArn, aws:ResourceTag/..., ...); UNKNOWN for values not known yet. */
export type RequestContext = Record<string, string | string[] | undefined>;

const OPERATORS: Record<string, (actual: string, expected: string) => boolean> = {
    StringEquals: (a, e) => a === e,
    StringNotEquals: (a, e) => a !== e,
    StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
    StringLike: (a, e) => wildcardMatch(e, a),
    StringNotLike: (a, e) => !wildcardMatch(e, a),
    ArnEquals: (a, e) => a === e,
    ArnLike: (a, e) => wildcardMatch(e, a),
    ArnNotEquals: (a, e) => a !== e,
    ArnNotLike: (a, e) => !wildcardMatch(e, a),
    Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
};

/**
 * One condition block against the context, as IAM evaluates it: every operator and key must hold;
 * a key with several values matches any of them (negated operators: none of them); a missing
 * key makes a positive operator false and a negated one true, `...IfExists` true, `Null` tests
 * presence. Operators this evaluator does not know make the answer "unknown".
 */
export function conditionHolds(condition: Statement["condition"], context: RequestContext): Tri {
    if (!condition) return "yes";
    let result: Tri = "yes";
    for (const [rawOperator, keys] of Object.entries(condition)) {
        const ifExists = rawOperator.endsWith("IfExists");
        const operator = ifExists ? rawOperator.slice(0, -"IfExists".length) : rawOperator.replace(/^ForAnyValue:|^ForAllValues:/, "");
        for (const [key, expectedValue] of Object.entries(keys ?? {})) {
            const expected = list(expectedValue) ?? [];
            const actual = context[key] ?? context[Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ""];
            let holds: Tri;
            if (operator === "Null") {
                holds = (actual === undefined) === (expected[0] === "true") ? "yes" : "no";
            } else if (actual === undefined) {
                holds = ifExists || /Not/.test(operator) ? "yes" : "no";
            } else if ((Array.isArray(actual) ? actual : [actual]).some(isUnknown) || !OPERATORS[operator]) {
                holds = "unknown";
            } else {
                const values = Array.isArray(actual) ? actual : [actual];
                const negated = /Not/.test(operator);
                holds = (negated
                    ? values.every((a) => expected.every((e) => OPERATORS[operator](a, e)))
                    : values.some((a) => expected.some((e) => OPERATORS[operator](a, e)))) ? "yes" : "no";
            }
            if (holds === "no") return "no";
            if (holds === "unknown") result = "unknown";
        }
    }
    return result;
}

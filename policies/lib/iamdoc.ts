/**
 * IAM policy documents in every shape a Pulumi program can hand them over: a JSON string or an
 * object, `Statement` as one object or an array, statements as objects or JSON strings, `Action`
 * and friends as a string or an array, values possibly unknown during preview.
 */
import { coversEveryAction, coversWholeService } from "./actionglob";
import { exposureOf, unionIsInternetWide } from "./cidr";
import { jsonDoc, oneOrMany, type Read, rec, type Rec, str, strings, UNKNOWN } from "./values";

/** A set of strings from a string-or-array field; `unknown` when some of it is not known yet. */
export interface StringSet {
    readonly values: readonly string[];
    readonly unknown: boolean;
    /** The field was present at all. */
    readonly present: boolean;
}

export interface Statement {
    readonly index: number;
    readonly sid: string | undefined;
    readonly effect: Read<string>;
    readonly action: StringSet;
    readonly notAction: StringSet;
    readonly resource: StringSet;
    readonly notResource: StringSet;
    /** Principal as written: "*", an object of principal type → StringSet, UNKNOWN, or undefined. */
    readonly principal: Principal;
    readonly notPrincipal: Principal;
    /** operator → condition key (lower-case) → values; UNKNOWN when the block is not known. */
    readonly condition: Read<ReadonlyMap<string, ReadonlyMap<string, StringSet>>>;
}

export type Principal = "*" | ReadonlyMap<string, StringSet> | typeof UNKNOWN | undefined;

export type ParsedDocument =
    | { readonly kind: "parsed"; readonly statements: readonly Statement[]; readonly unknownStatements: number }
    | { readonly kind: "unknown" }
    | { readonly kind: "absent" }
    | { readonly kind: "invalid" };

function stringSet(value: unknown): StringSet {
    if (value === undefined || value === null) return { values: [], unknown: false, present: false };
    const s = strings(value);
    return { values: s.known, unknown: s.unknown, present: true };
}

function principalOf(value: unknown): Principal {
    if (value === undefined || value === null) return undefined;
    const s = str(value);
    if (s === UNKNOWN) return UNKNOWN;
    if (s !== undefined) return s.trim() === "*" ? "*" : new Map([["AWS", stringSet(s)]]);
    const r = rec(value);
    if (r === UNKNOWN) return UNKNOWN;
    if (r === undefined) return undefined;
    const map = new Map<string, StringSet>();
    for (const [k, v] of Object.entries(r)) map.set(k, stringSet(v));
    return map;
}

function conditionOf(value: unknown): Statement["condition"] {
    const block = rec(value);
    if (block === UNKNOWN || block === undefined) return block;
    const ops = new Map<string, Map<string, StringSet>>();
    for (const [op, keys] of Object.entries(block)) {
        const inner = rec(keys);
        if (inner === UNKNOWN) return UNKNOWN;
        if (inner === undefined) continue;
        const byKey = new Map<string, StringSet>();
        for (const [k, v] of Object.entries(inner)) byKey.set(k.toLowerCase(), stringSet(v));
        ops.set(op, byKey);
    }
    return ops;
}

function statementOf(raw: Rec, index: number): Statement {
    const sid = str(raw.Sid);
    return {
        index,
        sid: typeof sid === "string" ? sid : undefined,
        effect: str(raw.Effect),
        action: stringSet(raw.Action),
        notAction: stringSet(raw.NotAction),
        resource: stringSet(raw.Resource),
        notResource: stringSet(raw.NotResource),
        principal: principalOf(raw.Principal),
        notPrincipal: principalOf(raw.NotPrincipal),
        condition: conditionOf(raw.Condition),
    };
}

/** Parses a policy document given as a JSON string or an object. */
export function parseDocument(value: unknown): ParsedDocument {
    const doc = jsonDoc(value);
    if (doc === UNKNOWN) return { kind: "unknown" };
    if (doc === undefined) return { kind: "absent" };
    if (doc === "invalid") return { kind: "invalid" };
    const body = rec(doc);
    if (body === UNKNOWN) return { kind: "unknown" };
    if (body === undefined) return { kind: "invalid" };
    const items = oneOrMany(body.Statement);
    if (items === UNKNOWN) return { kind: "unknown" };
    const statements: Statement[] = [];
    let unknownStatements = 0;
    (items ?? []).forEach((item, index) => {
        const parsed = jsonDoc(item);
        if (parsed === UNKNOWN) {
            unknownStatements++;
            return;
        }
        const r = rec(parsed === "invalid" ? undefined : parsed);
        if (r === UNKNOWN) unknownStatements++;
        else if (r !== undefined) statements.push(statementOf(r, index));
    });
    return { kind: "parsed", statements, unknownStatements };
}

/** "statement 2 (Sid AdminAll)" for messages. */
export function describeStatement(st: Statement): string {
    return st.sid !== undefined && st.sid !== "" ? `statement ${st.index} (Sid ${st.sid})` : `statement ${st.index}`;
}

/** True when an action pattern matches every action of every service ("*", "*:*", "?*", "**", "*:?*"). */
export function matchesEveryAction(pattern: string): boolean {
    return coversEveryAction(pattern);
}

/** True when an action pattern matches every action of some service ("s3:*", "iam:?*", "s*:*"). */
export function isServiceWildcard(pattern: string): boolean {
    return coversWholeService(pattern);
}

/** True when a resource pattern matches every resource ("*", "arn:*", "arn:aws:*:*:*:*"). */
export function matchesEveryResource(pattern: string): boolean {
    const p = pattern.trim();
    return p === "*" || /^arn(:(\*|aws|aws-cn|aws-us-gov|aws-iso[a-z-]*))*:\*$/.test(p);
}

/** Effect of a statement in lower case; UNKNOWN or undefined pass through. */
export function effectOf(st: Statement): Read<"allow" | "deny" | "other"> {
    if (st.effect === UNKNOWN || st.effect === undefined) return st.effect;
    const e = st.effect.trim().toLowerCase();
    return e === "allow" || e === "deny" ? e : "other";
}

/** Does the statement's principal include everyone ("*" or AWS: "*")? UNKNOWN when it cannot tell. */
export function hasPublicPrincipal(st: Statement): Read<boolean> {
    const p = st.principal;
    if (p === UNKNOWN) return UNKNOWN;
    if (p === undefined) return false;
    if (p === "*") return true;
    const aws = p.get("AWS");
    if (aws !== undefined && aws.values.some((v) => v.trim() === "*")) return true;
    for (const set of p.values()) if (set.unknown) return UNKNOWN;
    return false;
}

/** Condition keys that pin a public principal to an account, organisation, source or network. */
const RESTRICTING_KEYS = new Set([
    "aws:principalaccount", "aws:principalorgid", "aws:principalarn", "aws:principalorgpaths",
    "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
    "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "kms:calleraccount",
]);

function restrictingOperator(op: string): boolean {
    const o = op.toLowerCase();
    if (o.startsWith("forallvalues:") || o.endsWith("ifexists") || o.includes("not")) return false;
    const base = o.startsWith("foranyvalue:") ? o.slice("foranyvalue:".length) : o;
    return ["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"].includes(base);
}

const LIKE_OPERATORS = new Set(["stringlike", "arnlike"]);
const ARN_KEYS = new Set(["aws:principalarn", "aws:sourcearn"]);
const ORG_PATH_KEYS = new Set(["aws:principalorgpaths", "aws:sourceorgpaths"]);

const hasWildcard = (v: string) => /[*?]/.test(v);

/**
 * Does one value of a `*Like` condition pin the caller? Under StringLike/ArnLike, `*` and `?` are
 * wildcards, so "?*" or "arn:aws:iam::*:*" match every principal of every account and pin nothing.
 * An ARN pins when its account field is literal (or, for an account-less ARN such as an S3 bucket,
 * when the resource name before its first "/" is literal: bucket names are global); an org path
 * pins when its organisation id is literal; any other key only when the value has no wildcard.
 */
function likeValuePins(key: string, value: string): boolean {
    if (!hasWildcard(value)) return true;
    if (ARN_KEYS.has(key)) {
        const parts = value.split(":");
        if (parts.length < 6 || parts[0].toLowerCase() !== "arn") return false;
        const account = parts[4];
        if (account !== "") return /^\d{12}$/.test(account);
        const name = parts.slice(5).join(":").split("/")[0];
        return name !== "" && !hasWildcard(name);
    }
    // "o-a1b2c3d4e5/*" pins the organisation; "o-*" or "*/r-ab12/*" do not.
    if (ORG_PATH_KEYS.has(key)) return /^o-[a-z0-9]+\//i.test(value);
    return false;
}

/**
 * Does the statement's condition pin it to known callers? A condition on one of the restricting
 * keys with a positive operator and a value that pins counts (see likeValuePins for wildcards);
 * `aws:SourceIp` counts unless a listed range, or all of them together, is internet-wide
 * (0.0.0.0/1 + 128.0.0.0/1 is the whole IPv4 internet). UNKNOWN when the condition is unknown.
 */
export function isRestrictedByCondition(st: Statement): Read<boolean> {
    const c = st.condition;
    if (c === UNKNOWN) return UNKNOWN;
    if (c === undefined) return false;
    let sawUnknown = false;
    for (const [op, keys] of c) {
        if (!restrictingOperator(op)) continue;
        const base = op.toLowerCase().replace(/^foranyvalue:/, "");
        for (const [key, set] of keys) {
            if (!RESTRICTING_KEYS.has(key)) continue;
            if (set.unknown) sawUnknown = true;
            const concrete = set.values.map((v) => v.trim()).filter((v) => v !== "*" && v !== "");
            if (concrete.length === 0) continue;
            if (key === "aws:sourceip") {
                if (concrete.some((v) => exposureOf(v) !== "restricted") || unionIsInternetWide(concrete)) continue;
                return true;
            }
            // Any value of the list lets its callers in, so one value that pins nothing pins nothing.
            if (LIKE_OPERATORS.has(base) && !set.values.every((v) => likeValuePins(key, v.trim()))) continue;
            return true;
        }
    }
    return sawUnknown ? UNKNOWN : false;
}

/**
 * Does an Allow statement let anyone in: Principal "*" (or an equivalent) not pinned to known
 * callers by a condition? "public", "restricted" (a Deny, a named principal or a pinning
 * condition), or UNKNOWN when a part that decides is unknown during a preview.
 */
export function publicAccessOf(st: Statement): "public" | "restricted" | typeof UNKNOWN {
    const effect = effectOf(st);
    if (effect === "deny" || effect === "other" || effect === undefined) return "restricted";
    const everyone = hasPublicPrincipal(st);
    const pinned = isRestrictedByCondition(st);
    if (effect === UNKNOWN || everyone === UNKNOWN || (everyone === true && pinned === UNKNOWN)) return UNKNOWN;
    return everyone === true && pinned !== true ? "public" : "restricted";
}

/** Values of a condition key (any case) under the given operators (compared case-insensitively). */
export function conditionValues(st: Statement, key: string, operators: readonly string[]): StringSet[] {
    const c = st.condition;
    if (c === UNKNOWN || c === undefined) return [];
    const wanted = new Set(operators.map((o) => o.toLowerCase()));
    const out: StringSet[] = [];
    for (const [op, keys] of c) {
        if (!wanted.has(op.toLowerCase())) continue;
        const set = keys.get(key.toLowerCase());
        if (set !== undefined) out.push(set);
    }
    return out;
}

/**
 * Does the (Allow) statement grant every action on every resource? NotAction with Allow grants
 * everything except the listed actions, and NotResource everything except the listed resources:
 * both count as full access. UNKNOWN when a deciding field is unknown.
 */
export function grantsEverything(st: Statement): Read<boolean> {
    const effect = effectOf(st);
    if (effect === UNKNOWN) return UNKNOWN;
    if (effect !== "allow") return false;
    const everyAction = st.notAction.present
        ? true
        : st.action.values.some(matchesEveryAction) ? true : st.action.unknown ? UNKNOWN : false;
    if (everyAction === false) return false;
    const everyResource = st.notResource.present
        ? true
        : st.resource.values.some(matchesEveryResource) ? true : st.resource.unknown ? UNKNOWN : false;
    if (everyResource === false) return false;
    return everyAction === true && everyResource === true ? true : UNKNOWN;
}

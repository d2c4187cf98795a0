// Renders aws.iam.getPolicyDocument exactly as the AWS provider (terraform-provider-aws,
// data source aws_iam_policy_document, bridged into @pulumi/aws) does, so policies that parse
// the `json` output see the same document offline as in a real preview:
// - statement fields in the order Sid, Effect, Action, NotAction, Resource, NotResource,
//   Principal, NotPrincipal, Condition; Version then Id then Statement at the top;
// - actions/resources/principal identifiers are sets: duplicates dropped, a single element
//   collapses to a string, several are sorted in reverse (the provider's sort.Reverse);
// - condition values keep their order; a single value collapses to a string;
// - `&{var}` becomes `${var}` in resources, principals and condition values;
// - a single principal of type "*" with identifier "*" renders as "Principal": "*";
// - source_policy_documents / override_policy_documents merge by Sid; Effect defaults to Allow;
// - `json` is Go's json.MarshalIndent with two spaces (HTML characters escaped as \u003c...),
//   `minifiedJson` is json.Marshal, `id` is the CRC-32 of `json`.
import { crc32 } from "./hash";

type StringOrList = string | string[];

interface PrincipalEntry {
    type: string;
    identifiers: StringOrList;
}

interface ConditionEntry {
    test: string;
    variable: string;
    values: StringOrList;
}

interface Statement {
    sid: string;
    effect: string;
    actions?: unknown;
    notActions?: unknown;
    resources?: unknown;
    notResources?: unknown;
    principals?: PrincipalEntry[];
    notPrincipals?: PrincipalEntry[];
    conditions?: ConditionEntry[];
}

interface PolicyDoc {
    version: string;
    id: string;
    statements?: Statement[];
}

/** A policy document input the real provider would reject. */
export class PolicyDocumentError extends Error {
    constructor(message: string) {
        super(`aws:iam/getPolicyDocument:getPolicyDocument: ${message}`);
        this.name = "PolicyDocumentError";
    }
}

const VERSIONS = ["2008-10-17", "2012-10-17"];

function reverseSorted(values: string[]): string[] {
    return [...values].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** The provider's policyDecodeConfigStringList applied to a set (duplicates removed). */
function decodeSet(values: string[]): StringOrList {
    const unique = [...new Set(values)];
    return unique.length === 1 ? unique[0] : reverseSorted(unique);
}

function replaceVars(value: StringOrList, version: string): StringOrList {
    const one = (v: string): string => {
        if (version === "2008-10-17" && v.includes("&{")) {
            throw new PolicyDocumentError(`found &{ sequence in (${v}), which is not supported in document version 2008-10-17`);
        }
        return v.split("&{").join("${");
    };
    return Array.isArray(value) ? value.map(one) : one(value);
}

function stringList(value: unknown, where: string): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
        throw new PolicyDocumentError(`${where} must be a list of strings`);
    }
    return value as string[];
}

function decodePrincipals(raw: unknown, version: string, where: string): PrincipalEntry[] | undefined {
    if (raw === undefined || raw === null) {
        return undefined;
    }
    if (!Array.isArray(raw)) {
        throw new PolicyDocumentError(`${where} must be a list of {type, identifiers}`);
    }
    const out = raw.map((p: Record<string, unknown>, i) => {
        if (typeof p?.type !== "string") {
            throw new PolicyDocumentError(`${where}[${i}].type is required`);
        }
        const ids = stringList(p.identifiers, `${where}[${i}].identifiers`);
        return { type: p.type, identifiers: replaceVars(decodeSet(ids), version) };
    });
    return out.length > 0 ? out : undefined;
}

function decodeConditions(raw: unknown, version: string, where: string): ConditionEntry[] | undefined {
    if (raw === undefined || raw === null) {
        return undefined;
    }
    if (!Array.isArray(raw)) {
        throw new PolicyDocumentError(`${where} must be a list of {test, variable, values}`);
    }
    const out = raw.map((c: Record<string, unknown>, i) => {
        if (typeof c?.test !== "string" || typeof c?.variable !== "string") {
            throw new PolicyDocumentError(`${where}[${i}] needs test and variable`);
        }
        const values = replaceVars(stringList(c.values, `${where}[${i}].values`), version) as string[];
        return { test: c.test, variable: c.variable, values: values.length === 1 ? values[0] : values };
    });
    return out.length > 0 ? out : undefined;
}

function decodeStatements(raw: unknown, version: string): Statement[] | undefined {
    if (raw === undefined || raw === null) {
        return undefined;
    }
    if (!Array.isArray(raw)) {
        throw new PolicyDocumentError("statements must be a list");
    }
    if (raw.length === 0) {
        return undefined;
    }
    const sids = new Set<string>();
    return raw.map((s: Record<string, unknown>, i) => {
        const where = `statements[${i}]`;
        const sid = typeof s.sid === "string" ? s.sid : "";
        if (!/^[a-zA-Z0-9]*$/.test(sid)) {
            throw new PolicyDocumentError(`${where}.sid "${sid}" must only include alphanumeric characters`);
        }
        if (sid !== "" && sids.has(sid)) {
            throw new PolicyDocumentError(`duplicate Sid (${sid}). Remove the Sid or ensure the Sid is unique.`);
        }
        if (sid !== "") {
            sids.add(sid);
        }
        const effect = typeof s.effect === "string" && s.effect !== "" ? s.effect : "Allow";
        if (effect !== "Allow" && effect !== "Deny") {
            throw new PolicyDocumentError(`${where}.effect must be Allow or Deny, got "${effect}"`);
        }
        const stmt: Statement = { sid, effect };
        const actions = stringList(s.actions, `${where}.actions`);
        if (actions.length > 0) stmt.actions = decodeSet(actions);
        const notActions = stringList(s.notActions, `${where}.notActions`);
        if (notActions.length > 0) stmt.notActions = decodeSet(notActions);
        const resources = stringList(s.resources, `${where}.resources`);
        if (resources.length > 0) stmt.resources = replaceVars(decodeSet(resources), version);
        const notResources = stringList(s.notResources, `${where}.notResources`);
        if (notResources.length > 0) stmt.notResources = replaceVars(decodeSet(notResources), version);
        stmt.principals = decodePrincipals(s.principals, version, `${where}.principals`);
        stmt.notPrincipals = decodePrincipals(s.notPrincipals, version, `${where}.notPrincipals`);
        stmt.conditions = decodeConditions(s.conditions, version, `${where}.conditions`);
        return stmt;
    });
}

// ---- parsing a JSON document (source/override documents), as Go's json.Unmarshal would ----

function field(obj: Record<string, unknown>, name: string): unknown {
    if (name in obj) {
        return obj[name];
    }
    // encoding/json matches struct fields case-insensitively.
    const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : obj[key];
}

function parsePrincipalJson(raw: unknown): PrincipalEntry[] | undefined {
    if (raw === undefined || raw === null) {
        return undefined;
    }
    if (typeof raw === "string") {
        return [{ type: "*", identifiers: ["*"] }];
    }
    if (typeof raw !== "object" || Array.isArray(raw)) {
        throw new PolicyDocumentError(`unsupported data type for Principal: ${JSON.stringify(raw)}`);
    }
    return Object.entries(raw as Record<string, unknown>).map(([type, value]) => {
        if (typeof value === "string") {
            return { type, identifiers: value };
        }
        if (Array.isArray(value)) {
            return { type, identifiers: value.map(String).sort() };
        }
        throw new PolicyDocumentError(`unsupported data type for Principal.${type}`);
    });
}

function parseConditionJson(raw: unknown): ConditionEntry[] | undefined {
    if (raw === undefined || raw === null) {
        return undefined;
    }
    const out: ConditionEntry[] = [];
    for (const [test, vars] of Object.entries(raw as Record<string, Record<string, unknown>>)) {
        for (const [variable, values] of Object.entries(vars ?? {})) {
            if (typeof values === "string") {
                out.push({ test, variable, values: [values] });
            } else if (typeof values === "boolean") {
                out.push({ test, variable, values: String(values) });
            } else if (Array.isArray(values)) {
                out.push({ test, variable, values: values.map(String) });
            }
        }
    }
    return out;
}

function parseDocJson(text: string, what: string): PolicyDoc {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (err) {
        throw new PolicyDocumentError(`${what}: ${(err as Error).message}`);
    }
    const obj = (parsed ?? {}) as Record<string, unknown>;
    const rawStatements = field(obj, "Statement");
    if (rawStatements !== undefined && rawStatements !== null && !Array.isArray(rawStatements)) {
        throw new PolicyDocumentError(`${what}: Statement must be a list`);
    }
    const statements = ((rawStatements ?? []) as Record<string, unknown>[]).map((s) => ({
        sid: String(field(s, "Sid") ?? ""),
        effect: String(field(s, "Effect") ?? ""),
        actions: field(s, "Action"),
        notActions: field(s, "NotAction"),
        resources: field(s, "Resource"),
        notResources: field(s, "NotResource"),
        principals: parsePrincipalJson(field(s, "Principal")),
        notPrincipals: parsePrincipalJson(field(s, "NotPrincipal")),
        conditions: parseConditionJson(field(s, "Condition")),
    }));
    return {
        version: String(field(obj, "Version") ?? ""),
        id: String(field(obj, "Id") ?? ""),
        statements: statements.length > 0 ? statements : undefined,
    };
}

function merge(into: PolicyDoc, doc: PolicyDoc): void {
    if (doc.id.length > 0) {
        into.id = doc.id;
    }
    if (doc.version > into.version) {
        into.version = doc.version;
    }
    for (const stmt of doc.statements ?? []) {
        into.statements = into.statements ?? [];
        const at = stmt.sid === "" ? -1 : into.statements.findIndex((s) => s.sid === stmt.sid);
        if (at >= 0) {
            into.statements[at] = stmt;
        } else {
            into.statements.push(stmt);
        }
    }
}

// ---- marshalling, as Go's encoding/json would ----

function marshalPrincipals(ps: PrincipalEntry[]): unknown {
    if (ps.length === 1 && ps[0].type === "*") {
        const ids = ps[0].identifiers;
        if (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*")) {
            return "*";
        }
    }
    const raw: Record<string, StringOrList> = {};
    for (const p of ps) {
        const existing = raw[p.type];
        if (Array.isArray(p.identifiers)) {
            const base = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
            raw[p.type] = [...base, ...reverseSorted(p.identifiers)];
        } else if (existing === undefined) {
            raw[p.type] = p.identifiers;
        } else {
            raw[p.type] = [...(Array.isArray(existing) ? existing : [existing]), p.identifiers];
        }
    }
    return sortKeys(raw);
}

function marshalConditions(cs: ConditionEntry[]): unknown {
    const raw: Record<string, Record<string, string[]>> = {};
    for (const c of cs) {
        raw[c.test] = raw[c.test] ?? {};
        const list = raw[c.test][c.variable] ?? [];
        raw[c.test][c.variable] = list.concat(c.values);
    }
    const out: Record<string, Record<string, StringOrList>> = {};
    for (const test of Object.keys(raw).sort()) {
        const vars: Record<string, StringOrList> = {};
        for (const variable of Object.keys(raw[test]).sort()) {
            const items = raw[test][variable];
            vars[variable] = items.length === 1 ? items[0] : items;
        }
        out[test] = vars;
    }
    return out;
}

function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
    const out: Record<string, T> = {};
    for (const k of Object.keys(obj).sort()) {
        out[k] = obj[k];
    }
    return out;
}

function toJsonShape(doc: PolicyDoc): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (doc.version !== "") out.Version = doc.version;
    if (doc.id !== "") out.Id = doc.id;
    if (doc.statements && doc.statements.length > 0) {
        out.Statement = doc.statements.map((s) => {
            const st: Record<string, unknown> = {};
            if (s.sid !== "") st.Sid = s.sid;
            if (s.effect !== "") st.Effect = s.effect;
            if (s.actions !== undefined && s.actions !== null) st.Action = s.actions;
            if (s.notActions !== undefined && s.notActions !== null) st.NotAction = s.notActions;
            if (s.resources !== undefined && s.resources !== null) st.Resource = s.resources;
            if (s.notResources !== undefined && s.notResources !== null) st.NotResource = s.notResources;
            if (s.principals && s.principals.length > 0) st.Principal = marshalPrincipals(s.principals);
            if (s.notPrincipals && s.notPrincipals.length > 0) st.NotPrincipal = marshalPrincipals(s.notPrincipals);
            if (s.conditions && s.conditions.length > 0) st.Condition = marshalConditions(s.conditions);
            return st;
        });
    }
    return out;
}

/** JSON text with Go's HTML-safe escaping (encoding/json escapes <, >, &, U+2028, U+2029). */
function goJson(value: unknown, indent?: number): string {
    return JSON.stringify(value, null, indent)
        .replace(/</g, "\\u003c")
        .replace(/>/g, "\\u003e")
        .replace(/&/g, "\\u0026")
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
}

/** The invoke's answer: `json`, `minifiedJson`, `id`, plus the inputs echoed back. */
export function renderPolicyDocument(inputs: Record<string, unknown>): Record<string, unknown> {
    const version = typeof inputs.version === "string" && inputs.version !== "" ? inputs.version : "2012-10-17";
    if (!VERSIONS.includes(version)) {
        throw new PolicyDocumentError(`version must be one of ${VERSIONS.join(", ")}, got "${version}"`);
    }
    const merged: PolicyDoc = { version: "", id: "" };
    const sources = stringList(inputs.sourcePolicyDocuments, "sourcePolicyDocuments");
    const seenSids = new Set<string>();
    sources.forEach((text, i) => {
        const doc = parseDocJson(text, `merging source document ${i}`);
        (doc.statements ?? []).forEach((s, j) => {
            if (s.sid !== "" && seenSids.has(s.sid)) {
                throw new PolicyDocumentError(
                    `merging source document ${i}: duplicate Sid (${s.sid}) in source_policy_documents (statement ${j}). Remove the Sid or ensure Sids are unique.`,
                );
            }
            if (s.sid !== "") seenSids.add(s.sid);
        });
        merge(merged, doc);
    });
    const own: PolicyDoc = {
        version,
        id: typeof inputs.policyId === "string" ? inputs.policyId : "",
        statements: decodeStatements(inputs.statements, version),
    };
    merge(merged, own);
    stringList(inputs.overridePolicyDocuments, "overridePolicyDocuments").forEach((text, i) => {
        merge(merged, parseDocJson(text, `merging override document ${i}`));
    });
    const shape = toJsonShape(merged);
    const json = goJson(shape, 2);
    return {
        ...inputs,
        version,
        id: String(crc32(json)),
        json,
        minifiedJson: goJson(shape),
    };
}

// Intents: what must work and what must never work in a plan, as data. Architectures declare
// theirs as a component output named `intents`; users add theirs in a YAML file (--intents).
// This file reads either strictly: unknown keys, malformed ports, endpoints or actions are
// errors naming the file, the entry and what is allowed.
import type { Value } from "../plan";

export type EndpointSpec = string;

export interface FlowIntent {
    id: string;
    description?: string;
    expect: "allow" | "deny";
    flow: { from: EndpointSpec; to: EndpointSpec; port: number; protocol: "tcp" | "udp" };
}

export interface AccessIntent {
    id: string;
    description?: string;
    expect: "allow" | "deny";
    access: { principal: string; action: string; resource: string; scope?: string; context?: Record<string, string>; source?: string };
}

export type Intent = FlowIntent | AccessIntent;

export class IntentsError extends Error {
    constructor(readonly source: string, readonly problems: string[]) {
        super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join("\n  - ")}`}`);
    }
}

export const ENDPOINT_HELP = `"internet", "cidr:<IPv4 or IPv6 CIDR>", "sg:<security group resource name>" or "service:<AWS service, e.g. s3>"`;
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;
const ENDPOINT = /^(internet|cidr:[0-9a-fA-F.:/]+|sg:[A-Za-z0-9._\-]+|service:[a-z0-9-]+)$/;

/** A role's resource name, "any", "anonymous" or a service principal (`service:cloudfront.amazonaws.com`). */
const PRINCIPAL = /^([A-Za-z0-9._\-]+|service:[a-z0-9-]+(\.[a-z0-9-]+)*)$/;

/** An IAM condition key: `service:key`, optionally with a `/tag` part. */
const CONDITION_KEY = /^[a-z0-9-]+:[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.:\/=+@-]+)?$/;

function keysOf(where: string, value: Record<string, Value>, allowed: string[], problems: string[]): void {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) problems.push(`${where}: unknown key "${key}" (allowed: ${allowed.join(", ")})`);
    }
}

function isObject(v: Value | undefined): v is Record<string, Value> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function text(where: string, value: Value | undefined, problems: string[], pattern?: RegExp, help?: string): string {
    if (typeof value !== "string" || value === "" || (pattern && !pattern.test(value))) {
        problems.push(`${where} = ${JSON.stringify(value ?? null)}: ${help ?? "a non-empty string"}`);
        return "";
    }
    return value;
}

function readOne(where: string, entry: Value, problems: string[]): Intent | undefined {
    if (!isObject(entry)) {
        problems.push(`${where}: an intent is a mapping with id, expect and flow or access`);
        return undefined;
    }
    const id = text(`${where}.id`, entry.id, problems, ID, "lower-case letters, digits and -, up to 80 characters");
    const at = id ? `${where} (${id})` : where;
    keysOf(at, entry, ["id", "description", "expect", "flow", "access"], problems);
    const expect = entry.expect === "allow" || entry.expect === "deny" ? entry.expect : (problems.push(`${at}.expect = ${JSON.stringify(entry.expect ?? null)}: "allow" or "deny"`), "allow");
    const description = entry.description === undefined ? undefined : text(`${at}.description`, entry.description, problems);
    if ((entry.flow === undefined) === (entry.access === undefined)) {
        problems.push(`${at}: give exactly one of flow (network reachability) or access (IAM permission)`);
        return undefined;
    }
    if (entry.flow !== undefined) {
        if (!isObject(entry.flow)) {
            problems.push(`${at}.flow: a mapping with from, to, port and protocol (optional, tcp or udp)`);
            return undefined;
        }
        const f = entry.flow;
        keysOf(`${at}.flow`, f, ["from", "to", "port", "protocol"], problems);
        const from = text(`${at}.flow.from`, f.from, problems, ENDPOINT, ENDPOINT_HELP);
        const to = text(`${at}.flow.to`, f.to, problems, ENDPOINT, ENDPOINT_HELP);
        const port = typeof f.port === "number" && Number.isInteger(f.port) && f.port >= 1 && f.port <= 65535 ? f.port : undefined;
        if (port === undefined) problems.push(`${at}.flow.port = ${JSON.stringify(f.port ?? null)}: a whole number from 1 to 65535`);
        const protocol = f.protocol === undefined ? "tcp" : f.protocol === "tcp" || f.protocol === "udp" ? f.protocol : (problems.push(`${at}.flow.protocol = ${JSON.stringify(f.protocol)}: "tcp" or "udp"`), "tcp");
        return { id, expect, ...(description !== undefined ? { description } : {}), flow: { from, to, port: port ?? 0, protocol } };
    }
    if (!isObject(entry.access)) {
        problems.push(`${at}.access: a mapping with principal, action, resource and scope (optional)`);
        return undefined;
    }
    const a = entry.access;
    keysOf(`${at}.access`, a, ["principal", "action", "resource", "scope", "context", "source"], problems);
    const principal = text(`${at}.access.principal`, a.principal, problems, PRINCIPAL,
        `a role's resource name, "any", "anonymous" (an unauthenticated caller) or "service:<service principal>" (e.g. service:cloudfront.amazonaws.com)`);
    const source = a.source === undefined ? undefined : text(`${at}.access.source`, a.source, problems, /^[A-Za-z0-9._\-]+$/, "the resource name of what the service acts for (its ARN is aws:SourceArn)");
    if (source !== undefined && !principal.startsWith("service:")) problems.push(`${at}.access.source: only with a "service:<service principal>" principal (a service acts for a resource; a role or "anonymous" does not)`);
    const action = text(`${at}.access.action`, a.action, problems, ACTION, "service:Action, e.g. s3:GetObject");
    const resource = text(`${at}.access.resource`, a.resource, problems, /^(arn:[^\s]+|([a-z0-9-]+:[A-Za-z0-9/]+:[A-Za-z0-9]+::)?[A-Za-z0-9._\-]+(\/[A-Za-z0-9._\-/]+)?|\*)$/, "a resource name of the plan (type::name when names repeat, e.g. aws:rds/instance:Instance::db; a bucket's name/key for one object), an ARN, or *");
    const scope = a.scope === undefined ? undefined : text(`${at}.access.scope`, a.scope, problems, /^[A-Za-z0-9._\-]+$/, "an organisational unit's or account's resource name");
    let context: Record<string, string> | undefined;
    if (a.context !== undefined) {
        if (!isObject(a.context)) {
            problems.push(`${at}.access.context: a mapping of condition keys to values, e.g. { "cloudwatch:namespace": chat }`);
        } else {
            context = {};
            for (const [key, value] of Object.entries(a.context)) {
                if (!CONDITION_KEY.test(key)) problems.push(`${at}.access.context: key "${key}": a condition key such as cloudwatch:namespace or aws:ResourceTag/environment`);
                context[key] = text(`${at}.access.context.${key}`, value, problems, /^[^\s]{1,256}$/, "a value without spaces, up to 256 characters");
            }
        }
    }
    return { id, expect, ...(description !== undefined ? { description } : {}), access: { principal, action, resource, ...(scope !== undefined ? { scope } : {}), ...(context !== undefined ? { context } : {}), ...(source !== undefined ? { source } : {}) } };
}

/** Reads a list of intents (a file's `intents:` or a component's output) strictly. */
export function readIntents(source: string, value: Value | undefined): Intent[] {
    const problems: string[] = [];
    if (!Array.isArray(value)) throw new IntentsError(source, ["intents must be a list of intents (each with id, expect and flow or access)"]);
    const intents = value.map((entry, i) => readOne(`intents[${i}]`, entry, problems)).filter((x): x is Intent => x !== undefined);
    const seen = new Set<string>();
    for (const intent of intents) {
        if (intent.id && seen.has(intent.id)) problems.push(`intent id "${intent.id}" appears twice: ids are unique`);
        seen.add(intent.id);
    }
    if (problems.length > 0) throw new IntentsError(source, problems);
    return intents;
}

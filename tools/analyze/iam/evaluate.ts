// "May principal X perform action Y on resource Z?" (pure), in AWS's order: an explicit deny in
// any policy that applies wins; an SCP on the principal's account must not deny; then an allow in
// an identity policy or in the resource's policy (same account) grants, except for KMS keys, whose
// key policy must allow the principal or delegate to the account. An unauthenticated caller
// ("anonymous") and an AWS service acting for a resource (CloudFront for a distribution) have no
// identity policies: only a resource policy that names them ("*" or the service) grants. Values
// unknown in preview are followed through property dependencies; what stays unknown makes the
// answer "undecided".
import { isUnknown, type Plan, type PlanResource, UNKNOWN as UNKNOWN_ARN } from "../plan";
import type { Answer } from "../network/reach";
import { identityPolicies, resourcePolicies, serviceControlPolicies, type Collected } from "./collect";
import { actionMatches, conditionHolds, type PolicyDocument, type RequestContext, type Statement, type Tri, wildcardMatch } from "./documents";

export interface AccessRequest {
    /**
     * A role of the plan; "any": a principal whose own policies allow everything (to test
     * guardrails); "anonymous": an unauthenticated caller (is it public?); { service }: an AWS
     * service principal such as cloudfront.amazonaws.com.
     */
    principal: PlanResource | "any" | "anonymous" | { service: string };
    /** For a service principal: the resource it acts for, whose ARN is the request's aws:SourceArn. */
    source?: PlanResource;
    action: string;
    /** A resource of the plan, or a concrete ARN (e.g. another environment's bucket). */
    target: PlanResource | string;
    /** For object actions on a bucket of the plan: the object's key. @default "example-object" */
    objectKey?: string;
    /** An organisational unit or account of the plan: its SCPs (and its ancestors') apply. */
    scope?: PlanResource;
    accountId: string;
    partition?: string;
    context?: RequestContext;
}

type Principal = AccessRequest["principal"];

function isRole(p: Principal): p is PlanResource {
    return typeof p === "object" && "urn" in p;
}

/** Stands for the source's ARN while a preview does not know it: a condition built from that unknown ARN matches it. */
function sourceArnPlaceholder(source: PlanResource): string {
    return `<arn of ${source.urn}>`;
}

/** The ARN service of a resource type (aws:cloudwatch/logGroup → logs; the module name otherwise). */
function arnService(type: string): string {
    const module = type.split(":")[1]?.split("/")[0] ?? "";
    return ({ cloudwatch: "logs", s3: "s3" } as Record<string, string>)[module] ?? module;
}

function isObjectAction(action: string): boolean {
    return /^s3:.*Object/i.test(action) || /^s3:(AbortMultipartUpload|ListMultipartUploadParts)$/i.test(action);
}

/** What the target's ARN is known to be: exact, only a prefix (autonamed), or nothing. */
function targetArn(req: AccessRequest): { exact?: string; prefix?: string } {
    if (typeof req.target === "string") return { exact: req.target };
    const t = req.target;
    const partition = req.partition ?? "aws";
    const objectSuffix = isObjectAction(req.action) ? `/${req.objectKey ?? "example-object"}` : "";
    // Apply mode knows what the provider reported: the ARN (a prefix-named bucket's whole name
    // included), and for a database with an RDS-managed password the secret that holds it, which
    // is what a Secrets Manager action on the database means.
    const service = req.action.split(":")[0].toLowerCase();
    if (service === "secretsmanager" && t.type.startsWith("aws:rds/")) {
        const secrets = t.outputs?.masterUserSecrets;
        const first = Array.isArray(secrets) ? secrets[0] : undefined;
        const secretArn = first !== null && typeof first === "object" && !Array.isArray(first) ? first.secretArn : undefined;
        if (typeof secretArn === "string" && !isUnknown(secretArn)) return { exact: secretArn };
    }
    const reported = t.outputs?.arn;
    if (typeof reported === "string" && !isUnknown(reported) && reported.split(":")[2] === service) {
        return { exact: `${reported}${t.type.startsWith("aws:s3/bucket") ? objectSuffix : ""}` };
    }
    if (t.type.startsWith("aws:s3/bucket")) {
        if (typeof t.props.bucket === "string" && !isUnknown(t.props.bucket)) return { exact: `arn:${partition}:s3:::${t.props.bucket}${objectSuffix}` };
        if (typeof t.props.bucketPrefix === "string") return { prefix: `arn:${partition}:s3:::${t.props.bucketPrefix}` };
    }
    return {};
}

/** Whether a statement's resources cover the request's target; "unknown" where preview hides it. */
function resourceMatch(st: Statement, doc: PolicyDocument, req: AccessRequest, plan: Plan): Tri {
    const arn = targetArn(req);
    const one = (pattern: string): Tri => {
        if (pattern === "*") return "yes";
        if (isUnknown(pattern)) {
            if (typeof req.target !== "string") return doc.dependencies.includes(req.target.urn) ? "yes" : "no";
            // A concrete ARN: could the unknown be one of the resources the document depends on?
            const candidates = doc.dependencies.map((u) => plan.get(u)).filter((r): r is PlanResource => r !== undefined);
            const could = candidates.some((c) => {
                const a = targetArn({ ...req, target: c });
                if (a.exact) return (req.target as string).startsWith(a.exact.replace(/\/example-object$/, ""));
                if (a.prefix) return (req.target as string).startsWith(a.prefix);
                // Another kind of resource can only be the target when its service is the ARN's.
                return c.type.startsWith("aws:") && arnService(c.type) === (req.target as string).split(":")[2];
            });
            return could ? "unknown" : "no";
        }
        if (arn.exact) return wildcardMatch(pattern, arn.exact) ? "yes" : "no";
        if (arn.prefix && !wildcardMatch(`${pattern.split("*")[0]}*`, arn.prefix) && !arn.prefix.startsWith(pattern.split("*")[0])) return "no";
        return "unknown";
    };
    const any = (patterns: string[]): Tri => {
        const results = patterns.map(one);
        return results.includes("yes") ? "yes" : results.includes("unknown") ? "unknown" : "no";
    };
    if (st.resources) return any(st.resources);
    if (st.notResources) {
        const r = any(st.notResources);
        return r === "yes" ? "no" : r === "no" ? "yes" : "unknown";
    }
    // Resource policies may leave Resource out: they are about their own resource.
    return st.principals ? "yes" : "no";
}

function roleArn(role: PlanResource, req: AccessRequest): string | undefined {
    const name = role.props.name;
    return typeof name === "string" && !isUnknown(name) ? `arn:${req.partition ?? "aws"}:iam::${req.accountId}:role/${name}` : undefined;
}

/** Whether a resource policy's statement is about the principal (the account root counts only as "account"). */
function principalMatch(st: Statement, doc: PolicyDocument, req: AccessRequest): Tri | "account" {
    if (!st.principals) return "yes";
    if (st.notPrincipal) return "unknown";
    if (st.principals.any) return "yes";
    if (req.principal === "any") return "unknown";
    // Neither an unauthenticated caller nor a service is an account's principal.
    if (req.principal === "anonymous") return "no";
    if (!isRole(req.principal)) {
        const service = req.principal.service;
        return st.principals.service.some((s) => isUnknown(s) ? false : wildcardMatch(s, service, true)) ? "yes"
            : st.principals.service.some(isUnknown) ? "unknown" : "no";
    }
    const arn = roleArn(req.principal, req);
    let result: Tri | "account" = "no";
    for (const p of st.principals.aws) {
        if (isUnknown(p)) {
            if (doc.dependencies.includes(req.principal.urn)) return "yes";
            result = result === "no" ? "unknown" : result;
        } else if (arn !== undefined && p === arn) return "yes";
        else if (p === req.accountId || p === `arn:${req.partition ?? "aws"}:iam::${req.accountId}:root`) result = "account";
    }
    return result;
}

interface Applies {
    tri: Tri;
    statement: Statement;
    doc: PolicyDocument;
}

/**
 * In a preview the source's ARN is unknown, and so is a condition value built from it: a value
 * of a document that depends on the source stands for the source's ARN (the analyzer's rule for
 * unknown resource patterns); in a document that does not, it cannot be that ARN.
 */
function withSourceArn(condition: Statement["condition"], doc: PolicyDocument, req: AccessRequest): Statement["condition"] {
    if (!condition || !req.source || !isUnknown(req.source.outputs?.arn ?? UNKNOWN_ARN)) return condition;
    if (!doc.dependencies.includes(req.source.urn)) return condition;
    const placeholder = sourceArnPlaceholder(req.source);
    return Object.fromEntries(Object.entries(condition).map(([operator, keys]) => [operator, Object.fromEntries(Object.entries(keys ?? {}).map(([key, value]) =>
        [key, key.toLowerCase() === "aws:sourcearn" && isUnknown(value) ? placeholder : value]))]));
}

function applying(docs: PolicyDocument[], req: AccessRequest, plan: Plan, context: RequestContext): { matches: Applies[]; unreadable: string[]; account: Applies[] } {
    const matches: Applies[] = [];
    const account: Applies[] = [];
    const unreadable: string[] = [];
    for (const doc of docs) {
        if (doc.unknown) {
            unreadable.push(`${doc.source} is unknown in preview`);
            continue;
        }
        for (const st of doc.statements) {
            if (!actionMatches(st, req.action)) continue;
            const principal = principalMatch(st, doc, req);
            if (principal === "no") continue;
            const resource = resourceMatch(st, doc, req, plan);
            if (resource === "no") continue;
            const condition = conditionHolds(withSourceArn(st.condition, doc, req), context);
            if (condition === "no") continue;
            const parts: Tri[] = [principal === "account" ? "yes" : principal, resource, condition];
            const tri: Tri = parts.includes("unknown") ? "unknown" : "yes";
            (principal === "account" ? account : matches).push({ tri, statement: st, doc });
        }
    }
    return { matches, unreadable, account };
}

function named(a: Applies): string {
    return `${a.doc.source}${a.statement.sid ? ` (${a.statement.sid})` : ""}`;
}

function who(principal: Principal): string {
    if (principal === "any") return "a principal allowed everything by its own policies";
    if (principal === "anonymous") return "an unauthenticated caller";
    return isRole(principal) ? principal.name : principal.service;
}

function describe(req: AccessRequest): string {
    const who_ = `${who(req.principal)}${req.source ? ` (for ${req.source.name})` : ""}`;
    const what = typeof req.target === "string" ? req.target : req.target.name;
    return `${who_} ${req.action} on ${what}`;
}

function sourceContext(req: AccessRequest): RequestContext {
    if (!req.source) return {};
    const arn = req.source.outputs?.arn;
    return {
        "aws:SourceArn": typeof arn === "string" && !isUnknown(arn) ? arn : sourceArnPlaceholder(req.source),
        "aws:SourceAccount": req.accountId,
    };
}

export function mayPerform(plan: Plan, req: AccessRequest): Answer {
    const p = req.principal;
    const context: RequestContext = {
        "aws:SecureTransport": "true",
        // An unauthenticated caller or a service has no principal ARN or account of its own.
        ...(isRole(p) || p === "any" ? { "aws:PrincipalAccount": req.accountId } : {}),
        // "any" stands for an ordinary workload role of the account (not a guardrail's exception).
        ...(p === "any" ? { "aws:PrincipalArn": `arn:${req.partition ?? "aws"}:iam::${req.accountId}:role/any-workload-role` } : {}),
        ...(isRole(p) ? { "aws:PrincipalArn": isUnknown(p.props.name) ? "<unknown>" : roleArn(p, req) } : {}),
        ...sourceContext(req),
        ...(req.context ?? {}),
    };
    const identity: Collected = p === "any"
        ? { documents: [{ source: "(allow everything)", statements: [{ effect: "Allow", actions: ["*"], resources: ["*"], notPrincipal: false }], unknown: false, dependencies: [] }], unreadable: [] }
        : isRole(p) ? identityPolicies(plan, p) : { documents: [], unreadable: [] };
    const resource: Collected = typeof req.target === "string" ? { documents: [], unreadable: [] } : resourcePolicies(plan, req.target);
    const scps: Collected = req.scope ? serviceControlPolicies(plan, req.scope) : { documents: [], unreadable: [] };

    const id = applying(identity.documents, req, plan, context);
    const res = applying(resource.documents, req, plan, context);
    const scp = applying(scps.documents, req, plan, context);
    const unreadable = [...identity.unreadable, ...resource.unreadable, ...scps.unreadable, ...id.unreadable, ...res.unreadable, ...scp.unreadable];
    const all = [...id.matches, ...res.matches, ...scp.matches];

    const denies = all.filter((a) => a.statement.effect === "Deny");
    const deny = denies.find((a) => a.tri === "yes");
    if (deny) return { verdict: "denied", explanation: `explicit deny: ${named(deny)} denies ${describe(req)}` };

    const isKey = typeof req.target !== "string" && req.target.type === "aws:kms/key:Key";
    const allows = (list: Applies[]) => list.filter((a) => a.statement.effect === "Allow");
    const keyDelegates = allows(res.account).find((a) => a.tri === "yes");
    const identityAllow = allows(id.matches).find((a) => a.tri === "yes");
    const resourceAllow = allows(res.matches).find((a) => a.tri === "yes");
    const granted = isKey ? resourceAllow ?? (keyDelegates && identityAllow) : identityAllow ?? resourceAllow;
    const maybeDeny = denies.find((a) => a.tri === "unknown");
    if (granted) {
        if (maybeDeny) return { verdict: "undecided", explanation: `${named(granted)} allows ${describe(req)}, but ${named(maybeDeny)} may deny it: a value it needs is unknown offline` };
        if (unreadable.length > 0 && req.scope) return { verdict: "undecided", explanation: `${named(granted)} allows ${describe(req)}, but ${unreadable.join("; ")}` };
        const through = [granted, ...(isKey && keyDelegates && !resourceAllow ? [keyDelegates] : [])].map(named).join(" and ");
        const linked = granted.doc.dependencies.length > 0 && typeof req.target !== "string" && granted.doc.dependencies.includes(req.target.urn) ? " (its ARN, unknown in preview, comes from the target through property dependencies)" : "";
        return { verdict: "allowed", explanation: `${through} allows ${describe(req)}${linked}${req.scope ? `; no SCP on ${req.scope.name} or above denies it` : ""}` };
    }
    const maybeAllow = allows(all).find((a) => a.tri === "unknown");
    if (maybeAllow || unreadable.length > 0) {
        const why = [...(maybeAllow ? [`${named(maybeAllow)} may allow it (a value it needs is unknown offline)`] : []), ...unreadable];
        return { verdict: "undecided", explanation: `cannot decide ${describe(req)} offline: ${why.join("; ")}` };
    }
    if (isKey && identityAllow) return { verdict: "denied", explanation: `${named(identityAllow)} allows ${describe(req)}, but the key policy of ${(req.target as PlanResource).name} neither allows it nor delegates to the account` };
    const sources = [...identity.documents, ...resource.documents].map((d) => d.source);
    return { verdict: "denied", explanation: `no statement allows ${describe(req)} (read: ${sources.length > 0 ? sources.join(", ") : "no policy"})` };
}

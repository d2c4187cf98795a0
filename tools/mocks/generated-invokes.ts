// Answers for any provider function, generated from the shape its SDK declares (invoke-schema.ts):
// every field of `Get…Result` gets a value of its type, chosen by its name — ids in AWS style
// (`vpc-0…`, `subnet-0…`, `sg-0…`), ARNs with the right service, region and account, CIDRs, zone
// names of the region, e-mail addresses, dates — and the arguments the program passed come back in
// the fields of the same name (as the provider echoes them), filters included (`vpc-id` fills
// `vpcId`). Values are derived from the token and the arguments, so the same lookup always gets
// the same answer, and region and account are the plan's. Hand-tuned answers (invokes.ts) refine
// these for the common lookups.
import { awsStyleId, hexId, upperAlnum } from "./hash";
import type { InvokeSchema, ObjectShape, Shape } from "./invoke-schema";
import { partitionOf, zonesOf } from "./regions";

export interface GenerateContext {
    region: string;
    accountId: string;
}

/** EC2-style id prefixes by resource kind (the kind is read from the function or field name). */
const ID_PREFIXES: Record<string, string> = {
    vpc: "vpc", subnet: "subnet", securitygroup: "sg", instance: "i", ami: "ami", image: "ami",
    internetgateway: "igw", egressonlyinternetgateway: "eigw", natgateway: "nat", routetable: "rtb",
    networkinterface: "eni", volume: "vol", ebsvolume: "vol", snapshot: "snap", ebssnapshot: "snap",
    keypair: "key", eip: "eipalloc", allocation: "eipalloc", vpcendpoint: "vpce", transitgateway: "tgw",
    prefixlist: "pl", managedprefixlist: "pl", networkacl: "acl", dhcpoptions: "dopt", launchtemplate: "lt",
    vpcpeeringconnection: "pcx", customergateway: "cgw", vpngateway: "vgw", placementgroup: "pg",
    carriergateway: "cagw", localgateway: "lgw", ipam: "ipam", ipampool: "ipam-pool", association: "assoc",
    reservation: "r", spotinstancerequest: "sir", hostedzone: "Z", coippool: "coip-pool",
};

/** ARN service by the kind of resource (else by the module; else the module's name). */
const KIND_SERVICE: Record<string, string> = {
    role: "iam", policy: "iam", user: "iam", instanceprofile: "iam", servercertificate: "iam", openidconnectprovider: "iam",
    key: "kms", alias: "kms", topic: "sns", queue: "sqs", bucket: "s3", function: "lambda", layer: "lambda",
    table: "dynamodb", account: "organizations", organization: "organizations", organizationalunit: "organizations",
    certificate: "acm", secret: "secretsmanager", parameter: "ssm", repository: "ecr", loadbalancer: "elasticloadbalancing",
    targetgroup: "elasticloadbalancing", listener: "elasticloadbalancing", loggroup: "logs", statemachine: "states",
    userpool: "cognito-idp", distribution: "cloudfront", webacl: "wafv2",
};
const MODULE_SERVICE: Record<string, string> = {
    lb: "elasticloadbalancing", alb: "elasticloadbalancing", elb: "elasticloadbalancing", cognito: "cognito-idp",
    sfn: "states", cloudwatch: "cloudwatch", ec2transitgateway: "ec2", ec2clientvpn: "ec2", vpc: "ec2", ebs: "ec2",
    index: "iam", apigatewayv2: "apigateway", opensearch: "es", elasticsearch: "es", msk: "kafka", memorydb: "memorydb",
    route53: "route53", rds: "rds", efs: "elasticfilesystem", eks: "eks", ecs: "ecs",
};
/** Services whose ARNs carry no region (and, for S3, no account). */
const GLOBAL_SERVICES = new Set(["iam", "organizations", "route53", "cloudfront", "s3"]);

/** Number of ids a list of ids gets (one per zone, at most three). */
function listLength(ctx: GenerateContext): number {
    return Math.min(3, zonesOf(ctx.region).length);
}

const lower = (s: string) => s.toLowerCase();
const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[_\s]+/g, "-").toLowerCase();
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The resource kind a function answers about: getVpc -> vpc, getSubnets -> subnet, getAlias -> alias. */
export function kindOfFunction(fn: string, result: ObjectShape): string {
    let kind = fn.replace(/^get/, "");
    if (/s$/.test(kind) && "ids" in result.fields && !/ss$/.test(kind)) kind = kind.replace(/(ie)?s$/, (m) => (m === "ies" ? "y" : ""));
    return kind.charAt(0).toLowerCase() + kind.slice(1);
}

/** Stable JSON (sorted keys) for seeds. */
function stable(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
    if (value !== null && typeof value === "object") {
        return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

function uuid(key: string): string {
    const h = hexId(key, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The longest known EC2 kind a word ends with ("mainRouteTable" -> "routetable"). */
function ec2KindOf(word: string): string | undefined {
    const w = lower(word);
    return Object.keys(ID_PREFIXES).filter((k) => w.endsWith(k)).sort((a, b) => b.length - a.length)[0];
}

function idFor(ec2Kind: string, key: string): string {
    const prefix = ID_PREFIXES[ec2Kind];
    return prefix === "Z" ? `Z${upperAlnum(key, 20)}` : awsStyleId(prefix, key);
}

function serviceOf(kind: string, module: string): string {
    return KIND_SERVICE[lower(kind)] ?? MODULE_SERVICE[module] ?? module;
}

export function arnOf(service: string, resource: string, ctx: GenerateContext): string {
    const { partition } = partitionOf(ctx.region);
    if (service === "s3") return `arn:${partition}:s3:::${resource}`;
    const region = GLOBAL_SERVICES.has(service) ? "" : ctx.region;
    return `arn:${partition}:${service}:${region}:${ctx.accountId}:${resource}`;
}

/** The resource part of an ARN for a kind and a name, in the service's own style. */
function arnResource(service: string, kind: string, name: string, seed: string): string {
    const k = lower(kind);
    switch (service) {
        case "s3":
            return name;
        case "sns":
        case "sqs":
            return name;
        case "lambda":
            return `${k === "layer" ? "layer" : k === "function" ? "function" : kebab(kind)}:${name}`;
        case "logs":
            return `log-group:${name}`;
        case "secretsmanager":
            return `secret:${name}-${upperAlnum(seed, 6)}`;
        case "ssm":
            return `parameter/${name.replace(/^\//, "")}`;
        case "kms":
            return k === "alias" ? (name.startsWith("alias/") ? name : `alias/${name}`) : `key/${name}`;
        case "states":
            return `stateMachine:${name}`;
        default:
            return `${kebab(kind)}/${name}`;
    }
}

interface Gen {
    schema: InvokeSchema;
    ctx: GenerateContext;
    inputs: Record<string, unknown>;
    seed: string;
    /** The resource the call asks about, as the arguments name it (`functionName`, `instanceId`, `bucket`, ...). */
    identity: { id?: string; name?: string };
}

/** The id and name a call asks about: `id`/`<kind>Id`, `name`/`<kind>Name`/`<kind>` arguments. */
function identityOf(kind: string, inputs: Record<string, unknown>): Gen["identity"] {
    const s = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
    return {
        id: s(inputs.id) ?? s(inputs[`${kind}Id`]),
        name: s(inputs.name) ?? s(inputs[`${kind}Name`]) ?? s(inputs[kind]),
    };
}

/** Values the program's filters name (`vpc-id` -> vpcId, `tag:Name` -> tags.Name). */
function fromFilters(inputs: Record<string, unknown>): { fields: Record<string, unknown>; tags: Record<string, string> } {
    const fields: Record<string, unknown> = {};
    const tags: Record<string, string> = {};
    const filters = Array.isArray(inputs.filters) ? inputs.filters : Array.isArray(inputs.filter) ? inputs.filter : [];
    for (const f of filters as Array<Record<string, unknown>>) {
        const name = typeof f?.name === "string" ? f.name : undefined;
        const values = Array.isArray(f?.values) ? (f.values as unknown[]) : [];
        if (!name || values.length === 0) continue;
        if (name.startsWith("tag:")) tags[name.slice(4)] = String(values[0]);
        else fields[name.replace(/[-.]([a-z])/g, (_, c: string) => c.toUpperCase())] = values[0];
    }
    return { fields, tags };
}

function stringValue(field: string, kind: string, g: Gen, path: string, known: Record<string, unknown>): string {
    const f = lower(field);
    const key = `${g.seed}|${path}`;
    const module = g.schema.module;
    const name = typeof known.name === "string" ? known.name : undefined;
    if (f === "region" || f.endsWith("region")) return g.ctx.region;
    if (f === "partition") return partitionOf(g.ctx.region).partition;
    if (f === "availabilityzone") return zonesOf(g.ctx.region)[0].name;
    if (f === "availabilityzoneid" || f === "zoneid" && module === "ec2") return zonesOf(g.ctx.region)[0].zoneId;
    if (f === "accountid" || f.endsWith("accountid") || f === "ownerid" || f === "owner" || f === "requesterid") return g.ctx.accountId;
    const top = path.split(".").length === 2;
    if (top && f === "id") {
        const ec2 = ec2KindOf(kind);
        return g.identity.id ?? (ec2 ? idFor(ec2, key) : g.identity.name ?? `${kebab(kind)}-${hexId(key, 10)}`);
    }
    if (top && f === "arn") {
        const service = serviceOf(kind, module);
        const ec2 = ec2KindOf(kind);
        if (ec2 && service === "ec2") return arnOf("ec2", `${kebab(kind)}/${typeof known.id === "string" ? known.id : idFor(ec2, key)}`, g.ctx);
        const resourceName = g.identity.name ?? (typeof known.name === "string" ? known.name : undefined) ?? (typeof known.id === "string" ? known.id : `${kebab(kind)}-${hexId(key, 8)}`);
        return arnOf(service, arnResource(service, kind, resourceName, key), g.ctx);
    }
    if (top && (f === "name" || f === `${lower(kind)}name`) && g.identity.name) return g.identity.name;
    if (ec2KindOf(field) === f && ID_PREFIXES[f] !== "Z") return idFor(f, key);
    if (f === "arn" || f.endsWith("arn")) {
        const base = f === "arn" ? kind : field.slice(0, -3);
        const k = f === "arn" ? kind : (lower(base).endsWith("account") ? "account" : base.replace(/^(target|master|source|destination|execution|task|service|kms|default)(?=[A-Z])/, ""));
        const service = serviceOf(k, module);
        const id = f === "arn" ? (typeof known.id === "string" ? known.id : name) : undefined;
        const resourceName = f === "arn" && name ? name : id ?? `${kebab(k || kind)}-${hexId(key, 8)}`;
        if (service === "organizations" && lower(k) === "account") return arnOf(service, `account/o-${hexId(key, 10)}/${g.ctx.accountId}`, g.ctx);
        const ec2 = ec2KindOf(k);
        if (ec2 && service === "ec2") return arnOf("ec2", `${kebab(k)}/${awsStyleId(ID_PREFIXES[ec2], key)}`, g.ctx);
        return arnOf(service, arnResource(service, k || kind, resourceName, key), g.ctx);
    }
    if (f === "id" || f.endsWith("id")) {
        const base = f === "id" ? kind : field.slice(0, -2);
        if (/key$/i.test(base)) return uuid(key);
        if (/hostedzone$|^zone$/i.test(base)) return `Z${upperAlnum(key, 20)}`;
        if (/^user$/i.test(base)) return `AIDA${upperAlnum(key, 17)}`;
        const ec2 = ec2KindOf(base);
        if (ec2) return idFor(ec2, key);
        if (f === "id" && name) return name;
        return `${kebab(base) || "id"}-${hexId(key, 10)}`;
    }
    if (f === "cidrblock" || f.endsWith("cidrblock") || f === "cidr" || f.endsWith("cidr")) {
        if (f.includes("ipv6")) return `2600:1f18:${hexId(key, 4)}:${hexId(`${key}/2`, 2)}00::/56`;
        const a = 16 + (parseInt(hexId(key, 2), 16) % 200);
        return lower(kind) === "vpc" ? `10.${a}.0.0/16` : `10.${a}.${parseInt(hexId(`${key}/b`, 2), 16) % 240}.0/24`;
    }
    if (/ip(address)?$/i.test(field) || /^(public|private)ip/i.test(field)) {
        const n = 10 + (parseInt(hexId(key, 2), 16) % 240);
        return /public/i.test(field) ? `203.0.113.${n}` : `10.0.${n % 250}.${(n * 7) % 250 + 4}`;
    }
    if (f.includes("email")) return `aws+${hexId(key, 6)}@example.com`;
    if (/(date|time|timestamp)$/i.test(field) || /^(created|modified|updated|lastmodified|creation)/i.test(field)) {
        return /timeout/i.test(field) ? "30m" : "2024-01-01T00:00:00Z";
    }
    if (f.endsWith("url")) return `https://${kebab(kind)}-${hexId(key, 6)}.${g.ctx.region}.${partitionOf(g.ctx.region).dnsSuffix}`;
    if (f.endsWith("endpoint") || f.endsWith("dnsname") || f.endsWith("domainname") || f === "domain" || f === "hostname") {
        return `${kebab(kind)}-${hexId(key, 6)}.${g.ctx.region}.${partitionOf(g.ctx.region).dnsSuffix}`;
    }
    if (f === "state" || f === "status" || f.endsWith("state") || f.endsWith("status")) return "available";
    if (f === "policy" || f.endsWith("policy") || f.endsWith("json") || f.endsWith("document")) return JSON.stringify({ Version: "2012-10-17", Statement: [] });
    if (f === "description") return `${kebab(kind)} (offline check)`;
    if (f === "name" || f.endsWith("name")) {
        const base = f === "name" ? kind : field.slice(0, -4);
        return `${kebab(base) || "name"}-${hexId(key, 6)}`;
    }
    if (f === "path") return "/";
    if (f === "version" || f.endsWith("version")) return "1";
    return `${kebab(field)}-${hexId(key, 6)}`;
}

function numberValue(field: string): number {
    const f = lower(field);
    if (f.endsWith("port")) return 443;
    if (f.endsWith("days")) return 30;
    if (f.endsWith("seconds") || f.includes("timeout") || f.endsWith("interval")) return 30;
    if (f.endsWith("size") || f.endsWith("gb") || f.endsWith("gib")) return 8;
    if (f.endsWith("percent") || f.endsWith("percentage")) return 100;
    return 1;
}

function booleanValue(field: string): boolean {
    const f = lower(field);
    return f.startsWith("enable") || f.endsWith("enabled");
}

/** A value of `shape` for `field` of an object about `kind`. */
function value(field: string, shape: Shape, kind: string, g: Gen, path: string, known: Record<string, unknown>): unknown {
    switch (shape.kind) {
        case "string":
            return stringValue(field, kind, g, path, known);
        case "number":
            return numberValue(field);
        case "boolean":
            return booleanValue(field);
        case "any":
            return null;
        case "map":
            return /^tags(all)?$/i.test(field) ? { ...((g.inputs.tags as Record<string, unknown>) ?? {}) } : {};
        case "array": {
            const singular = field.replace(/(ie)?s$/, (m) => (m === "ies" ? "y" : ""));
            const idsLike = /(ids|arns|names)$/i.test(field) && shape.items.kind === "string";
            if (/^(availabilityzones|zonenames|names)$/i.test(field) && shape.items.kind === "string" && /zone/i.test(kind + field)) {
                return zonesOf(g.ctx.region).map((z) => z.name);
            }
            const n = idsLike ? listLength(g.ctx) : 1;
            const itemKind = field === "ids" ? kind : singular.replace(/(Id|Arn|Name)$/, "") || kind;
            return Array.from({ length: n }, (_, i) => value(singular, shape.items, itemKind, g, `${path}[${i}]`, {}));
        }
        case "object":
            return object(shape, kindOfShape(shape, kind), g, path, {});
    }
}

/** A nested object's kind, from its interface name (`outputs.organizations.GetOrganizationAccount` -> account). */
function kindOfShape(shape: ObjectShape, fallback: string): string {
    const last = shape.name.split(".").pop() ?? "";
    const fn = capitalize(fallback);
    const m = /^Get([A-Z][A-Za-z0-9]*)$/.exec(last);
    if (!m) return fallback;
    const rest = m[1].startsWith(fn) && m[1].length > fn.length ? m[1].slice(fn.length) : m[1];
    return rest.charAt(0).toLowerCase() + rest.slice(1);
}

/** Identity fields first, so that an ARN can use the name and id chosen for the same object. */
const FIRST = ["name", "bucket", "id"];

function object(shape: ObjectShape, kind: string, g: Gen, path: string, given: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const fields = Object.keys(shape.fields).sort((a, b) => {
        const ia = FIRST.indexOf(a);
        const ib = FIRST.indexOf(b);
        return (ia < 0 ? FIRST.length : ia) - (ib < 0 ? FIRST.length : ib);
    });
    for (const field of fields) {
        if (given[field] !== undefined) {
            out[field] = given[field];
            continue;
        }
        const { shape: s, optional } = shape.fields[field];
        // Optional fields the provider leaves out unless asked (e.g. filters) stay out.
        if (optional && /^(filters?|returnorganizationonly)$/i.test(field)) continue;
        out[field] = value(field, s, kind, g, `${path}.${field}`, out);
    }
    return out;
}

/** A complete answer of the shape `schema` declares, for a call with `inputs`. */
export function generateAnswer(schema: InvokeSchema, inputs: Record<string, unknown>, ctx: GenerateContext): Record<string, unknown> {
    const kind = kindOfFunction(schema.function, schema.result);
    const g: Gen = { schema, ctx, inputs, seed: `${schema.token}|${stable(inputs)}|${ctx.region}|${ctx.accountId}`, identity: identityOf(kind, inputs) };
    // What the program asked for comes back as given, as the provider echoes its arguments.
    const given: Record<string, unknown> = {};
    const filtered = fromFilters(inputs);
    for (const [k, v] of Object.entries(filtered.fields)) if (k in schema.result.fields && schema.result.fields[k].shape.kind !== "object") given[k] = v;
    for (const [k, v] of Object.entries(inputs)) if (v !== undefined && v !== null && k in schema.result.fields) given[k] = v;
    if (Object.keys(filtered.tags).length > 0 && "tags" in schema.result.fields) given.tags = { ...filtered.tags, ...((given.tags as object) ?? {}) };
    return object(schema.result, kind, g, "", given);
}

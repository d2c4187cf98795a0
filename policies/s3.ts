/**
 * S3, written for @pulumi/aws v7: a bucket's encryption, versioning, public access block and
 * policy are separate resources, correlated with the bucket through dependencies (stack policies);
 * inline (deprecated) bucket fields are honoured where they can be read reliably.
 */
import { flag, publicBuckets, type PublicBucket, stringList } from "./lib/config";
import { matchesAny } from "./lib/glob";
import type { StackResource, StackView } from "./lib/graph";
import {
    ACCOUNT_PAB, ACL_TYPES, BUCKET, BUCKET_POLICY, BUCKET_TYPES, BUCKET_V2, bucketOf, bucketsOf, combine, CORS_TYPES,
    OWNERSHIP, PAB, SSE_TYPES, type SideVerdict, sideResources, VERSIONING_TYPES,
} from "./lib/buckets";
import {
    conditionValues, describeStatement, effectOf, hasPublicPrincipal, parseDocument, publicAccessOf, type Statement,
} from "./lib/iamdoc";
import { type PackPolicy, resourcePolicy, type StackReport, stackPolicy } from "./lib/policy";
import { at, bool, list, pathText, rec, records, str, strings, UNKNOWN } from "./lib/values";

/** Judges every bucket from its side resources of `sideTypes` (and an optional inline fallback). */
function checkBuckets(stack: StackView, report: StackReport, spec: {
    readonly buckets: readonly StackResource[];
    readonly sideTypes: readonly string[];
    judge(side: StackResource, bucket: StackResource): SideVerdict;
    inline?(bucket: StackResource): SideVerdict | undefined;
    /** What the side resource provides, e.g. "a server-side encryption configuration". */
    readonly what: string;
    missing(bucket: StackResource): string;
}): void {
    const links = sideResources(stack, spec.sideTypes);
    for (const bucket of spec.buckets) {
        const sides = links.byTarget.get(bucket.urn) ?? [];
        const verdict = combine(sides.map((s) => spec.judge(s, bucket))) ?? spec.inline?.(bucket);
        if (verdict?.kind === "ok") continue;
        if (verdict?.kind === "bad") report.violation(bucket, verdict.text);
        else if (verdict?.kind === "unknown") report.unknown(bucket, verdict.what, verdict.field);
        else if (links.unresolved.length > 0) {
            report.unknown(bucket, `whether ${spec.what} applies to this bucket`, `the bucket input of ${links.unresolved.map((u) => u.name).join(", ")}`);
        } else {
            report.violation(bucket, spec.missing(bucket));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Encryption

interface SseDefault { readonly algorithm: unknown; readonly keyId: unknown; readonly where: string }

/** Default-encryption entries of a side resource (`rules`) or of inline bucket fields. */
function sseDefaults(value: unknown, where: string, shape: "side" | "bucket" | "bucketV2"): SseDefault[] | typeof UNKNOWN {
    const out: SseDefault[] = [];
    const push = (d: unknown, path: string) => out.push({ algorithm: at(d, "sseAlgorithm"), keyId: at(d, "kmsMasterKeyId"), where: path });
    if (shape === "side") {
        const rules = list(value);
        if (rules === UNKNOWN) return UNKNOWN;
        (rules ?? []).forEach((r, i) => push(at(r, "applyServerSideEncryptionByDefault"), `${where}.${pathText("rules", i)}`));
    } else if (shape === "bucket") {
        const cfg = rec(value);
        if (cfg === UNKNOWN) return UNKNOWN;
        if (cfg !== undefined) push(at(cfg, "rule", "applyServerSideEncryptionByDefault"), `${where}.rule`);
    } else {
        const cfgs = list(value);
        if (cfgs === UNKNOWN) return UNKNOWN;
        (cfgs ?? []).forEach((c, i) => {
            const rules = list(at(c, "rules"));
            (rules === UNKNOWN ? [] : rules ?? []).forEach((r, j) => {
                const defaults = list(at(r, "applyServerSideEncryptionByDefaults"));
                (defaults === UNKNOWN ? [] : defaults ?? []).forEach((d, k) => push(d, `${where}[${i}].rules[${j}].applyServerSideEncryptionByDefaults[${k}]`));
            });
        });
    }
    return out;
}

function judgeSse(defaults: SseDefault[] | typeof UNKNOWN, field: string, kmsRequired: boolean, cmkRequired: boolean): SideVerdict {
    const what = "the bucket's default encryption";
    if (defaults === UNKNOWN) return { kind: "unknown", what, field };
    if (defaults.length === 0) return { kind: "bad", text: `${field} declares no default-encryption rule. Add a rule with applyServerSideEncryptionByDefault.sseAlgorithm "aws:kms" (or "AES256").` };
    for (const d of defaults) {
        const algorithm = str(d.algorithm);
        if (algorithm === UNKNOWN) return { kind: "unknown", what, field: `${d.where}.sseAlgorithm` };
        if (algorithm !== "AES256" && algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") {
            return { kind: "bad", text: `${d.where} sets no supported sseAlgorithm (${algorithm === undefined ? "none" : `"${algorithm}"`}). Use "aws:kms" or "AES256".` };
        }
        if (kmsRequired && algorithm === "AES256") {
            return { kind: "bad", text: `${d.where} uses SSE-S3 (AES256), but this stack's policy config requires SSE-KMS for this bucket. Set sseAlgorithm "aws:kms" with kmsMasterKeyId set to the stack's KMS key.` };
        }
        if (kmsRequired && cmkRequired) {
            const key = str(d.keyId);
            if (key === undefined || (typeof key === "string" && /(^|:)alias\/aws\/s3$/.test(key))) {
                return { kind: "bad", text: `${d.where} encrypts with the AWS-managed key aws/s3, but this stack requires a customer-managed key. Set kmsMasterKeyId to the stack's KMS key.` };
            }
        }
    }
    return { kind: "ok" };
}

export const bucketEncryptionRequired = stackPolicy({
    name: "s3-bucket-encryption-required",
    description: "Every bucket has a server-side encryption configuration that targets it (SSE-KMS where the stack's policy config requires it).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.17" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...SSE_TYPES],
    remediation: "Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: <bucket>.id for every bucket.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html",
    config: {
        requireKmsFor: stringList("Buckets (logical names or patterns) that must use SSE-KMS; [\"*\"] for all.", []),
        requireCustomerManagedKey: flag("Buckets that must use SSE-KMS must name a customer-managed key (kmsMasterKeyId, not aws/s3).", false),
    },
    check(stack, config, report) {
        const kms = (b: StackResource) => matchesAny(config.requireKmsFor, b.name);
        checkBuckets(stack, report, {
            buckets: bucketsOf(stack),
            sideTypes: SSE_TYPES,
            what: "a server-side encryption configuration",
            judge: (side, bucket) => judgeSse(sseDefaults(side.props.rules, side.name, "side"), `${side.name}.rules`, kms(bucket), config.requireCustomerManagedKey),
            // Inline (deprecated) encryption counts only when known; during preview a bucket without
            // it reports the field as computed, which must not stand in for a configuration.
            inline: (bucket) => {
                const field = bucket.type === BUCKET_V2 ? "serverSideEncryptionConfigurations" : "serverSideEncryptionConfiguration";
                const defaults = sseDefaults(bucket.props[field], field, bucket.type === BUCKET_V2 ? "bucketV2" : "bucket");
                if (defaults === UNKNOWN || defaults.length === 0) return undefined;
                return judgeSse(defaults, field, kms(bucket), config.requireCustomerManagedKey);
            },
            missing: (b) => `has no server-side encryption configuration. Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: ${b.name}.id `
                + "and a rule applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\" } (or \"AES256\").",
        });
    },
});

// ---------------------------------------------------------------------------------------------
// Public access

const PAB_FLAGS = ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"] as const;
const ACL_FLAGS = ["blockPublicAcls", "ignorePublicAcls"] as const;

function publicEntry(list: readonly PublicBucket[], name: string): PublicBucket | undefined {
    return list.find((p) => matchesAny([p.bucket], name));
}

function judgePab(side: StackResource, isPublic: boolean): SideVerdict {
    const required = isPublic ? ACL_FLAGS : PAB_FLAGS;
    const off: string[] = [];
    for (const f of required) {
        const v = bool(side.props[f]);
        if (v === UNKNOWN) return { kind: "unknown", what: "the bucket's public access block", field: `${side.name}.${f}` };
        if (v !== true) off.push(f);
    }
    if (off.length === 0) return { kind: "ok" };
    return {
        kind: "bad",
        text: `its public access block ${side.name} leaves ${off.join(", ")} off. Set ${off.map((f) => `${f}: true`).join(", ")}`
            + (isPublic ? " (a public bucket still blocks ACLs; it is public through its bucket policy only)." : "; if the bucket must be public, mark it in publicBuckets in the policy config."),
    };
}

export const publicAccessBlockRequired = stackPolicy({
    name: "s3-bucket-public-access-block-required",
    description: "Every bucket has a public access block with all four flags on (buckets marked public in config may allow a public policy, never public ACLs).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.8" }, { framework: "cis", control: "2.1.4" }],
    topics: ["data-protection", "network"],
    resourceTypes: [...BUCKET_TYPES, PAB, ACCOUNT_PAB],
    remediation: "Add an aws.s3.BucketPublicAccessBlock with blockPublicAcls, ignorePublicAcls, blockPublicPolicy and restrictPublicBuckets all true.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    config: { publicBuckets },
    check(stack, config, report) {
        const accountWide = stack.ofType([ACCOUNT_PAB]).some((a) => PAB_FLAGS.every((f) => bool(a.props[f]) === true));
        if (accountWide) return;
        checkBuckets(stack, report, {
            buckets: bucketsOf(stack),
            sideTypes: [PAB],
            what: "a public access block",
            judge: (side, bucket) => judgePab(side, publicEntry(config.publicBuckets, bucket.name) !== undefined),
            missing: (b) => `has no public access block, so a later ACL or policy change could make it public. Add an aws.s3.BucketPublicAccessBlock with bucket: ${b.name}.id `
                + "and blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets all true.",
        });
    },
});

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

export const noPublicAcl = resourcePolicy({
    name: "s3-bucket-no-public-acl",
    description: "No bucket or bucket ACL grants access to AllUsers or AuthenticatedUsers (canned public-read, public-read-write, authenticated-read, or grants).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.2" }, { framework: "fsbp", control: "S3.3" }],
    topics: ["data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...ACL_TYPES],
    remediation: "Remove public ACLs; disable ACLs with BucketOwnershipControls BucketOwnerEnforced and share content through CloudFront.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
    check(r, _config, report) {
        const acl = str(r.props.acl);
        if (acl === UNKNOWN) report.unknown("whether the ACL is public", "acl");
        else if (acl !== undefined && PUBLIC_ACLS.has(acl)) {
            report.violation(`acl is "${acl}", which lets anyone ${acl === "public-read-write" ? "read and write" : "read"} the bucket. Remove it; keep ACLs disabled (BucketOwnerEnforced) and serve public content through CloudFront.`);
        }
        const isAcl = ACL_TYPES.includes(r.type as (typeof ACL_TYPES)[number]);
        const field = isAcl ? "accessControlPolicy.grants" : "grants";
        const items = records(isAcl ? at(r.props, "accessControlPolicy", "grants") : r.props.grants);
        const uriOf = (g: unknown) => (isAcl ? at(g, "grantee", "uri") : at(g, "uri"));
        if (items === UNKNOWN) return report.unknown("whether the ACL grants are public", field);
        (items ?? []).forEach((g, i) => {
            const uri = str(uriOf(g));
            if (uri === UNKNOWN) report.unknown("whether the ACL grants are public", `${field}[${i}]`);
            else if (uri !== undefined && PUBLIC_GRANTEES.test(uri)) {
                report.violation(`${field}[${i}] grants access to ${PUBLIC_GRANTEES.exec(uri)?.[1] ?? "everyone"}. Remove the grant; share content through CloudFront or presigned URLs.`);
            }
        });
    },
});

const READ_ACTIONS = new Set(["s3:getobject", "s3:getobjectversion"]);

/** Is every resource of the statement inside one of the public read prefixes of the bucket? */
function withinPrefixes(st: Statement, prefixes: readonly string[] | undefined): boolean | typeof UNKNOWN {
    if (prefixes === undefined || prefixes.length === 0) return true;
    if (st.resource.unknown) return UNKNOWN;
    return st.resource.values.every((arn) => {
        const slash = arn.indexOf("/");
        const key = slash < 0 ? "" : arn.slice(slash + 1);
        return prefixes.some((p) => key.startsWith(p) && key !== "*");
    });
}

/** Findings of a bucket policy document for a bucket that is (true), is not (false) or may be (UNKNOWN) public. */
function judgeBucketPolicy(doc: unknown, isPublic: PublicBucket | false | typeof UNKNOWN, field: string):
    { violations: string[]; unknown: string | undefined } {
    const parsed = parseDocument(doc);
    if (parsed.kind === "unknown") return { violations: [], unknown: field };
    if (parsed.kind !== "parsed") return { violations: [], unknown: undefined };
    const violations: string[] = [];
    let unknown: string | undefined = parsed.unknownStatements > 0 ? `${field}.Statement` : undefined;
    for (const st of parsed.statements) {
        const access = publicAccessOf(st);
        if (access === UNKNOWN) {
            unknown = `${field} ${describeStatement(st)}`;
            continue;
        }
        if (access === "restricted") continue;
        const actions = st.action.values.map((a) => a.toLowerCase());
        const readOnly = !st.notAction.present && !st.action.unknown && actions.length > 0 && actions.every((a) => READ_ACTIONS.has(a));
        if (isPublic === UNKNOWN && readOnly) {
            unknown = `the bucket input (to see whether the bucket is marked public) for ${describeStatement(st)}`;
            continue;
        }
        if (isPublic !== false && isPublic !== UNKNOWN && readOnly) {
            const inside = withinPrefixes(st, isPublic.readPrefixes);
            if (inside === true) continue;
            if (inside === UNKNOWN) {
                unknown = `${field} ${describeStatement(st)} Resource`;
                continue;
            }
            violations.push(`${field} ${describeStatement(st)} lets anyone read objects outside the public prefixes (${(isPublic.readPrefixes ?? []).join(", ")}). Limit Resource to those prefixes.`);
            continue;
        }
        const granted = st.notAction.present ? "everything except NotAction" : actions.join(", ") || "actions";
        violations.push(`${field} ${describeStatement(st)} allows ${granted} to everyone (Principal "*") with no condition pinning the caller. `
            + (readOnly
                ? "Serve public content through CloudFront with origin access control, or mark the bucket public in publicBuckets in the policy config."
                : "Grant access to specific roles or services (with an aws:SourceArn condition), never to everyone; public buckets may allow s3:GetObject only."));
    }
    return { violations, unknown };
}

export const bucketPolicyNoPublicPrincipal = stackPolicy({
    name: "s3-bucket-policy-no-public-principal",
    description: "No bucket policy allows Principal \"*\" without a condition pinning the caller; buckets marked public in config may allow anonymous s3:GetObject (on their read prefixes) only.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.2" }, { framework: "fsbp", control: "S3.3" }],
    topics: ["data-protection", "identity"],
    resourceTypes: [...BUCKET_TYPES, BUCKET_POLICY],
    remediation: "Grant to specific principals (with aws:SourceArn for services); serve public content through CloudFront with origin access control.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html",
    config: { publicBuckets },
    check(stack, config, report) {
        const withPolicy = new Set<string>();
        for (const policy of stack.ofType([BUCKET_POLICY])) {
            const target = bucketOf(stack, policy);
            let isPublic: PublicBucket | false | typeof UNKNOWN;
            if (target.kind === "resolved") {
                target.resources.forEach((b) => withPolicy.add(b.urn));
                isPublic = target.resources.map((b) => publicEntry(config.publicBuckets, b.name)).find((p) => p !== undefined) ?? false;
            } else if (target.kind === "external") {
                isPublic = publicEntry(config.publicBuckets, target.value) ?? false;
            } else {
                isPublic = config.publicBuckets.length === 0 ? false : UNKNOWN;
            }
            const result = judgeBucketPolicy(policy.props.policy, isPublic, "policy");
            result.violations.forEach((v) => report.violation(policy, v));
            if (result.unknown !== undefined) report.unknown(policy, "whether the bucket policy grants access to everyone", result.unknown);
        }
        // Inline (deprecated) policies: only a known value is read, and only when no BucketPolicy
        // targets the bucket (after an update the field mirrors the BucketPolicy's document).
        for (const bucket of bucketsOf(stack)) {
            if (withPolicy.has(bucket.urn) || str(bucket.props.policy) === UNKNOWN) continue;
            const result = judgeBucketPolicy(bucket.props.policy, publicEntry(config.publicBuckets, bucket.name) ?? false, "policy");
            result.violations.forEach((v) => report.violation(bucket, v));
        }
    },
});

// ---------------------------------------------------------------------------------------------
// Versioning, TLS, ownership, CORS

function judgeVersioning(side: StackResource): SideVerdict {
    const status = str(at(side.props, "versioningConfiguration", "status"));
    if (status === UNKNOWN) return { kind: "unknown", what: "whether versioning is enabled", field: `${side.name}.versioningConfiguration.status` };
    if (status === "Enabled") return { kind: "ok" };
    return { kind: "bad", text: `its versioning resource ${side.name} sets status ${status === undefined ? "nothing" : `"${status}"`}, so an overwrite or delete destroys the only copy of a backup. Set versioningConfiguration.status to "Enabled".` };
}

export const backupBucketVersioning = stackPolicy({
    name: "s3-backup-bucket-versioning-required",
    description: "Backup buckets (logical names matching backupBucketPatterns) have versioning enabled, through aws.s3.BucketVersioning or the inline field.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.14" }],
    topics: ["resilience", "data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...VERSIONING_TYPES],
    remediation: "Add an aws.s3.BucketVersioning with versioningConfiguration.status \"Enabled\".",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
    config: {
        backupBucketPatterns: stringList("Logical names (glob patterns) of buckets that hold backups.", ["*backup*"]),
    },
    check(stack, config, report) {
        checkBuckets(stack, report, {
            buckets: bucketsOf(stack).filter((b) => matchesAny(config.backupBucketPatterns, b.name)),
            sideTypes: VERSIONING_TYPES,
            what: "a versioning configuration",
            judge: judgeVersioning,
            inline: (bucket) => {
                const enabled = bucket.type === BUCKET ? bool(at(bucket.props, "versioning", "enabled")) : bool(at(bucket.props, "versionings", 0, "enabled"));
                return enabled === true ? { kind: "ok" } : undefined;
            },
            missing: (b) => `holds backups but has no versioning, so an overwrite or delete destroys the only copy. Add an aws.s3.BucketVersioning with bucket: ${b.name}.id `
                + "and versioningConfiguration: { status: \"Enabled\" }.",
        });
    },
});

/** Does a statement deny every S3 request made without TLS? */
function deniesInsecureTransport(st: Statement): boolean {
    if (effectOf(st) !== "deny" || hasPublicPrincipal(st) !== true) return false;
    const actions = st.action.values.map((a) => a.toLowerCase());
    if (!actions.some((a) => a === "s3:*" || a === "*")) return false;
    const insecure = conditionValues(st, "aws:SecureTransport", ["Bool", "BoolIfExists"]).some((s) => s.values.some((v) => v.toLowerCase() === "false"));
    const oldTls = conditionValues(st, "s3:TlsVersion", ["NumericLessThan"]).some((s) => s.values.some((v) => Number(v) >= 1.2));
    return insecure || oldTls;
}

function judgeTls(doc: unknown, field: string): SideVerdict {
    const parsed = parseDocument(doc);
    if (parsed.kind === "unknown") return { kind: "unknown", what: "whether the bucket policy requires TLS", field };
    if (parsed.kind === "parsed" && parsed.statements.some(deniesInsecureTransport)) return { kind: "ok" };
    if (parsed.kind === "parsed" && parsed.unknownStatements > 0) return { kind: "unknown", what: "whether the bucket policy requires TLS", field: `${field}.Statement` };
    return { kind: "bad", text: `its bucket policy (${field}) has no statement denying requests without TLS. Add a Deny statement for Principal "*", Action "s3:*" with Condition { Bool: { "aws:SecureTransport": "false" } }.` };
}

export const bucketTlsOnly = stackPolicy({
    name: "s3-bucket-tls-only-policy",
    description: "Every bucket has a bucket policy that denies requests made without TLS (aws:SecureTransport false).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.5" }, { framework: "cis", control: "2.1.1" }],
    topics: ["encryption", "network"],
    resourceTypes: [...BUCKET_TYPES, BUCKET_POLICY],
    remediation: "Add a BucketPolicy with a Deny on s3:* for Principal \"*\" when aws:SecureTransport is false.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html",
    check(stack, _config, report) {
        checkBuckets(stack, report, {
            buckets: bucketsOf(stack),
            sideTypes: [BUCKET_POLICY],
            what: "a bucket policy",
            judge: (side) => judgeTls(side.props.policy, `${side.name}.policy`),
            inline: (bucket) => (str(bucket.props.policy) === UNKNOWN || bucket.props.policy === undefined ? undefined : judgeTls(bucket.props.policy, "policy")),
            missing: (b) => `has no bucket policy denying requests without TLS. Add an aws.s3.BucketPolicy with bucket: ${b.name}.id and a Deny statement `
                + "for Principal \"*\", Action \"s3:*\" with Condition { Bool: { \"aws:SecureTransport\": \"false\" } }.",
        });
    },
});

export const ownershipEnforced = resourcePolicy({
    name: "s3-bucket-ownership-enforced",
    description: "Bucket ownership controls keep ACLs disabled (BucketOwnerEnforced, the AWS default for new buckets).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "S3.12" }],
    topics: ["data-protection", "identity"],
    resourceTypes: [OWNERSHIP],
    remediation: "Set rule.objectOwnership to \"BucketOwnerEnforced\"; exempt log buckets that need ACL delivery.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
    check(r, _config, report) {
        const ownership = str(at(r.props, "rule", "objectOwnership"));
        if (ownership === UNKNOWN) report.unknown("whether ACLs are disabled", "rule.objectOwnership");
        else if (ownership !== "BucketOwnerEnforced") {
            report.violation(`rule.objectOwnership is ${ownership === undefined ? "not set" : `"${ownership}"`}, which re-enables ACLs. Set it to "BucketOwnerEnforced" (only log-delivery buckets need ACLs; exempt those).`);
        }
    },
});

const WRITE_METHODS = new Set(["PUT", "POST", "DELETE"]);

export const corsNoWildcardWrite = resourcePolicy({
    name: "s3-bucket-cors-no-wildcard-write",
    description: "No CORS rule lets any origin (\"*\") use a writing method (PUT, POST, DELETE).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topics: ["data-protection", "network"],
    resourceTypes: [...BUCKET_TYPES, ...CORS_TYPES],
    remediation: "List the application's origins in allowedOrigins.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html",
    check(r, _config, report) {
        const rules = records(r.props.corsRules);
        if (rules === UNKNOWN) return report.unknown("whether CORS allows writes from any origin", "corsRules");
        (rules ?? []).forEach((rule, i) => {
            const origins = strings(at(rule, "allowedOrigins"));
            const methods = strings(at(rule, "allowedMethods"));
            const writes = methods.known.filter((m) => WRITE_METHODS.has(m.toUpperCase()));
            const anyOrigin = origins.known.some((o) => o.trim() === "*");
            if (anyOrigin && writes.length > 0) {
                report.violation(`corsRules[${i}] lets any origin ("*") send ${writes.join(", ")} requests. List the application's origins in allowedOrigins.`);
            } else if ((anyOrigin && methods.unknown) || (writes.length > 0 && origins.unknown) || rule === UNKNOWN) {
                report.unknown("whether CORS allows writes from any origin", `corsRules[${i}]`);
            }
        });
    },
});

export const s3Policies: readonly PackPolicy[] = [
    bucketEncryptionRequired, publicAccessBlockRequired, noPublicAcl, bucketPolicyNoPublicPrincipal,
    backupBucketVersioning, bucketTlsOnly, ownershipEnforced, corsNoWildcardWrite,
];

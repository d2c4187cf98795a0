import { BUCKET_POLICY, BUCKET_TYPES, bucketOf, bucketsOf } from "../lib/buckets";
import { type PublicBucket, publicBuckets } from "../lib/config";
import { describeStatement, parseDocument, publicAccessOf, type Statement } from "../lib/iamdoc";
import { stackPolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { publicEntry } from "./publicBuckets";

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

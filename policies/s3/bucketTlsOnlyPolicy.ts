import { BUCKET_POLICY, BUCKET_TYPES, bucketsOf, type SideVerdict } from "../lib/buckets";
import { conditionValues, effectOf, hasPublicPrincipal, parseDocument, type Statement } from "../lib/iamdoc";
import { stackPolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";
import { checkBuckets } from "./checkBuckets";

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

export const bucketTlsOnlyPolicy = stackPolicy({
    name: "s3-bucket-tls-only-policy",
    description: "Every bucket has a bucket policy that denies requests made without TLS (aws:SecureTransport false).",
    severity: "medium",
    // S3 accepts plain-HTTP requests unless a bucket policy denies them, so this is a rule the
    // stack asks for (mandatory in staging, prod and enterprise configs), not a default kept.
    enforcementLevel: "advisory",
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

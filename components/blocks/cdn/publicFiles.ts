/**
 * The public-files distribution as data (pure): seed 003's public prefixes of the private uploads
 * bucket, served through CloudFront with origin access control and nothing else.
 */
import { access, ANONYMOUS, type Intent, serviceAccess } from "../../lib/intents";
import { type Append, type Statement } from "../iam/documents";
import { CACHING_OPTIMIZED_POLICY_ID, SECURITY_HEADERS_POLICY_ID } from "./distribution";

/** The origin id of the uploads bucket inside the public-files distribution. */
export const UPLOADS_ORIGIN_ID = "uploads-bucket";

/** The statement id of the grant: tests and the pack's readers find it by this name. */
export const PUBLIC_PREFIXES_SID = "CloudFrontReadsPublicPrefixes";

/** The object ARN pattern of one prefix: `<bucket arn>/<prefix>*`. */
export function prefixObjectPattern<A>(bucketArn: A, prefix: string, append: Append<A>): A {
    return append(bucketArn, `/${prefix}*`);
}

/**
 * The uploads bucket's only read grant to CloudFront: s3:GetObject on the public prefixes'
 * objects alone (never `<bucket>/*`), and only on behalf of this distribution (`AWS:SourceArn`),
 * so any other key answers 403 even through the distribution, and no other distribution (in
 * any account) can read the bucket. No s3:ListBucket: a missing key is a 403, not a 404 that
 * would reveal which keys exist.
 */
export function publicPrefixesReadStatement<A>(bucketArn: A, distributionArn: A, prefixes: readonly string[], append: Append<A>): Statement<A> {
    if (prefixes.length === 0) throw new Error("publicPrefixesReadStatement: no prefixes (an empty grant would read as the whole bucket to a careless edit)");
    return {
        Sid: PUBLIC_PREFIXES_SID,
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: ["s3:GetObject"],
        Resource: prefixes.map((p) => prefixObjectPattern(bucketArn, p, append)),
        Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
    };
}

/**
 * Read-only (GET and HEAD: no OPTIONS, CORS preflights are the app's business), HTTPS-only,
 * compressed, cached with AWS's optimized policy, with security headers.
 */
function readOnlyBehavior() {
    return {
        targetOriginId: UPLOADS_ORIGIN_ID,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
        responseHeadersPolicyId: SECURITY_HEADERS_POLICY_ID,
    };
}

/** One cache behaviour per prefix, path pattern `<prefix>*`, in the configured order. */
export function publicPrefixBehaviors(prefixes: readonly string[]) {
    return prefixes.map((prefix) => ({ pathPattern: `${prefix}*`, ...readOnlyBehavior() }));
}

/**
 * The default behaviour (CloudFront requires one) goes to the same origin, so any key outside
 * the prefixes reaches S3 signed by the distribution and gets the 403 of a key the grant does
 * not cover. It is read-only and HTTPS-only like the others.
 */
export function publicFilesDefaultBehavior() {
    return readOnlyBehavior();
}

/** The key the intents ask about under a prefix (any key shows the same grant). */
export const SAMPLE_PUBLIC_KEY = "user-123/avatar.jpg";

/**
 * CloudFront (for the public-files distribution) reads each public prefix, and nobody reads the
 * uploads bucket without credentials. That the distribution reads no other key is proved in
 * apply mode, where the grant's ARNs are known (test/intents/publicFiles.test.ts): a preview
 * cannot tell one key of a bucket from another. `name`: the composition whose children are
 * `<name>-uploads`, `<name>-backups` and `<name>-public-files` (every phase names them so).
 */
export function publicFilesIntents(name: string, prefixes: readonly string[]): Intent[] {
    if (prefixes.length === 0) return [];
    const uploads = `${name}-uploads`;
    return [
        ...prefixes.map((prefix, i) => serviceAccess(`public-files-read-${i + 1}`, "allow", `the public-files distribution serves ${prefix}`,
            "cloudfront.amazonaws.com", `${name}-public-files`, "s3:GetObject", `${uploads}/${prefix}${SAMPLE_PUBLIC_KEY}`)),
        serviceAccess("public-files-no-backups", "deny", "the public-files distribution reads nothing of the backups bucket",
            "cloudfront.amazonaws.com", `${name}-public-files`, "s3:GetObject", `${name}-backups/${SAMPLE_PUBLIC_KEY}`),
        access("uploads-not-public", "deny", "the uploads bucket is private: an unauthenticated caller reads no key, not even a public prefix's, except through the distribution",
            ANONYMOUS, "s3:GetObject", `${uploads}/${prefixes[0]}${SAMPLE_PUBLIC_KEY}`),
    ];
}

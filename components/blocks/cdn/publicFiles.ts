/**
 * The public-files distribution as data (pure): seed 003's public prefixes of the private uploads
 * bucket, served through CloudFront with origin access control and nothing else.
 */
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

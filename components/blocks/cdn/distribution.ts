/**
 * The CDN's distribution as data (pure): AWS's managed policies, the static origin's cache
 * behaviour and read grant, and the viewer certificate.
 */
import { type Append, type Statement } from "../iam/documents";

/** Managed-CachingOptimized (seed 001's CachePolicyId): long TTLs, gzip and brotli, no cookies or query strings. */
export const CACHING_OPTIMIZED_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";

/** Managed-SecurityHeadersPolicy: HSTS, X-Content-Type-Options, X-Frame-Options, Referrer-Policy, X-XSS-Protection. */
export const SECURITY_HEADERS_POLICY_ID = "67f7725c-6f97-4210-82d7-5512b31e9d03";

/** The hosted zone every alias record to a CloudFront distribution names (fixed by AWS). */
export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

/** Viewer TLS: 1.2 and newer with modern ciphers (FSBP CloudFront.7). */
export const MINIMUM_PROTOCOL_VERSION = "TLSv1.2_2021";

/** The origin id of the static bucket inside the distribution. */
export const STATIC_ORIGIN_ID = "static-bucket";

/**
 * The static bucket's only read grant: CloudFront may get objects, and only on behalf of this
 * distribution (`AWS:SourceArn`), so no other distribution (in any account) can serve the bucket.
 */
export function cloudFrontReadStatement<A>(bucketArn: A, distributionArn: A, append: Append<A>): Statement<A> {
    return {
        Sid: "CloudFrontReadsThroughOriginAccessControl",
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: ["s3:GetObject"],
        Resource: [append(bucketArn, "/*")],
        Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
    };
}

/** Read-only, HTTPS-only, compressed, cached with AWS's optimized policy, with security headers. */
export function staticCacheBehavior() {
    return {
        targetOriginId: STATIC_ORIGIN_ID,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
        responseHeadersPolicyId: SECURITY_HEADERS_POLICY_ID,
    };
}

/** The viewer certificate: our ACM certificate by SNI, TLS 1.2+. */
export function viewerCertificate<A>(certificateArn: A) {
    return { acmCertificateArn: certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: MINIMUM_PROTOCOL_VERSION };
}

/**
 * S3 buckets and their @pulumi/aws v7 side resources (encryption, versioning, public access
 * block, policy, ...), each linked to its bucket through its `bucket` input: by name when known,
 * else through the input's property dependencies (the id is unknown during preview).
 */
import type { Links, StackResource, StackView } from "./graph";

export const BUCKET = "aws:s3/bucket:Bucket";
export const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
export const BUCKET_TYPES = [BUCKET, BUCKET_V2] as const;

export const SSE_TYPES = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
] as const;
export const VERSIONING_TYPES = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"] as const;
export const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const ACCOUNT_PAB = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const ACL_TYPES = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"] as const;
export const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
export const CORS_TYPES = ["aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2"] as const;

/** Bucket props a side resource's `bucket` input may equal. */
const IDENTITY = ["bucket", "id"];

export function bucketsOf(stack: StackView): StackResource[] {
    return stack.ofType(BUCKET_TYPES);
}

/** Side resources of the given types, grouped by the bucket they configure. */
export function sideResources(stack: StackView, types: readonly string[]): Links {
    return stack.links(types, "bucket", BUCKET_TYPES, IDENTITY);
}

/** The bucket (or external bucket name) a side resource configures. */
export function bucketOf(stack: StackView, side: StackResource) {
    return stack.target(side, "bucket", BUCKET_TYPES, IDENTITY);
}

/**
 * The outcome of judging one bucket from its side resources: the first satisfying side wins;
 * otherwise a problem of a side, an unknown field of a side, or nothing at all.
 */
export type SideVerdict =
    | { readonly kind: "ok" }
    | { readonly kind: "bad"; readonly text: string }
    | { readonly kind: "unknown"; readonly what: string; readonly field: string };

export function combine(verdicts: readonly SideVerdict[]): SideVerdict | undefined {
    return verdicts.find((v) => v.kind === "ok")
        ?? verdicts.find((v) => v.kind === "unknown")
        ?? verdicts.find((v) => v.kind === "bad");
}

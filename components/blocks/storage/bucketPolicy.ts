/**
 * The bucket policy every bucket gets (pure): TLS only.
 */
import { type Append, type PolicyDocument } from "../iam/documents";

/**
 * Denies every request that does not use TLS (AWS FSBP S3.5). An object, not a JSON string, so
 * the policy pack sees the Deny during a preview while the bucket ARN is still unknown.
 */
export function tlsOnlyBucketPolicy<A>(bucketArn: A, append: Append<A>): PolicyDocument<A> {
    return {
        Version: "2012-10-17",
        Statement: [{
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:*"],
            Resource: [bucketArn, append(bucketArn, "/*")],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        }],
    };
}

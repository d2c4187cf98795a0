/**
 * S3, written for @pulumi/aws v7: a bucket's encryption, versioning, public access block and
 * policy are separate resources, correlated with the bucket through dependencies (stack policies);
 * inline (deprecated) bucket fields are honoured where they can be read reliably.
 */
import type { PackPolicy } from "../lib/policy";
import { bucketAccessLogging } from "./bucketAccessLogging";
import { backupBucketVersioningRequired } from "./backupBucketVersioningRequired";
import { bucketCorsNoWildcardWrite } from "./bucketCorsNoWildcardWrite";
import { bucketEncryptionRequired } from "./bucketEncryptionRequired";
import { bucketNoPublicAcl } from "./bucketNoPublicAcl";
import { bucketOwnershipEnforced } from "./bucketOwnershipEnforced";
import { bucketPolicyNoPublicPrincipal } from "./bucketPolicyNoPublicPrincipal";
import { bucketPublicAccessBlockRequired } from "./bucketPublicAccessBlockRequired";
import { bucketTlsOnlyPolicy } from "./bucketTlsOnlyPolicy";
import { accountPublicAccessBlockEnforced } from "./accountPublicAccessBlockEnforced";
import { bucketLifecycleAbortMultipartEnabled } from "./bucketLifecycleAbortMultipartEnabled";

/** In table order. */
export const s3Policies: readonly PackPolicy[] = [
    bucketEncryptionRequired, bucketPublicAccessBlockRequired, bucketNoPublicAcl, bucketPolicyNoPublicPrincipal,
    backupBucketVersioningRequired, bucketTlsOnlyPolicy, bucketOwnershipEnforced, bucketCorsNoWildcardWrite,
    accountPublicAccessBlockEnforced,
    bucketLifecycleAbortMultipartEnabled,
    bucketAccessLogging,
];

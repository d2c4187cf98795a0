import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type Statement } from "../iam/documents";
import { tagsFor } from "../shared/tags";
import { type CorsRule } from "./cors";
import { type LifecycleRule } from "./lifecycle";
import { tlsOnlyBucketPolicy } from "./bucketPolicy";

export interface SecureBucketArgs {
    /**
     * Physical name prefix; AWS appends a random suffix. Lower-case, at most 37 characters.
     * @example "chat-dev-uploads-"
     */
    namePrefix: string;
    /** Tags for the bucket (a Name tag is added). */
    tags: Record<string, string>;
    /**
     * Keep every version of every object (needed for backups, and to undo overwrites).
     * @default false
     */
    versioning?: boolean;
    /**
     * Lifecycle rules; an abort-incomplete-uploads rule is always a good first entry.
     * @default [] (no lifecycle configuration)
     */
    lifecycleRules?: LifecycleRule[];
    /** CORS rules for browser access. @default [] (no CORS configuration) */
    corsRules?: CorsRule[];
    /**
     * Encrypt with this KMS key (SSE-KMS with an S3 bucket key) instead of SSE-S3 (AES256).
     * @default undefined (SSE-S3: free, managed by S3)
     */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Let `pulumi destroy` delete a bucket that still holds objects. Never for data you keep.
     * @default false
     */
    forceDestroy?: boolean;
    /**
     * More statements for the bucket's one policy, given the bucket's ARN (S3 keeps one policy
     * per bucket: a second BucketPolicy resource would overwrite the first). Values may be
     * outputs of resources created after the bucket, e.g. a CloudFront distribution's ARN
     * through pulumi.deferredOutput.
     * @default undefined (the TLS-only statement alone)
     */
    extraPolicyStatements?: (bucketArn: pulumi.Output<string>) => Statement<pulumi.Input<string>>[];
}

/**
 * A private S3 bucket with every guard on, built from @pulumi/aws v7 side resources:
 * 1. the bucket (no ACLs, no inline settings),
 * 2. ownership controls `BucketOwnerEnforced` (ACLs disabled),
 * 3. a public access block with all four flags on,
 * 4. default server-side encryption (SSE-S3, or SSE-KMS with a bucket key),
 * 5. versioning (when asked), lifecycle rules and CORS rules from args,
 * 6. a bucket policy that denies any request without TLS, plus the statements the caller adds.
 *
 * Cost: nothing for the bucket itself; S3 Standard is $0.023/GB-month in us-east-1 plus requests.
 * Protection (`protect`/`retainOnDelete`) given in opts applies to the bucket and its settings.
 */
export class SecureBucket extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    readonly bucketName: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    /** The bucket's one policy (TLS-only plus any extra statements). */
    readonly policy: aws.s3.BucketPolicy;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:storage:SecureBucket", name, {}, opts);
        const child = { parent: this };

        this.bucket = new aws.s3.Bucket(name, {
            bucketPrefix: args.namePrefix,
            forceDestroy: args.forceDestroy ?? false,
            tags: tagsFor(args.tags, name),
        }, child);
        const bucket = this.bucket.id;

        const ownership = new aws.s3.BucketOwnershipControls(`${name}-ownership`, {
            bucket,
            rule: { objectOwnership: "BucketOwnerEnforced" },
        }, child);

        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(`${name}-pab`, {
            bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }, child);

        new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-sse`, {
            bucket,
            rules: [args.kmsKeyArn === undefined
                ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                : {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
                    bucketKeyEnabled: true,
                }],
        }, child);

        const versioning = args.versioning
            ? new aws.s3.BucketVersioning(`${name}-versioning`, {
                bucket,
                versioningConfiguration: { status: "Enabled" },
            }, child)
            : undefined;

        const lifecycleRules = args.lifecycleRules ?? [];
        if (lifecycleRules.length > 0) {
            // Lifecycle rules on noncurrent versions only make sense once versioning is on.
            new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, {
                bucket,
                rules: lifecycleRules,
            }, { parent: this, dependsOn: versioning ? [versioning] : [] });
        }

        const corsRules = args.corsRules ?? [];
        if (corsRules.length > 0) {
            new aws.s3.BucketCorsConfiguration(`${name}-cors`, { bucket, corsRules }, child);
        }

        const tlsOnly = tlsOnlyBucketPolicy<pulumi.Input<string>>(this.bucket.arn, (arn, suffix) => pulumi.interpolate`${arn}${suffix}`);
        // The logical name predates the extra statements; renaming it would replace the policy.
        this.policy = new aws.s3.BucketPolicy(`${name}-tls-only`, {
            bucket,
            policy: { ...tlsOnly, Statement: [...tlsOnly.Statement, ...(args.extraPolicyStatements?.(this.bucket.arn) ?? [])] },
        }, { parent: this, dependsOn: [publicAccessBlock, ownership] });

        this.bucketName = this.bucket.bucket;
        this.arn = this.bucket.arn;
        this.registerOutputs({ bucketName: this.bucketName, arn: this.arn });
    }
}

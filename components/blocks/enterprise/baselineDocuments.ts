/**
 * Policy documents of the security baseline (pure): the CloudTrail key, the trail bucket's
 * grants and the AWS Config role. Generic in the ARN type like iam/documents.ts, so components
 * hand objects with Outputs to the provider and a preview still shows Effect, Action and Principal.
 */
import { type PolicyDocument, type Statement } from "../iam/documents";

export interface TrailIdentity {
    partition: string;
    accountId: string;
    /** ARN of the trail (known before it exists: arn:<p>:cloudtrail:<region>:<account>:trail/<name>). */
    trailArn: string;
}

/**
 * The trail's KMS key: the account administers it (AWS's default root statement), CloudTrail
 * encrypts with it only for this account's trails and describes it.
 */
export function trailKeyPolicy(id: TrailIdentity): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: `arn:${id.partition}:iam::${id.accountId}:root` }, Action: ["kms:*"], Resource: ["*"] },
            {
                Sid: "CloudTrailEncryptsLogs",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: ["kms:GenerateDataKey*"],
                Resource: ["*"],
                Condition: {
                    StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:${id.partition}:cloudtrail:*:${id.accountId}:trail/*` },
                    StringEquals: { "aws:SourceArn": id.trailArn },
                },
            },
            {
                Sid: "CloudTrailDescribesKey",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: ["kms:DescribeKey"],
                Resource: ["*"],
            },
        ],
    };
}

/**
 * CloudTrail may check the bucket's ACL and write logs under the given object ARNs (the account's
 * `AWSLogs/<account>/*` and the organisation's `AWSLogs/<org id>/*`), for this trail only.
 */
export function trailBucketStatements<A>(bucketArn: A, logObjectArns: A[], trailArn: A): Statement<A>[] {
    return [
        {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: ["s3:GetBucketAcl"],
            Resource: [bucketArn],
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: ["s3:PutObject"],
            Resource: [...logObjectArns],
            Condition: { StringEquals: { "aws:SourceArn": trailArn, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
    ];
}

/**
 * What the AWS Config recorder's role may write: its delivery prefix in the config bucket
 * (`deliveryObjectsArn` = <bucket arn>/config/AWSLogs/<account>/Config/*).
 */
export function configDeliveryPolicy<A>(bucketArn: A, deliveryObjectsArn: A): PolicyDocument<A> {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "ConfigChecksBucket", Effect: "Allow", Action: ["s3:GetBucketAcl", "s3:ListBucket"], Resource: [bucketArn] },
            {
                Sid: "ConfigDelivers",
                Effect: "Allow",
                Action: ["s3:PutObject"],
                Resource: [deliveryObjectsArn],
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
            },
        ],
    };
}

/** AWS Config managed rules the baseline turns on (identifier → why). */
export const CONFIG_RULES: Readonly<Record<string, string>> = {
    CLOUD_TRAIL_ENABLED: "a trail records every account's API calls",
    ENCRYPTED_VOLUMES: "attached EBS volumes are encrypted",
    S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: "buckets encrypt objects by default",
    S3_BUCKET_PUBLIC_READ_PROHIBITED: "no bucket is publicly readable",
    INCOMING_SSH_DISABLED: "no security group opens SSH to the world",
    IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS: "no customer-managed policy grants *:*",
    ROOT_ACCOUNT_MFA_ENABLED: "the root user has MFA",
};

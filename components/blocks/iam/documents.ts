/**
 * IAM policy documents as pure functions: every action is named (no `*` actions) and every
 * resource is an ARN of this stack's own buckets, log group or parameter path.
 *
 * Documents are generic in the ARN type `A`: tests pass strings, components pass Outputs and
 * hand the document to the provider as an object (not a JSON string built in an apply). During
 * a preview, ARNs of new resources are unknown, but Effect, Action and Principal stay known, so
 * the policy pack can judge what a document allows before anything is created.
 */

export interface Statement<A = string> {
    Sid: string;
    Effect: "Allow" | "Deny";
    Principal?: "*" | { Service: string } | { AWS: A };
    Action: string[];
    Resource: A[];
    Condition?: Record<string, Record<string, string | string[] | A>>;
}

export interface PolicyDocument<A = string> {
    Version: "2012-10-17";
    Statement: Statement<A>[];
}

/** Appends a suffix to an ARN (`${arn}/*`): string concatenation, or pulumi.interpolate for Outputs. */
export type Append<A> = (arn: A, suffix: string) => A;

export const appendString: Append<string> = (arn, suffix) => `${arn}${suffix}`;

/** Trust policy: only the named AWS service may assume the role. */
export function serviceTrustPolicy(service: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
    });
}

/** What the single host's instance role may touch, by ARN. */
export interface HostAccess<A = string> {
    /** Buckets the app reads and writes (uploads). */
    readWriteBucketArns: A[];
    /**
     * Buckets the host only lists and reads (static assets: CI refills them, the proxy serves them
     * as the SPA, so the app cannot rewrite what every browser runs). @default [] (none)
     */
    readOnlyBucketArns?: A[];
    /** Buckets the host writes backups to and restores from; never deletes from. */
    backupBucketArns: A[];
    /**
     * Key prefix (`<app>/<env>`) the host's backups live under: listing, writing and reading
     * backups are limited to it. @default undefined (the whole backups bucket)
     */
    backupKeyPrefix?: string;
    /** The alert topic and its KMS key, when the host publishes failures to it (backups). */
    alerts?: { topicArn: A; keyArn: A };
    /** Log group the containers ship logs to (the provider's `arn`, which has no trailing `:*`). */
    logGroupArn: A;
    /** SSM Parameter Store path ARN the app's secrets live under, e.g. arn:aws:ssm:...:parameter/chat/dev */
    parameterPathArn: A;
    /**
     * CloudWatch namespace the host's agent publishes to: cloudwatch:PutMetricData only there
     * (the `cloudwatch:namespace` condition). @default undefined (no metrics)
     */
    metricsNamespace?: string;
    /**
     * The one parameter a fleet's deploy tool records its release in (ssm:PutParameter on it
     * alone). @default undefined (no write to Parameter Store)
     */
    releaseParameterArn?: A;
}

/**
 * cloudwatch:PutMetricData into one namespace. The action names no resource (AWS: Resource "*");
 * the `cloudwatch:namespace` condition is its scope.
 */
export function putMetricsStatement(sid: string, namespace: string): Statement<string> {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: ["cloudwatch:PutMetricData"],
        Resource: ["*"],
        Condition: { StringEquals: { "cloudwatch:namespace": namespace } },
    };
}

/** Listing and reading/writing/deleting the objects of the app's buckets (uploads, static); none without buckets. */
export function appBucketStatements<A>(bucketArns: readonly A[], append: Append<A>): Statement<A>[] {
    if (bucketArns.length === 0) return [];
    return [{
        Sid: "ListAppBuckets",
        Effect: "Allow",
        Action: ["s3:ListBucket"],
        Resource: [...bucketArns],
    }, {
        Sid: "ReadWriteAppObjects",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        Resource: bucketArns.map((arn) => append(arn, "/*")),
    }];
}

/**
 * The host's inline policy. SSM agent access comes from the AWS-managed
 * AmazonSSMManagedInstanceCore policy attached beside it.
 */
export function hostPolicy<A>(access: HostAccess<A>, append: Append<A>): PolicyDocument<A | string> {
    const statements: Statement<A>[] = appBucketStatements(access.readWriteBucketArns, append);
    const readOnly = access.readOnlyBucketArns ?? [];
    if (readOnly.length > 0) {
        statements.push(
            { Sid: "ListReadOnlyBuckets", Effect: "Allow", Action: ["s3:ListBucket"], Resource: [...readOnly] },
            { Sid: "ReadOnlyObjects", Effect: "Allow", Action: ["s3:GetObject"], Resource: readOnly.map((arn) => append(arn, "/*")) },
        );
    }
    if (access.backupBucketArns.length > 0) {
        const prefix = access.backupKeyPrefix;
        statements.push({
            Sid: "ListBackups",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:ListBucketVersions"],
            Resource: [...access.backupBucketArns],
            ...(prefix !== undefined ? { Condition: { StringLike: { "s3:prefix": [`${prefix}/`, `${prefix}/*`] } } } : {}),
        }, {
            Sid: "WriteAndRestoreBackups",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
            Resource: access.backupBucketArns.map((arn) => append(arn, prefix !== undefined ? `/${prefix}/*` : "/*")),
        });
    }
    if (access.alerts !== undefined) {
        statements.push({
            Sid: "PublishAlerts",
            Effect: "Allow",
            Action: ["sns:Publish"],
            Resource: [access.alerts.topicArn],
        }, {
            Sid: "EncryptAlerts",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: [access.alerts.keyArn],
        });
    }
    const logGroup = access.logGroupArn;
    statements.push({
        Sid: "ShipContainerLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [logGroup, append(logGroup, ":log-stream:*")],
    }, {
        Sid: "ReadAppParameters",
        Effect: "Allow",
        Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
        Resource: [access.parameterPathArn, append(access.parameterPathArn, "/*")],
    });
    if (access.releaseParameterArn !== undefined) {
        statements.push({ Sid: "RecordRelease", Effect: "Allow", Action: ["ssm:PutParameter"], Resource: [access.releaseParameterArn] });
    }
    const withMetrics: Statement<A | string>[] = access.metricsNamespace !== undefined
        ? [...statements, putMetricsStatement("PutHostMetricsInItsNamespace", access.metricsNamespace)]
        : statements;
    return { Version: "2012-10-17", Statement: withMetrics };
}

/** Every action named in a document: for tests and for the policy pack's own checks. */
export function actionsOf<A>(doc: PolicyDocument<A>): string[] {
    return doc.Statement.flatMap((s) => s.Action);
}

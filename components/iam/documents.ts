/**
 * IAM policy documents as pure functions: every action is named (no `*` actions) and every
 * resource is an ARN of this stack's own buckets, log group or parameter path.
 */

export interface Statement {
    Sid: string;
    Effect: "Allow" | "Deny";
    Action: string[];
    Resource: string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: Statement[];
}

/** Trust policy: only the named AWS service may assume the role. */
export function serviceTrustPolicy(service: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
    });
}

/** What the single host's instance role may touch, by ARN. */
export interface HostAccess {
    /** Buckets the app reads and writes (uploads, static assets). */
    readWriteBucketArns: string[];
    /** Buckets the host writes backups to and restores from; never deletes from. */
    backupBucketArns: string[];
    /** Log group the containers ship logs to (ARN without the trailing `:*`). */
    logGroupArn: string;
    /** SSM Parameter Store path ARN the app's secrets live under, e.g. arn:aws:ssm:...:parameter/chat/dev */
    parameterPathArn: string;
}

/** Strips the `:*` CloudWatch sometimes appends, so stream ARNs can be built from it. */
function logGroupBase(arn: string): string {
    return arn.endsWith(":*") ? arn.slice(0, -2) : arn;
}

/**
 * The host's inline policy. SSM agent access comes from the AWS-managed
 * AmazonSSMManagedInstanceCore policy attached beside it.
 */
export function hostPolicy(access: HostAccess): PolicyDocument {
    const statements: Statement[] = [];
    if (access.readWriteBucketArns.length > 0) {
        statements.push({
            Sid: "ListAppBuckets",
            Effect: "Allow",
            Action: ["s3:ListBucket"],
            Resource: [...access.readWriteBucketArns],
        }, {
            Sid: "ReadWriteAppObjects",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
            Resource: access.readWriteBucketArns.map((arn) => `${arn}/*`),
        });
    }
    if (access.backupBucketArns.length > 0) {
        statements.push({
            Sid: "ListBackups",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:ListBucketVersions"],
            Resource: [...access.backupBucketArns],
        }, {
            Sid: "WriteAndRestoreBackups",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
            Resource: access.backupBucketArns.map((arn) => `${arn}/*`),
        });
    }
    const logGroup = logGroupBase(access.logGroupArn);
    statements.push({
        Sid: "ShipContainerLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [logGroup, `${logGroup}:log-stream:*`],
    }, {
        Sid: "ReadAppParameters",
        Effect: "Allow",
        Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
        Resource: [access.parameterPathArn, `${access.parameterPathArn}/*`],
    });
    return { Version: "2012-10-17", Statement: statements };
}

/** Every action named in a document: for tests and for the policy pack's own checks. */
export function actionsOf(doc: PolicyDocument): string[] {
    return doc.Statement.flatMap((s) => s.Action);
}

/**
 * IAM documents of the container platform (pure): the task execution role (what ECS needs to
 * start a task: pull its image, write its logs, read the secrets it injects) and a service's
 * task role (what the app itself may touch). Every action is named; the only `*` resource is
 * ecr:GetAuthorizationToken, an action that accepts nothing else, alone in its statement.
 * Generic in the ARN type `A` like iam/documents.ts: strings in tests, outputs in components.
 */
import { type Append, appBucketStatements, type PolicyDocument, putMetricsStatement, type Statement } from "../iam/documents";

/** What a service's execution role may use, by ARN. */
export interface ExecutionAccess<A = string> {
    /** ECR repositories the task pulls from (this stack's). */
    repositoryArns: A[];
    /** The service's log group (the provider's `arn`, without `:*`). */
    logGroupArn: A;
    /** Secrets Manager secrets the task definition injects (ARNs without a JSON-key suffix). */
    secretArns: A[];
    /** SSM parameters the task definition injects. */
    parameterArns: A[];
    /** Customer-managed keys that encrypt those secrets or parameters. @default [] */
    kmsKeyArns?: A[];
    /** Region of the secrets (kms:ViaService is pinned to this region's Secrets Manager and SSM). */
    region: string;
}

/**
 * The execution role's policy: ECR auth token (the one `*` resource), image layers of the
 * stack's repositories only, log streams of the service's group, the injected secrets and
 * parameters, and kms:Decrypt of their keys only through Secrets Manager / SSM.
 */
export function executionRolePolicy<A>(access: ExecutionAccess<A>, append: Append<A>): PolicyDocument<A | string> {
    const statements: Statement<A | string>[] = [
        {
            Sid: "EcrAuthToken",
            Effect: "Allow",
            Action: ["ecr:GetAuthorizationToken"],
            // GetAuthorizationToken supports no resource-level permissions: AWS requires "*".
            Resource: ["*"],
        },
    ];
    if (access.repositoryArns.length > 0) {
        statements.push({
            Sid: "PullImages",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            Resource: [...access.repositoryArns],
        });
    }
    statements.push({
        Sid: "WriteLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: [access.logGroupArn, append(access.logGroupArn, ":log-stream:*")],
    });
    if (access.secretArns.length > 0) {
        statements.push({
            Sid: "ReadInjectedSecrets",
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue"],
            Resource: [...access.secretArns],
        });
    }
    if (access.parameterArns.length > 0) {
        statements.push({
            Sid: "ReadInjectedParameters",
            Effect: "Allow",
            Action: ["ssm:GetParameters"],
            Resource: [...access.parameterArns],
        });
    }
    const keys = access.kmsKeyArns ?? [];
    if (keys.length > 0) {
        statements.push({
            Sid: "DecryptInjectedSecrets",
            Effect: "Allow",
            Action: ["kms:Decrypt"],
            Resource: [...keys],
            Condition: { StringEquals: { "kms:ViaService": [`secretsmanager.${access.region}.amazonaws.com`, `ssm.${access.region}.amazonaws.com`] } },
        });
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** What one service's code may touch, by ARN. */
export interface TaskAccess<A = string> {
    /** DynamoDB tables the app reads and writes items of (the sessions table). */
    tableArns: A[];
    /** Buckets the app reads and writes objects of (uploads). */
    readWriteBucketArns: A[];
    /**
     * CloudWatch namespace the app publishes custom metrics to: cloudwatch:PutMetricData only
     * there (the `cloudwatch:namespace` condition). @default none (no metrics)
     */
    metricsNamespace?: string;
}

/** Item-level DynamoDB actions a session store needs (connect-dynamodb, express-session). */
export const TABLE_ITEM_ACTIONS = [
    "dynamodb:DescribeTable",
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
];

/** The task role's policy, or undefined when the service needs no AWS access (the role stays empty). */
export function taskRolePolicy<A>(access: TaskAccess<A>, append: Append<A>): PolicyDocument<A | string> | undefined {
    const statements: Statement<A | string>[] = [];
    if (access.tableArns.length > 0) {
        statements.push({
            Sid: "ReadWriteTableItems",
            Effect: "Allow",
            Action: [...TABLE_ITEM_ACTIONS],
            Resource: access.tableArns.flatMap((arn) => [arn, append(arn, "/index/*")]),
        });
    }
    statements.push(...appBucketStatements(access.readWriteBucketArns, append));
    if (access.metricsNamespace !== undefined) {
        statements.push(putMetricsStatement("PutAppMetricsInItsNamespace", access.metricsNamespace));
    }
    return statements.length > 0 ? { Version: "2012-10-17", Statement: statements } : undefined;
}

/**
 * Trust policy of task and execution roles: only ECS tasks may assume them, and only for this
 * account's tasks in this region (AWS's confused-deputy guard: aws:SourceAccount and
 * aws:SourceArn).
 */
export function ecsTasksTrustPolicy(partition: string, region: string, accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Service: "ecs-tasks.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
                StringEquals: { "aws:SourceAccount": accountId },
                ArnLike: { "aws:SourceArn": `arn:${partition}:ecs:${region}:${accountId}:*` },
            },
        }],
    });
}

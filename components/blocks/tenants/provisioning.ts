/**
 * The tenant provisioning workflow (seed 001, phase 4 "Step Functions"), as a pure function that
 * returns the Amazon States Language definition:
 * CreateDatabase → (wait until the database is available) → CreateBuckets → ConfigureDNS →
 * NotifyCompletion (SNS), each Lambda task retried on transient Lambda errors with exponential
 * backoff, and any failure caught into NotifyFailure (SNS, with the error) → ProvisioningFailed.
 * The wait polls RDS through Step Functions' own SDK integration every 60 s: RDS takes minutes
 * to create an instance (up to ~20 for Multi-AZ), and "provisioned" must mean usable.
 */

export interface ProvisioningTargets<A = string> {
    createDatabaseFunctionArn: A;
    createBucketsFunctionArn: A;
    configureDnsFunctionArn: A;
    /** SNS topic told of every completion and failure. */
    notificationTopicArn: A;
}

/** Lambda errors worth retrying: throttling and service-side faults, not the function's own errors. */
export const TRANSIENT_LAMBDA_ERRORS: readonly string[] = [
    "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
];

const RETRY = [{ ErrorEquals: [...TRANSIENT_LAMBDA_ERRORS], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: "FULL" }];
const CATCH = [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "NotifyFailure" }];

function lambdaTask<A>(functionArn: A, resultPath: string, next: string) {
    return {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { FunctionName: functionArn, "Payload.$": "$" },
        ResultSelector: { "result.$": "$.Payload" },
        ResultPath: resultPath,
        TimeoutSeconds: 300,
        Retry: RETRY,
        Catch: CATCH,
        Next: next,
    };
}

/** RDS statuses from which an instance never becomes available without someone's help. */
export const DATABASE_DEAD_ENDS: readonly string[] = ["failed", "incompatible-parameters", "incompatible-network", "incompatible-restore", "storage-full", "inaccessible-encryption-credentials"];

/** Seconds between two looks at the new database. */
export const DATABASE_POLL_SECONDS = 60;

export function provisioningDefinition<A>(targets: ProvisioningTargets<A>) {
    return {
        Comment: "Provision a tenant: database (and wait for it), buckets, DNS, then notify (seed 001 phase 4)",
        StartAt: "CreateDatabase",
        // Multi-AZ databases take up to ~20 minutes; the whole run stops after two hours.
        TimeoutSeconds: 7200,
        States: {
            CreateDatabase: lambdaTask(targets.createDatabaseFunctionArn, "$.database", "WaitForDatabase"),
            WaitForDatabase: { Type: "Wait", Seconds: DATABASE_POLL_SECONDS, Next: "CheckDatabase" },
            CheckDatabase: {
                Type: "Task",
                Resource: "arn:aws:states:::aws-sdk:rds:describeDBInstances",
                Parameters: { "DbInstanceIdentifier.$": "$.database.result.identifier" },
                ResultSelector: { "status.$": "$.DbInstances[0].DbInstanceStatus" },
                ResultPath: "$.databaseStatus",
                Retry: [{ ErrorEquals: ["Rds.ThrottlingException", "Rds.RdsException"], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 }],
                Catch: CATCH,
                Next: "DatabaseReady",
            },
            DatabaseReady: {
                Type: "Choice",
                Choices: [
                    { Variable: "$.databaseStatus.status", StringEquals: "available", Next: "CreateBuckets" },
                    ...DATABASE_DEAD_ENDS.map((status) => ({ Variable: "$.databaseStatus.status", StringEquals: status, Next: "DatabaseUnusable" })),
                ],
                Default: "WaitForDatabase",
            },
            DatabaseUnusable: {
                Type: "Pass",
                Parameters: { "Error": "DatabaseUnusable", "Cause.$": "States.Format('database {} is {}', $.database.result.identifier, $.databaseStatus.status)" },
                ResultPath: "$.error",
                Next: "NotifyFailure",
            },
            CreateBuckets: lambdaTask(targets.createBucketsFunctionArn, "$.buckets", "ConfigureDNS"),
            ConfigureDNS: lambdaTask(targets.configureDnsFunctionArn, "$.dns", "NotifyCompletion"),
            NotifyCompletion: {
                Type: "Task",
                Resource: "arn:aws:states:::sns:publish",
                Parameters: {
                    TopicArn: targets.notificationTopicArn,
                    "Subject.$": "States.Format('Tenant {} provisioned', $.tenant.id)",
                    "Message.$": "States.JsonToString($)",
                },
                ResultPath: null,
                End: true,
            },
            NotifyFailure: {
                Type: "Task",
                Resource: "arn:aws:states:::sns:publish",
                Parameters: {
                    TopicArn: targets.notificationTopicArn,
                    "Subject.$": "States.Format('Tenant {} provisioning failed', $.tenant.id)",
                    "Message.$": "States.JsonToString($.error)",
                },
                ResultPath: null,
                Next: "ProvisioningFailed",
            },
            ProvisioningFailed: { Type: "Fail", Error: "TenantProvisioningFailed", Cause: "A provisioning step failed; see the failure notification." },
        },
    };
}

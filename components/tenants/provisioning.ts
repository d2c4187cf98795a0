/**
 * The tenant provisioning workflow (seed 001, phase 4 "Step Functions"), as a pure function that
 * returns the Amazon States Language definition:
 * CreateDatabase → CreateBuckets → ConfigureDNS → NotifyCompletion (SNS), each Lambda task
 * retried on transient Lambda errors with exponential backoff, and any failure caught into
 * NotifyFailure (SNS, with the error) → ProvisioningFailed.
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

export function provisioningDefinition<A>(targets: ProvisioningTargets<A>) {
    return {
        Comment: "Provision a tenant: database, buckets, DNS, then notify (seed 001 phase 4)",
        StartAt: "CreateDatabase",
        TimeoutSeconds: 3600,
        States: {
            CreateDatabase: lambdaTask(targets.createDatabaseFunctionArn, "$.database", "CreateBuckets"),
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

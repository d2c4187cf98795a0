/**
 * What the tenant provisioning workflow's functions and state machine may do, as data (pure):
 * each function exactly the calls its handler makes (components/tenants/handlers/app.js), on
 * resources named like a runtime tenant's (`<app>-<env>-<tenant>...`), and the state machine
 * invoking exactly those functions and publishing to exactly its topic.
 */
import { type Append, type PolicyDocument, type Statement } from "../iam/documents";

/** The ARNs the CreateDatabase function is scoped to. */
export interface DatabaseArns<A> {
    /** `arn:<p>:rds:<region>:<account>:db:<prefix>-*` */
    databases: A;
    /** The runtime tenants' DB subnet group. */
    subnetGroup: A;
    /** The default parameter and option groups of the engine version. */
    parameterGroup: A;
    optionGroup: A;
    /** `arn:<p>:secretsmanager:<region>:<account>:secret:rds!db-*`, the RDS-managed master secrets. */
    masterSecrets: A;
}

export function createDatabaseStatements<A>(arns: DatabaseArns<A>): Statement<A>[] {
    return [
        {
            Sid: "CreateTenantDatabase",
            Effect: "Allow",
            Action: ["rds:CreateDBInstance", "rds:AddTagsToResource"],
            Resource: [arns.databases, arns.subnetGroup, arns.parameterGroup, arns.optionGroup],
        },
        {
            // ManageMasterUserPassword: RDS creates the master secret with the caller's rights.
            Sid: "CreateManagedMasterSecret",
            Effect: "Allow",
            Action: ["secretsmanager:CreateSecret", "secretsmanager:TagResource"],
            Resource: [arns.masterSecrets],
        },
    ];
}

/** `arn:<p>:s3:::<prefix>-*-<account>`: the runtime tenants' buckets (namesOf in handlers/app.js). */
export function createBucketsStatements<A>(buckets: A): Statement<A>[] {
    return [{
        Sid: "CreateAndSecureTenantBucket",
        Effect: "Allow",
        Action: [
            "s3:CreateBucket", "s3:PutBucketOwnershipControls", "s3:PutBucketPublicAccessBlock", "s3:PutEncryptionConfiguration",
            "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration", "s3:PutBucketPolicy", "s3:PutBucketTagging",
        ],
        Resource: [buckets],
    }];
}

/** Alias records `<tenant>.<tenantZone>` of type A in one hosted zone, nothing else. */
export function configureDnsStatements<A>(hostedZone: A, tenantZone: string): Statement<A | string>[] {
    return [{
        Sid: "UpsertTenantAlias",
        Effect: "Allow",
        Action: ["route53:ChangeResourceRecordSets"],
        Resource: [hostedZone],
        Condition: {
            "ForAllValues:StringLike": { "route53:ChangeResourceRecordSetsNormalizedRecordNames": [`*.${tenantZone}`] },
            "ForAllValues:StringEquals": {
                "route53:ChangeResourceRecordSetsRecordTypes": ["A"],
                "route53:ChangeResourceRecordSetsActions": ["UPSERT"],
            },
        },
    }];
}

export interface StateMachineAccess<A> {
    functionArns: A[];
    /** `arn:<p>:rds:<region>:<account>:db:<prefix>-*`: the databases it waits for. */
    databaseArns: A;
    topicArn: A;
    /** The topic's KMS key (publishing to an encrypted topic needs it). */
    topicKeyArn: A;
}

/**
 * The state machine's role: invoke the three functions (any version), read the status of the
 * tenants' databases, publish to the topic and
 * use its key, deliver its execution logs, send X-Ray traces. Log delivery and X-Ray accept only
 * Resource "*" (AWS documents no resource-level permissions for them).
 */
export function stateMachinePolicy<A>(access: StateMachineAccess<A>, append: Append<A>): PolicyDocument<A | string> {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "InvokeProvisioningFunctions",
                Effect: "Allow",
                Action: ["lambda:InvokeFunction"],
                Resource: access.functionArns.flatMap((arn) => [arn, append(arn, ":*")]),
            },
            { Sid: "WaitForTenantDatabases", Effect: "Allow", Action: ["rds:DescribeDBInstances"], Resource: [access.databaseArns] },
            { Sid: "PublishNotifications", Effect: "Allow", Action: ["sns:Publish"], Resource: [access.topicArn] },
            { Sid: "EncryptNotifications", Effect: "Allow", Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: [access.topicKeyArn] },
            {
                Sid: "DeliverExecutionLogs",
                Effect: "Allow",
                Action: [
                    "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
                    "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
                ],
                Resource: ["*"],
            },
            {
                Sid: "XRayTraces",
                Effect: "Allow",
                Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
                Resource: ["*"],
            },
        ],
    };
}

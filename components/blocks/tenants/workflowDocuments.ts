/**
 * What the tenant provisioning workflow's functions and state machine may do, as data (pure):
 * each function exactly the calls its handler makes (components/blocks/tenants/handlers/app.js), on
 * resources named like a runtime tenant's (`<app>-<env>-<tenant>...`), and the state machine
 * invoking exactly those functions and publishing to exactly its topic.
 */
import { type Append, type PolicyDocument, type Statement } from "../iam/documents";
import { type PlanSizing } from "../../lib/tenantPlans";

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
    /** `arn:<p>:kms:<region>:<account>:key/*`: the account's keys, narrowed to calls RDS makes. */
    keys: A;
}

/** What a database the CreateDatabase function creates may be (the IAM conditions of its role). */
export interface DatabaseLimits {
    /** Region of the function: RDS calls KMS through `rds.<region>.amazonaws.com`. */
    region: string;
    engine: string;
    /** The plans' instance classes, nothing bigger. */
    instanceClasses: string[];
    /** The largest plan's storage, GiB. */
    maxStorageGb: number;
}

/** The limits that admit exactly what the plans size (PLAN_SIZING) and nothing larger. */
export function databaseLimits(region: string, plans: Readonly<Record<string, Pick<PlanSizing, "databaseInstanceClass" | "databaseStorageGb">>>, engine = "postgres"): DatabaseLimits {
    const sizes = Object.values(plans);
    return {
        region,
        engine,
        instanceClasses: [...new Set(sizes.map((p) => p.databaseInstanceClass))].sort(),
        maxStorageGb: Math.max(...sizes.map((p) => p.databaseStorageGb)),
    };
}

/**
 * CreateDatabase: create `<prefix>-*` PostgreSQL instances only of the plans' classes and storage,
 * encrypted and with an RDS-managed password (the condition keys hold on the instance, so the
 * subnet and parameter/option groups it names are a separate statement); tag them; let RDS create
 * the managed master secret and describe its key with the caller's rights (AWS documents
 * kms:DescribeKey, secretsmanager:CreateSecret and secretsmanager:TagResource for it).
 */
export function createDatabaseStatements<A>(arns: DatabaseArns<A>, limits: DatabaseLimits): Statement<A>[] {
    return [
        {
            Sid: "CreateTenantDatabase",
            Effect: "Allow",
            Action: ["rds:CreateDBInstance"],
            Resource: [arns.databases],
            Condition: {
                StringEquals: { "rds:DatabaseEngine": limits.engine, "rds:DatabaseClass": [...limits.instanceClasses] },
                Bool: { "rds:StorageEncrypted": "true", "rds:ManageMasterUserPassword": "true" },
                NumericLessThanEquals: { "rds:StorageSize": String(limits.maxStorageGb) },
            },
        },
        {
            Sid: "UseTenantDatabaseGroups",
            Effect: "Allow",
            Action: ["rds:CreateDBInstance"],
            Resource: [arns.subnetGroup, arns.parameterGroup, arns.optionGroup],
        },
        { Sid: "TagTenantDatabase", Effect: "Allow", Action: ["rds:AddTagsToResource"], Resource: [arns.databases] },
        {
            // ManageMasterUserPassword: RDS creates the master secret with the caller's rights.
            Sid: "CreateManagedMasterSecret",
            Effect: "Allow",
            Action: ["secretsmanager:CreateSecret", "secretsmanager:TagResource"],
            Resource: [arns.masterSecrets],
        },
        {
            // RDS describes aws/secretsmanager (the master secret's key) as the caller. Its key id
            // differs per account, so: the account's keys, only through RDS, only DescribeKey.
            Sid: "DescribeMasterSecretKey",
            Effect: "Allow",
            Action: ["kms:DescribeKey"],
            Resource: [arns.keys],
            Condition: { StringEquals: { "kms:ViaService": `rds.${limits.region}.amazonaws.com` } },
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
            { Sid: "EncryptNotifications", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: [access.topicKeyArn] },
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

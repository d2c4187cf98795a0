import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ScopedFunction } from "../functions/scopedFunction";
import { LogGroup } from "../observability/logGroup";
import { AlertTopic } from "../observability/alertTopic";
import { serviceTrustPolicy } from "../iam/documents";
import { RuleSetGroup } from "../security/securityGroup";
import { tagsFor } from "../shared/tags";
import { PLAN_SIZING } from "../../lib/tenantPlans";
import { provisioningDefinition } from "./provisioning";
import { TENANT_POSTGRES_VERSION } from "./tenant";
import { configureDnsStatements, createBucketsStatements, createDatabaseStatements, databaseLimits, stateMachinePolicy } from "./workflowDocuments";
import { appendOutput } from "../shared/outputs";

/** Where the handlers' source lives (plain CommonJS, shipped as is). */
export const PROVISIONING_HANDLER_DIR = path.join(__dirname, "handlers");

export interface ProvisioningWorkflowArgs {
    /** `<app>-<env>`: names of the workflow and of every tenant it provisions (19 characters at most). */
    namePrefix: string;
    /** Region of the workflow and the tenants' resources. */
    region: string;
    /** VPC of the tenants' databases. */
    vpcId: pulumi.Input<string>;
    /** Private subnets (two AZs or more) of the tenants' databases. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security group of the app: the only source allowed to reach a tenant's PostgreSQL. */
    appSecurityGroupId: pulumi.Input<string>;
    /** Route53 zone of the domain, where `<tenant>.<tenantZone>` aliases are written. */
    hostedZoneId: pulumi.Input<string>;
    /** `tenant.<domain>`. */
    tenantZone: string;
    /** The load balancer tenants' aliases point at. */
    aliasTarget: { dnsName: pulumi.Input<string>; zoneId: pulumi.Input<string> };
    /** Who is told of each completion and failure (e-mail on the notification topic). @default none */
    notificationEmail?: string;
    /** Retention of the functions' and the executions' logs, days. */
    logRetentionDays: number;
    /** Tags for every child and every tenant resource (project, environment, owner). */
    tags: Record<string, string>;
}

/**
 * Seed 001 phase 4's tenant provisioning, for tenants that sign up at run time (the tenants in
 * stack config are Tenant components instead): a Step Functions state machine running
 * CreateDatabase → wait until the database is available → CreateBuckets → ConfigureDNS →
 * NotifyCompletion (see provisioningDefinition: retries on transient Lambda errors, any failure
 * or an unusable database → NotifyFailure → Fail).
 * 1. one ScopedFunction per task (components/blocks/tenants/handlers), each allowed exactly its calls
 *    on resources named `<prefix>-<tenant>...` (workflowDocuments.ts), configured with the plans'
 *    sizes, so databases and buckets match what Tenant builds for the same plan;
 * 2. a private DB subnet group and a security group admitting 5432 from the app only, for the
 *    tenants' databases;
 * 3. an encrypted notification topic (optionally e-mailed);
 * 4. the state machine: STANDARD, execution logs (ERROR, without execution data: inputs carry
 *    tenant details) to a log group with retention, X-Ray tracing, and a role that may invoke
 *    the three functions and publish to the topic, nothing else.
 * Start one: `aws stepfunctions start-execution --state-machine-arn <arn> --input '{"tenant":{"id":"acme","plan":"professional"}}'`.
 *
 * Cost: state transitions $0.025 per 1,000 (6 per tenant); Lambda and logs by use; the topic's
 * key $1/month; each tenant then costs its plan's database (databaseMonthlyCostUsd).
 */
export class ProvisioningWorkflow extends pulumi.ComponentResource {
    readonly stateMachineArn: pulumi.Output<string>;
    /** The security group of the databases the workflow creates: the app needs egress to it. */
    readonly databaseSecurityGroupId: pulumi.Output<string>;
    readonly notificationTopicArn: pulumi.Output<string>;
    readonly functionNames: pulumi.Output<string>[];

    constructor(name: string, args: ProvisioningWorkflowArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:tenants:ProvisioningWorkflow", name, {}, opts);
        const child = { parent: this };
        const prefix = args.namePrefix;
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;
        const account = identity.accountId;

        const dbSecurityGroup = new RuleSetGroup(`${name}-db-sg`, {
            vpcId: args.vpcId,
            description: `${prefix} runtime tenant databases: PostgreSQL from the app only`,
            ingress: [{ description: "PostgreSQL from the app", protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupKey: "app" }],
            peers: { app: args.appSecurityGroupId },
            tags: args.tags,
        }, child);
        const subnetGroupName = `${prefix}-tenant-databases`;
        const subnetGroup = new aws.rds.SubnetGroup(`${name}-db-subnets`, {
            name: subnetGroupName,
            description: `${prefix} runtime tenant databases (private subnets)`,
            subnetIds: args.privateSubnetIds,
            tags: tagsFor(args.tags, subnetGroupName),
        }, child);
        const topic = new AlertTopic(`${name}-events`, {
            topicName: `${prefix}-tenant-provisioning`,
            email: args.notificationEmail,
            tags: args.tags,
        }, child);

        const config = pulumi.all([account, dbSecurityGroup.id, subnetGroup.name, args.hostedZoneId, args.aliasTarget.dnsName, args.aliasTarget.zoneId])
            .apply(([accountId, dbSecurityGroupId, dbSubnetGroupName, hostedZoneId, aliasDnsName, aliasZoneId]) => JSON.stringify({
                prefix, accountId, plans: PLAN_SIZING, tags: args.tags, dbSubnetGroupName, dbSecurityGroupId,
                postgresVersion: TENANT_POSTGRES_VERSION, tenantZone: args.tenantZone, hostedZoneId, aliasDnsName, aliasZoneId,
            }));
        const code = new pulumi.asset.AssetArchive({
            "index.js": new pulumi.asset.FileAsset(path.join(PROVISIONING_HANDLER_DIR, "index.js")),
            "app.js": new pulumi.asset.FileAsset(path.join(PROVISIONING_HANDLER_DIR, "app.js")),
        });
        const rds = (resource: string) => pulumi.interpolate`arn:${partition}:rds:${args.region}:${account}:${resource}`;
        const pgFamily = `postgres${TENANT_POSTGRES_VERSION}`;
        const task = (key: string, handler: string, description: string, statements: ConstructorParameters<typeof ScopedFunction>[1]["statements"], timeout: number) =>
            new ScopedFunction(`${name}-${key}`, {
                functionName: `${prefix}-tenant-${key}`,
                description,
                code,
                handler: `index.${handler}`,
                statements,
                environment: { PROVISIONING_CONFIG: config },
                timeout,
                logRetentionDays: args.logRetentionDays,
                tags: args.tags,
            }, child);
        const createDatabase = task("create-database", "createDatabase", "Creates a tenant's PostgreSQL database sized by its plan", createDatabaseStatements<pulumi.Input<string>>({
            databases: rds(`db:${prefix}-*`),
            subnetGroup: rds(`subgrp:${subnetGroupName}`),
            parameterGroup: rds(`pg:default.${pgFamily}`),
            optionGroup: rds(`og:default:postgres-${TENANT_POSTGRES_VERSION}`),
            masterSecrets: pulumi.interpolate`arn:${partition}:secretsmanager:${args.region}:${account}:secret:rds!db-*`,
            keys: pulumi.interpolate`arn:${partition}:kms:${args.region}:${account}:key/*`,
        }, databaseLimits(args.region, PLAN_SIZING)), 30);
        const createBuckets = task("create-buckets", "createBuckets", "Creates a tenant's private, encrypted uploads bucket",
            createBucketsStatements<pulumi.Input<string>>(pulumi.interpolate`arn:${partition}:s3:::${prefix}-*-${account}`), 30);
        const configureDns = task("configure-dns", "configureDns", "Writes a tenant's alias record",
            configureDnsStatements<pulumi.Input<string>>(pulumi.interpolate`arn:${partition}:route53:::hostedzone/${args.hostedZoneId}`, args.tenantZone), 10);
        const functions = [createDatabase, createBuckets, configureDns];

        const logGroup = new LogGroup(`${name}-executions`, {
            logGroupName: `/aws/vendedlogs/states/${prefix}-tenant-provisioning`,
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);
        const role = new aws.iam.Role(`${name}-role`, {
            description: `${prefix} tenant provisioning: invoke its three functions, notify its topic`,
            assumeRolePolicy: serviceTrustPolicy("states.amazonaws.com"),
            tags: tagsFor(args.tags, `${name}-role`),
        }, child);
        const access = new aws.iam.RolePolicy(`${name}-access`, {
            role: role.name,
            policy: stateMachinePolicy<pulumi.Input<string>>({
                functionArns: functions.map((f) => f.arn),
                databaseArns: rds(`db:${prefix}-*`),
                topicArn: topic.arn,
                topicKeyArn: topic.keyArn,
            }, appendOutput),
        }, child);
        const definition = pulumi.all([createDatabase.arn, createBuckets.arn, configureDns.arn, topic.arn])
            .apply(([db, buckets, dns, topicArn]) => JSON.stringify(provisioningDefinition({
                createDatabaseFunctionArn: db,
                createBucketsFunctionArn: buckets,
                configureDnsFunctionArn: dns,
                notificationTopicArn: topicArn,
            })));
        const stateMachine = new aws.sfn.StateMachine(`${name}-state-machine`, {
            name: `${prefix}-tenant-provisioning`,
            type: "STANDARD",
            roleArn: role.arn,
            definition,
            loggingConfiguration: {
                level: "ERROR",
                includeExecutionData: false,
                logDestination: pulumi.interpolate`${logGroup.arn}:*`,
            },
            tracingConfiguration: { enabled: true },
            tags: tagsFor(args.tags, `${prefix}-tenant-provisioning`),
        }, { parent: this, dependsOn: [access] });

        this.stateMachineArn = stateMachine.arn;
        this.databaseSecurityGroupId = dbSecurityGroup.id;
        this.notificationTopicArn = topic.arn;
        this.functionNames = functions.map((f) => f.name);
        this.registerOutputs({ stateMachineArn: this.stateMachineArn, notificationTopicArn: this.notificationTopicArn });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tenantAppAccessStatements, type TenantData } from "../../blocks/tenants/appAccess";
import { tagsFor } from "../../blocks/shared/tags";
import { type EnterpriseSettings } from "../../config/enterprise";
import { type PlatformFoundation } from "../phase3/containerPlatform";
import { ProvisioningWorkflow } from "../../blocks/tenants/provisioningWorkflow";
import { Tenant } from "../../blocks/tenants/tenant";
import { Organization } from "../../blocks/enterprise/organization";
import { SecurityBaseline } from "../../blocks/enterprise/securityBaseline";
import { enterpriseIntents } from "./intents";

/** The platform service whose tasks serve the tenants' data. */
const API_SERVICE = "api";

export interface EnterpriseArgs {
    /** `<app>-<env>`, the prefix of names. */
    namePrefix: string;
    /** App name, the first part of tenant resource names. */
    appName: string;
    /** Region of the stack (ARNs of the workflow's scoped permissions). */
    region: string;
    /** What to build: tenants, workflow, organisation, baseline (config/enterprise.ts). */
    settings: EnterpriseSettings;
    /** The phase-3 platform the tenants live on: network, app security group, load balancer. */
    foundation: PlatformFoundation;
    /** Route53 zone of the domain (tenant aliases). */
    hostedZoneId: string;
    /** `tenant.<domain>`. */
    tenantZone: string;
    /** Who is told of tenant provisioning results. @default none */
    alertEmail?: string;
    /** Retention of the workflow's logs, days (a CloudWatch retention value). */
    logRetentionDays: number;
    /** Protect tenants' data (buckets, databases with deletion protection). */
    protectStateful: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** What one configured tenant ended up with. */
export interface TenantOutputs {
    url: string;
    bucketName: pulumi.Output<string>;
    databaseEndpoint: pulumi.Output<string>;
    databaseSecretArn: pulumi.Output<string>;
}

/**
 * Phase 4 (seed 001 "Enterprise") on top of the phase-3 platform:
 * 1. with `createOrganization`: the AWS Organization, its OUs, member accounts and guardrail
 *    SCPs (run this stack from the management account);
 * 2. the security baseline of the account (the organisation trail when the organisation is
 *    created here): CloudTrail, GuardDuty, AWS Config rules, EBS default encryption, the
 *    account-wide S3 public access block;
 * 3. the tenant catalog: a Tenant per configured `<id>:<plan>` (bucket + PostgreSQL sized by
 *    plan, reachable only from the api service), reached at `https://<id>.tenant.<domain>`
 *    through the platform's wildcard record;
 * 4. the ProvisioningWorkflow state machine for tenants that sign up at run time;
 * 5. the api service's way to the tenants' data: egress from its group to each tenant database
 *    (and the workflow's databases), and a task-role policy on each tenant's uploads and
 *    database secret, and on the names the workflow gives later tenants (appAccess.ts).
 *
 * Cost: Organizations and SCPs free; the baseline from about $3/month (trail key, GuardDuty and
 * Config by use); per tenant its plan's database (starter/professional about $15, enterprise
 * about $128 a month: databaseMonthlyCostUsd) and its uploads by use; the workflow's topic key
 * $1/month and $0.025 per 1,000 state transitions.
 */
export class Enterprise extends pulumi.ComponentResource {
    readonly organizationId?: pulumi.Output<string>;
    readonly organizationalUnitIds: Record<string, pulumi.Output<string>>;
    readonly accountIds: Record<string, pulumi.Output<string>>;
    readonly trailArn?: pulumi.Output<string>;
    readonly guardDutyDetectorId?: pulumi.Output<string>;
    readonly tenants: Record<string, TenantOutputs>;
    readonly provisioningStateMachineArn?: pulumi.Output<string>;

    constructor(name: string, args: EnterpriseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:enterprise:Enterprise", name, {}, opts);
        const child = { parent: this };
        const s = args.settings;

        const organization = s.organization !== undefined
            ? new Organization(`${name}-org`, {
                organizationalUnits: s.organization.organizationalUnits,
                accounts: s.organization.accounts,
                allowedRegions: s.organization.allowedRegions,
                tags: args.tags,
            }, child)
            : undefined;
        this.organizationId = organization?.organizationId;
        this.organizationalUnitIds = organization?.organizationalUnitIds ?? {};
        this.accountIds = organization?.accountIds ?? {};

        if (s.securityBaseline) {
            const baseline = new SecurityBaseline(`${name}-baseline`, {
                namePrefix: args.namePrefix,
                organizationId: organization?.organizationId,
                trailRetentionDays: s.trailRetentionDays,
                tags: args.tags,
            }, child);
            this.trailArn = baseline.trailArn;
            this.guardDutyDetectorId = baseline.guardDutyDetectorId;
        }

        const appSecurityGroupId = args.foundation.serviceSecurityGroupIds[API_SERVICE];
        this.tenants = {};
        const tenantData: TenantData<pulumi.Input<string>>[] = [];
        for (const spec of s.tenants) {
            const tenant = new Tenant(`${name}-tenant-${spec.id}`, {
                tenant: spec,
                appName: args.appName,
                vpcId: args.foundation.vpcId,
                privateSubnetIds: args.foundation.privateSubnetIds,
                appSecurityGroupId,
                protectData: args.protectStateful,
                tags: args.tags,
            }, child);
            tenantData.push({ bucketArn: tenant.bucketArn, databaseSecretArn: tenant.databaseSecretArn });
            this.tenants[spec.id] = {
                url: `https://${spec.id}.${args.tenantZone}`,
                bucketName: tenant.bucketName,
                databaseEndpoint: tenant.databaseEndpoint,
                databaseSecretArn: tenant.databaseSecretArn,
            };
        }

        if (s.provisioningWorkflow) {
            const workflow = new ProvisioningWorkflow(`${name}-provisioning`, {
                namePrefix: args.namePrefix,
                region: args.region,
                vpcId: args.foundation.vpcId,
                privateSubnetIds: args.foundation.privateSubnetIds,
                appSecurityGroupId,
                hostedZoneId: args.hostedZoneId,
                tenantZone: args.tenantZone,
                aliasTarget: args.foundation.loadBalancer,
                notificationEmail: args.alertEmail,
                logRetentionDays: args.logRetentionDays,
                tags: args.tags,
            }, child);
            this.provisioningStateMachineArn = workflow.stateMachineArn;
            new aws.vpc.SecurityGroupEgressRule(`${name}-app-to-runtime-tenant-dbs`, {
                securityGroupId: appSecurityGroupId,
                referencedSecurityGroupId: workflow.databaseSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: 5432,
                toPort: 5432,
                description: "PostgreSQL to the databases of tenants provisioned at run time",
                tags: tagsFor(args.tags, `${name}-app-to-runtime-tenant-dbs`),
            }, child);
        }

        // 5. the app's grants on tenants' data (configured ones, and those the workflow creates later)
        const runtime = s.provisioningWorkflow
            ? { partition: aws.getPartitionOutput({}, child).partition, region: args.region, accountId: aws.getCallerIdentityOutput({}, child).accountId, prefix: args.namePrefix }
            : undefined;
        const statements = tenantAppAccessStatements<pulumi.Input<string>>(tenantData, runtime, (...parts) => pulumi.interpolate`${pulumi.all(parts).apply((p) => p.join(""))}`);
        if (statements.length > 0) {
            new aws.iam.RolePolicy(`${name}-app-tenant-access`, {
                role: args.foundation.serviceTaskRoleNames[API_SERVICE],
                policy: { Version: "2012-10-17", Statement: statements } as aws.iam.PolicyDocument,
            }, child);
        }

        this.registerOutputs({
            // What must work and what must never work, proved by the offline check (docs/intents.md).
            intents: enterpriseIntents({
                name,
                platformName: args.namePrefix,
                service: API_SERVICE,
                tenantIds: s.tenants.map((t) => t.id),
                provisioningWorkflow: s.provisioningWorkflow,
                guardedUnits: (s.organization?.organizationalUnits ?? []).map((path) => `${name}-org-ou-${path.toLowerCase().replace(/\//g, "-")}`),
            }),
            organizationId: this.organizationId,
            trailArn: this.trailArn,
            provisioningStateMachineArn: this.provisioningStateMachineArn,
        });
    }
}

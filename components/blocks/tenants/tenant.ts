import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { RuleSetGroup } from "../security/securityGroup";
import { tagsFor } from "../shared/tags";
import { ABORT_INCOMPLETE_UPLOADS } from "../storage/lifecycle";
import { SecureBucket } from "../storage/secureBucket";
import { PLAN_SIZING, type TenantSpec } from "../../lib/tenantPlans";

export interface TenantArgs {
    /** The tenant and its plan; the plan sizes everything below (see plans.ts). */
    tenant: TenantSpec;
    /** App name, the first part of resource names (`<app>-<tenant>-uploads-...`). */
    appName: string;
    /** VPC of the tenant's database. */
    vpcId: pulumi.Input<string>;
    /** Private subnets (two AZs or more) for the database's subnet group. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security group of the app (tasks or instances): the only source allowed to reach PostgreSQL. */
    appSecurityGroupId: pulumi.Input<string>;
    /**
     * Protect the tenant's data (bucket and database) and turn on RDS deletion protection.
     * @default true
     */
    protectData?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** PostgreSQL major version of tenant databases. */
export const TENANT_POSTGRES_VERSION = "16";

/**
 * One tenant of the catalog (seed 001 phase 4, "Service Catalog" template), sized by its plan:
 * 1. an uploads bucket (SecureBucket: private, encrypted, TLS-only, versioned) whose objects
 *    expire after the plan's days (30 / 90 / 365);
 * 2. a PostgreSQL database of the plan's class and storage (db.t3.micro 20 GB, or db.t3.medium
 *    100 GB Multi-AZ for enterprise): encrypted, in private subnets, reachable only from the app's
 *    security group on 5432 (an egress rule on the app's group lets it out), master password generated and kept by RDS in Secrets Manager,
 *    automated backups for the plan's days, deletion protection and a final snapshot.
 *
 * Cost (us-east-1): starter/professional database about $15/month, enterprise about $128/month
 * (see databaseMonthlyCostUsd); the bucket by use; the managed master secret $0.40/month.
 */
export class Tenant extends pulumi.ComponentResource {
    readonly bucketName: pulumi.Output<string>;
    readonly databaseEndpoint: pulumi.Output<string>;
    readonly databaseSecretArn: pulumi.Output<string>;
    readonly bucketArn: pulumi.Output<string>;

    constructor(name: string, args: TenantArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:tenants:Tenant", name, {}, opts);
        const sizing = PLAN_SIZING[args.tenant.plan];
        const protect = args.protectData ?? true;
        const tags = { ...args.tags, tenant: args.tenant.id, plan: args.tenant.plan };

        const bucket = new SecureBucket(`${name}-uploads`, {
            namePrefix: `${args.appName}-${args.tenant.id}-uploads-`.slice(0, 37),
            tags,
            versioning: true,
            lifecycleRules: [ABORT_INCOMPLETE_UPLOADS, {
                id: `expire-after-${sizing.uploadsExpirationDays}-days`,
                status: "Enabled",
                filter: { prefix: "" },
                expiration: { days: sizing.uploadsExpirationDays },
                noncurrentVersionExpiration: { noncurrentDays: 30 },
            }],
        }, { parent: this, protect });
        this.bucketName = bucket.bucketName;
        this.bucketArn = bucket.arn;

        const securityGroup = new RuleSetGroup(`${name}-db-sg`, {
            vpcId: args.vpcId,
            description: `${args.tenant.id} database: PostgreSQL from the app only`,
            ingress: [{ description: "PostgreSQL from the app", protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroupKey: "app" }],
            peers: { app: args.appSecurityGroupId },
            tags,
        }, { parent: this });
        // The app's group lets its tasks out to this database (security groups filter both ways:
        // the database's ingress alone leaves the connection dropped at the app's side).
        new aws.vpc.SecurityGroupEgressRule(`${name}-app-to-db`, {
            securityGroupId: args.appSecurityGroupId,
            referencedSecurityGroupId: securityGroup.id,
            ipProtocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
            description: `PostgreSQL to tenant ${args.tenant.id}'s database`,
            tags: tagsFor(tags, `${name}-app-to-db`),
        }, { parent: this });
        const subnetGroup = new aws.rds.SubnetGroup(`${name}-db`, {
            description: `${args.tenant.id} database subnets (private)`,
            subnetIds: args.privateSubnetIds,
            tags: tagsFor(tags, `${name}-db`),
        }, { parent: this });
        const database = new aws.rds.Instance(`${name}-db`, {
            identifierPrefix: `${args.appName}-${args.tenant.id}-`.slice(0, 50),
            engine: "postgres",
            engineVersion: TENANT_POSTGRES_VERSION,
            instanceClass: sizing.databaseInstanceClass,
            allocatedStorage: sizing.databaseStorageGb,
            storageType: "gp3",
            storageEncrypted: true,
            multiAz: sizing.databaseMultiAz,
            dbName: "app",
            username: "app_admin",
            manageMasterUserPassword: true,
            dbSubnetGroupName: subnetGroup.name,
            vpcSecurityGroupIds: [securityGroup.id],
            publiclyAccessible: false,
            backupRetentionPeriod: sizing.databaseBackupRetentionDays,
            deletionProtection: protect,
            skipFinalSnapshot: !protect,
            finalSnapshotIdentifier: protect ? `${args.appName}-${args.tenant.id}-final` : undefined,
            copyTagsToSnapshot: true,
            autoMinorVersionUpgrade: true,
            iamDatabaseAuthenticationEnabled: true,
            enabledCloudwatchLogsExports: ["postgresql"],
            tags: tagsFor(tags, `${name}-db`),
        }, { parent: this, protect });
        this.databaseEndpoint = database.endpoint;
        // manageMasterUserPassword: RDS creates and rotates the master secret; this is its ARN.
        this.databaseSecretArn = database.masterUserSecrets.apply((secrets) => secrets[0].secretArn);

        this.registerOutputs({ bucketName: this.bucketName, databaseEndpoint: this.databaseEndpoint, databaseSecretArn: this.databaseSecretArn });
    }
}

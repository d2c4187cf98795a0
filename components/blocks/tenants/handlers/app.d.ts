// Types of app.js for the tests and the component (the handlers ship as plain JS).

export interface PlanSizing {
    uploadsExpirationDays: number;
    databaseInstanceClass: string;
    databaseStorageGb: number;
    databaseMultiAz: boolean;
    databaseBackupRetentionDays: number;
}

/** What the functions are configured with (the PROVISIONING_CONFIG variable, plus the region). */
export interface ProvisioningConfig {
    /** `<app>-<env>`: database identifiers and bucket names start with it. */
    prefix: string;
    region: string;
    accountId: string;
    plans: Record<string, PlanSizing>;
    tags: Record<string, string>;
    dbSubnetGroupName: string;
    dbSecurityGroupId: string;
    postgresVersion: string;
    /** `tenant.<domain>`: tenants get `<id>.tenant.<domain>`. */
    tenantZone: string;
    hostedZoneId: string;
    /** The load balancer's DNS name and zone, the target of the tenants' aliases. */
    aliasDnsName: string;
    aliasZoneId: string;
}

/** The subset of AWS SDK v3 aggregated clients the handlers call. */
export interface ProvisioningClients {
    rds: { createDBInstance(input: Record<string, unknown>): Promise<unknown> };
    s3: {
        createBucket(input: Record<string, unknown>): Promise<unknown>;
        putPublicAccessBlock(input: Record<string, unknown>): Promise<unknown>;
        putBucketEncryption(input: Record<string, unknown>): Promise<unknown>;
        putBucketVersioning(input: Record<string, unknown>): Promise<unknown>;
        putBucketLifecycleConfiguration(input: Record<string, unknown>): Promise<unknown>;
        putBucketPolicy(input: Record<string, unknown>): Promise<unknown>;
        putBucketTagging(input: Record<string, unknown>): Promise<unknown>;
    };
    route53: { changeResourceRecordSets(input: Record<string, unknown>): Promise<{ ChangeInfo?: { Id?: string } } | undefined> };
}

export interface TenantEvent {
    tenant?: { id?: unknown; plan?: unknown };
}

export interface Handlers {
    createDatabase(event: TenantEvent): Promise<{ identifier: string; created: boolean }>;
    createBuckets(event: TenantEvent): Promise<{ bucket: string; created: boolean }>;
    configureDns(event: TenantEvent): Promise<{ hostname: string; url: string; changeId?: string }>;
}

export function createHandlers(config: ProvisioningConfig, clients: ProvisioningClients): Handlers;
export function namesOf(config: Pick<ProvisioningConfig, "prefix" | "accountId" | "tenantZone">, tenantId: string): { database: string; bucket: string; hostname: string };
export class InvalidTenantError extends Error {}

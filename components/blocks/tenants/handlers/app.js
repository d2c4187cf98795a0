"use strict";
/**
 * The tenant provisioning workflow's Lambda tasks (seed 001 phase 4: CreateDatabase →
 * CreateBuckets → ConfigureDNS), written against injected AWS SDK v3 clients so tests can pass
 * fakes; index.js wires the clients of the Lambda runtime's SDK.
 *
 * Every task takes the execution's input `{ "tenant": { "id": "acme", "plan": "professional" } }`,
 * validates it, is idempotent (a retried or re-run execution finds its own earlier work and
 * carries on) and returns what the next steps and the completion notice need.
 */

const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/;

class InvalidTenantError extends Error {
    constructor(message) {
        super(message);
        this.name = "InvalidTenant";
    }
}

/** The tenant of an execution's input; throws InvalidTenant (not retried) on anything else. */
function tenantOf(event, plans) {
    const tenant = event && event.tenant;
    if (!tenant || typeof tenant.id !== "string" || !TENANT_ID.test(tenant.id)) {
        throw new InvalidTenantError("tenant.id must be 1-30 lower-case letters, digits and inner hyphens");
    }
    if (typeof tenant.plan !== "string" || !Object.prototype.hasOwnProperty.call(plans, tenant.plan)) {
        throw new InvalidTenantError(`tenant.plan must be one of ${Object.keys(plans).join(", ")}`);
    }
    return { id: tenant.id, plan: tenant.plan, sizing: plans[tenant.plan] };
}

function tagList(config, tenant) {
    return [
        ...Object.entries(config.tags || {}).map(([Key, Value]) => ({ Key, Value })),
        { Key: "tenant", Value: tenant.id },
        { Key: "plan", Value: tenant.plan },
    ];
}

/** The names a tenant's runtime-provisioned resources get (also what the roles are scoped to). */
function namesOf(config, tenantId) {
    return {
        database: `${config.prefix}-${tenantId}`,
        // The account id keeps the (global) bucket name unique; at most 19 + 1 + 30 + 1 + 12 = 63.
        bucket: `${config.prefix}-${tenantId}-${config.accountId}`,
        hostname: `${tenantId}.${config.tenantZone}`,
    };
}

/**
 * @param config { prefix, region, accountId, plans, tags, dbSubnetGroupName, dbSecurityGroupId,
 *   postgresVersion, tenantZone, hostedZoneId, aliasDnsName, aliasZoneId }
 * @param clients { rds, s3, route53 } AWS SDK v3 clients (their `send`-less aggregated forms)
 */
function createHandlers(config, clients) {
    async function createDatabase(event) {
        const tenant = tenantOf(event, config.plans);
        const { database } = namesOf(config, tenant.id);
        const s = tenant.sizing;
        try {
            await clients.rds.createDBInstance({
                DBInstanceIdentifier: database,
                Engine: "postgres",
                EngineVersion: config.postgresVersion,
                DBInstanceClass: s.databaseInstanceClass,
                AllocatedStorage: s.databaseStorageGb,
                StorageType: "gp3",
                StorageEncrypted: true,
                MultiAZ: s.databaseMultiAz,
                BackupRetentionPeriod: s.databaseBackupRetentionDays,
                DBSubnetGroupName: config.dbSubnetGroupName,
                VpcSecurityGroupIds: [config.dbSecurityGroupId],
                PubliclyAccessible: false,
                DBName: "app",
                MasterUsername: "app_admin",
                ManageMasterUserPassword: true,
                EnableCloudwatchLogsExports: ["postgresql"],
                DeletionProtection: true,
                CopyTagsToSnapshot: true,
                AutoMinorVersionUpgrade: true,
                EnableIAMDatabaseAuthentication: true,
                Tags: tagList(config, tenant),
            });
            return { identifier: database, created: true };
        } catch (error) {
            if (error && error.name === "DBInstanceAlreadyExistsFault") return { identifier: database, created: false };
            throw error;
        }
    }

    async function createBuckets(event) {
        const tenant = tenantOf(event, config.plans);
        const { bucket } = namesOf(config, tenant.id);
        let created = true;
        try {
            await clients.s3.createBucket({
                Bucket: bucket,
                ObjectOwnership: "BucketOwnerEnforced",
                ...(config.region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: config.region } }),
            });
        } catch (error) {
            if (!error || error.name !== "BucketAlreadyOwnedByYou") throw error;
            created = false;
        }
        // Configured on every run: a re-run repairs a bucket an earlier attempt left half done.
        await clients.s3.putPublicAccessBlock({
            Bucket: bucket,
            PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        });
        await clients.s3.putBucketEncryption({
            Bucket: bucket,
            ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: true }] },
        });
        await clients.s3.putBucketVersioning({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } });
        await clients.s3.putBucketLifecycleConfiguration({
            Bucket: bucket,
            LifecycleConfiguration: {
                Rules: [
                    { ID: "abort-incomplete-uploads", Status: "Enabled", Filter: { Prefix: "" }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
                    {
                        ID: `expire-after-${tenant.sizing.uploadsExpirationDays}-days`,
                        Status: "Enabled",
                        Filter: { Prefix: "" },
                        Expiration: { Days: tenant.sizing.uploadsExpirationDays },
                        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
                    },
                ],
            },
        });
        await clients.s3.putBucketPolicy({
            Bucket: bucket,
            Policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                }],
            }),
        });
        await clients.s3.putBucketTagging({ Bucket: bucket, Tagging: { TagSet: tagList(config, tenant) } });
        return { bucket, created };
    }

    async function configureDns(event) {
        const tenant = tenantOf(event, config.plans);
        const { hostname } = namesOf(config, tenant.id);
        // UPSERT is idempotent: a re-run writes the same alias again.
        const result = await clients.route53.changeResourceRecordSets({
            HostedZoneId: config.hostedZoneId,
            ChangeBatch: {
                Comment: `tenant ${tenant.id} (${tenant.plan})`,
                Changes: [{
                    Action: "UPSERT",
                    ResourceRecordSet: {
                        Name: hostname,
                        Type: "A",
                        AliasTarget: { DNSName: config.aliasDnsName, HostedZoneId: config.aliasZoneId, EvaluateTargetHealth: true },
                    },
                }],
            },
        });
        return { hostname, url: `https://${hostname}`, changeId: result && result.ChangeInfo ? result.ChangeInfo.Id : undefined };
    }

    return { createDatabase, createBuckets, configureDns };
}

module.exports = { createHandlers, namesOf, tenantOf, InvalidTenantError };

import * as assert from "node:assert/strict";
import { createHandlers, type ProvisioningClients, type ProvisioningConfig } from "../../../components/blocks/tenants/handlers/app";
import { appendString, type Statement } from "../../../components/blocks/iam/documents";
import { PLAN_SIZING, TENANT_PLANS } from "../../../components/lib/tenantPlans";
import {
    configureDnsStatements, createBucketsStatements, createDatabaseStatements, databaseLimits, stateMachinePolicy,
} from "../../../components/blocks/tenants/workflowDocuments";

const ACCOUNT = "123456789012";
const rds = (resource: string) => `arn:aws:rds:sa-east-1:${ACCOUNT}:${resource}`;
const DB_ARNS = {
    databases: rds("db:chat-prod-*"),
    subnetGroup: rds("subgrp:chat-prod-tenant-databases"),
    parameterGroup: rds("pg:default.postgres16"),
    optionGroup: rds("og:default:postgres-16"),
    masterSecrets: `arn:aws:secretsmanager:sa-east-1:${ACCOUNT}:secret:rds!db-*`,
    keys: `arn:aws:kms:sa-east-1:${ACCOUNT}:key/*`,
};
const BUCKETS = `arn:aws:s3:::chat-prod-*-${ACCOUNT}`;
const ZONE = "arn:aws:route53:::hostedzone/Z0123456789EXAMPLE01";

const CONFIG: ProvisioningConfig = {
    prefix: "chat-prod",
    region: "sa-east-1",
    accountId: ACCOUNT,
    plans: PLAN_SIZING,
    tags: { project: "chat" },
    dbSubnetGroupName: "chat-prod-tenant-databases",
    dbSecurityGroupId: "sg-0db",
    postgresVersion: "16",
    tenantZone: "tenant.example.com",
    hostedZoneId: "Z0123456789EXAMPLE01",
    aliasDnsName: "alb.sa-east-1.elb.amazonaws.com",
    aliasZoneId: "Z2P70J7HTTTPLU",
};

/**
 * The IAM actions each SDK call of the handlers needs (Service Authorization Reference): what
 * the roles must allow, and all they may allow.
 */
const IAM_ACTIONS_OF_CALL: Record<string, (input: Record<string, unknown>) => string[]> = {
    createDBInstance: (input) => ["rds:CreateDBInstance", ...(input.Tags !== undefined ? ["rds:AddTagsToResource"] : [])],
    createBucket: (input) => ["s3:CreateBucket", ...(input.ObjectOwnership !== undefined ? ["s3:PutBucketOwnershipControls"] : [])],
    putPublicAccessBlock: () => ["s3:PutBucketPublicAccessBlock"],
    putBucketEncryption: () => ["s3:PutEncryptionConfiguration"],
    putBucketVersioning: () => ["s3:PutBucketVersioning"],
    putBucketLifecycleConfiguration: () => ["s3:PutLifecycleConfiguration"],
    putBucketPolicy: () => ["s3:PutBucketPolicy"],
    putBucketTagging: () => ["s3:PutBucketTagging"],
    changeResourceRecordSets: () => ["route53:ChangeResourceRecordSets"],
};

/** Runs one handler against recording fakes; returns the SDK calls it made. */
async function callsOf(handler: "createDatabase" | "createBuckets" | "configureDns", plan = "enterprise") {
    const calls: { method: string; input: Record<string, unknown> }[] = [];
    const record = (method: string) => async (input: Record<string, unknown>) => { calls.push({ method, input }); return {}; };
    const clients: ProvisioningClients = {
        rds: { createDBInstance: record("createDBInstance") },
        s3: {
            createBucket: record("createBucket"), putPublicAccessBlock: record("putPublicAccessBlock"), putBucketEncryption: record("putBucketEncryption"),
            putBucketVersioning: record("putBucketVersioning"), putBucketLifecycleConfiguration: record("putBucketLifecycleConfiguration"),
            putBucketPolicy: record("putBucketPolicy"), putBucketTagging: record("putBucketTagging"),
        },
        route53: { changeResourceRecordSets: async (input) => { calls.push({ method: "changeResourceRecordSets", input }); return undefined; } },
    };
    await createHandlers(CONFIG, clients)[handler]({ tenant: { id: "acme", plan } });
    return calls;
}

const actionsOf = (statements: readonly Statement[], service: string) =>
    [...new Set(statements.flatMap((s) => s.Action).filter((a) => a.startsWith(`${service}:`)))].sort();
const neededBy = (calls: { method: string; input: Record<string, unknown> }[]) =>
    [...new Set(calls.flatMap((c) => IAM_ACTIONS_OF_CALL[c.method](c.input)))].sort();

describe("tenant provisioning documents (pure)", () => {
    const limits = databaseLimits("sa-east-1", PLAN_SIZING);
    const dbStatements = createDatabaseStatements(DB_ARNS, limits);
    const bucketStatements = createBucketsStatements(BUCKETS);
    const dnsStatements = configureDnsStatements(ZONE, "tenant.example.com");

    describe("CreateDatabase", () => {
        it("limits databases to the plans: PostgreSQL, their classes, at most the largest plan's storage", () => {
            assert.deepEqual(limits, { region: "sa-east-1", engine: "postgres", instanceClasses: ["db.t3.medium", "db.t3.micro"], maxStorageGb: 100 });
        });

        it("creates only <prefix>-* instances that are PostgreSQL, of a plan's class and storage, encrypted, with an RDS-managed password", () => {
            const create = dbStatements.find((s) => s.Sid === "CreateTenantDatabase")!;
            assert.deepEqual([create.Action, create.Resource], [["rds:CreateDBInstance"], [DB_ARNS.databases]]);
            assert.deepEqual(create.Condition, {
                StringEquals: { "rds:DatabaseEngine": "postgres", "rds:DatabaseClass": ["db.t3.medium", "db.t3.micro"] },
                Bool: { "rds:StorageEncrypted": "true", "rds:ManageMasterUserPassword": "true" },
                NumericLessThanEquals: { "rds:StorageSize": "100" },
            });
        });

        it("names the one subnet group and the engine's default parameter and option groups, nothing else", () => {
            const groups = dbStatements.find((s) => s.Sid === "UseTenantDatabaseGroups")!;
            assert.deepEqual(groups.Action, ["rds:CreateDBInstance"]);
            assert.deepEqual(groups.Resource, [DB_ARNS.subnetGroup, DB_ARNS.parameterGroup, DB_ARNS.optionGroup]);
        });

        it("tags only the tenant databases", () => {
            const tag = dbStatements.find((s) => s.Sid === "TagTenantDatabase")!;
            assert.deepEqual([tag.Action, tag.Resource], [["rds:AddTagsToResource"], [DB_ARNS.databases]]);
        });

        it("lets RDS create the managed master secret and describe its key (only through RDS), as AWS documents", () => {
            const secret = dbStatements.find((s) => s.Sid === "CreateManagedMasterSecret")!;
            assert.deepEqual([secret.Action, secret.Resource], [["secretsmanager:CreateSecret", "secretsmanager:TagResource"], [DB_ARNS.masterSecrets]]);
            const key = dbStatements.find((s) => s.Sid === "DescribeMasterSecretKey")!;
            assert.deepEqual([key.Action, key.Resource, key.Condition], [["kms:DescribeKey"], [DB_ARNS.keys], { StringEquals: { "kms:ViaService": "rds.sa-east-1.amazonaws.com" } }]);
        });

        for (const plan of TENANT_PLANS) {
            it(`admits the call the handler makes for the ${plan} plan (the conditions hold)`, async () => {
                const [call] = await callsOf("createDatabase", plan);
                assert.equal(call.input.Engine, limits.engine);
                assert.ok(limits.instanceClasses.includes(call.input.DBInstanceClass as string), String(call.input.DBInstanceClass));
                assert.ok((call.input.AllocatedStorage as number) <= limits.maxStorageGb);
                assert.deepEqual([call.input.StorageEncrypted, call.input.ManageMasterUserPassword], [true, true]);
                assert.match(`db:${call.input.DBInstanceIdentifier}`, /^db:chat-prod-/);
                assert.equal(call.input.DBSubnetGroupName, "chat-prod-tenant-databases");
            });
        }

        it("allows exactly the RDS actions the handler's calls need", async () => {
            assert.deepEqual(actionsOf(dbStatements, "rds"), neededBy(await callsOf("createDatabase")));
        });
    });

    it("CreateBuckets: exactly the S3 actions the handler's calls need, on the tenants' buckets only (no delete, no read)", async () => {
        assert.deepEqual(actionsOf(bucketStatements, "s3"), neededBy(await callsOf("createBuckets")));
        assert.deepEqual(bucketStatements.flatMap((s) => s.Resource), [BUCKETS]);
        for (const call of await callsOf("createBuckets")) {
            assert.match(`arn:aws:s3:::${call.input.Bucket}`, new RegExp(`^${BUCKETS.replace("*", "[a-z0-9-]+")}$`), call.method);
        }
    });

    it("ConfigureDNS: exactly ChangeResourceRecordSets, on the one zone, UPSERT of A records under the tenant zone", async () => {
        assert.deepEqual(actionsOf(dnsStatements, "route53"), neededBy(await callsOf("configureDns")));
        const [dns] = dnsStatements;
        assert.deepEqual(dns.Resource, [ZONE]);
        assert.deepEqual(dns.Condition, {
            "ForAllValues:StringLike": { "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["*.tenant.example.com"] },
            "ForAllValues:StringEquals": { "route53:ChangeResourceRecordSetsRecordTypes": ["A"], "route53:ChangeResourceRecordSetsActions": ["UPSERT"] },
        });
    });

    describe("state machine role", () => {
        const fns = ["create-database", "create-buckets", "configure-dns"].map((f) => `arn:aws:lambda:sa-east-1:${ACCOUNT}:function:chat-prod-tenant-${f}`);
        const doc = stateMachinePolicy({
            functionArns: fns,
            databaseArns: DB_ARNS.databases,
            topicArn: `arn:aws:sns:sa-east-1:${ACCOUNT}:chat-prod-tenant-provisioning`,
            topicKeyArn: `arn:aws:kms:sa-east-1:${ACCOUNT}:key/1234`,
        }, appendString);
        const sid = (s: string) => doc.Statement.find((x) => x.Sid === s)!;

        it("invokes exactly the three functions (and their versions)", () => {
            assert.deepEqual(sid("InvokeProvisioningFunctions").Resource, fns.flatMap((f) => [f, `${f}:*`]));
        });

        it("publishes to exactly its topic, with exactly the key calls SNS makes for an encrypted topic", () => {
            assert.deepEqual([sid("PublishNotifications").Action, sid("PublishNotifications").Resource], [["sns:Publish"], [`arn:aws:sns:sa-east-1:${ACCOUNT}:chat-prod-tenant-provisioning`]]);
            assert.deepEqual(sid("EncryptNotifications").Action, ["kms:GenerateDataKey", "kms:Decrypt"]);
        });

        it("names every action (no * or service wildcard, no wildcard suffix); Resource * only where AWS supports nothing narrower", () => {
            for (const st of doc.Statement) {
                for (const action of st.Action) assert.match(action, /^[a-z0-9-]+:[A-Za-z]+$/, `${st.Sid}: ${action}`);
                if (st.Resource.includes("*")) assert.ok(["DeliverExecutionLogs", "XRayTraces"].includes(st.Sid), st.Sid);
            }
        });

        it("function documents name every action too", () => {
            for (const st of [...dbStatements, ...bucketStatements, ...dnsStatements]) {
                for (const action of st.Action) assert.match(action, /^[a-z0-9-]+:[A-Za-z]+$/, `${st.Sid}: ${action}`);
                assert.ok(!st.Resource.includes("*"), st.Sid);
            }
        });
    });
});

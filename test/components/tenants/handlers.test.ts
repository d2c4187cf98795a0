import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { createHandlers, namesOf, type ProvisioningClients, type ProvisioningConfig } from "../../../components/blocks/tenants/handlers/app";
import { PLAN_SIZING } from "../../../components/lib/tenantPlans";
import { PROVISIONING_HANDLER_DIR } from "../../../components/blocks/tenants/provisioningWorkflow";

const CONFIG: ProvisioningConfig = {
    prefix: "chat-prod",
    region: "sa-east-1",
    accountId: "123456789012",
    plans: PLAN_SIZING,
    tags: { project: "chat", environment: "prod" },
    dbSubnetGroupName: "chat-prod-tenant-databases",
    dbSecurityGroupId: "sg-0db",
    postgresVersion: "16",
    tenantZone: "tenant.example.com",
    hostedZoneId: "Z0123456789EXAMPLE01",
    aliasDnsName: "chat-prod-alb-123.sa-east-1.elb.amazonaws.com",
    aliasZoneId: "Z2P70J7HTTTPLU",
};

type Call = { method: string; input: Record<string, unknown> };

/** Fake SDK clients that record calls; `fail` makes a method throw an error of that name. */
function fakeClients(fail: Record<string, string> = {}) {
    const calls: Call[] = [];
    const method = (name: string) => async (input: Record<string, unknown>) => {
        calls.push({ method: name, input });
        if (fail[name] !== undefined) throw Object.assign(new Error(fail[name]), { name: fail[name] });
        return name === "changeResourceRecordSets" ? { ChangeInfo: { Id: "/change/C1" } } : {};
    };
    const clients: ProvisioningClients = {
        rds: { createDBInstance: method("createDBInstance") },
        s3: {
            createBucket: method("createBucket"),
            putPublicAccessBlock: method("putPublicAccessBlock"),
            putBucketEncryption: method("putBucketEncryption"),
            putBucketVersioning: method("putBucketVersioning"),
            putBucketLifecycleConfiguration: method("putBucketLifecycleConfiguration"),
            putBucketPolicy: method("putBucketPolicy"),
            putBucketTagging: method("putBucketTagging"),
        },
        route53: { changeResourceRecordSets: method("changeResourceRecordSets") },
    };
    return { clients, calls, input: (m: string) => calls.find((c) => c.method === m)!.input };
}

const ACME = { tenant: { id: "acme", plan: "enterprise" } };

describe("tenant provisioning handlers (fake SDK clients)", () => {
    it("names a tenant's resources after the stack, the tenant and the account (bucket names are global)", () => {
        assert.deepEqual(namesOf(CONFIG, "acme"), {
            database: "chat-prod-acme",
            bucket: "chat-prod-acme-123456789012",
            hostname: "acme.tenant.example.com",
        });
        assert.ok(namesOf({ ...CONFIG, prefix: "a".repeat(19) }, "t".repeat(30)).bucket.length <= 63);
    });

    describe("CreateDatabase", () => {
        it("creates an encrypted, private PostgreSQL sized by the plan, with an RDS-managed password", async () => {
            const fake = fakeClients();
            assert.deepEqual(await createHandlers(CONFIG, fake.clients).createDatabase(ACME), { identifier: "chat-prod-acme", created: true });
            const input = fake.input("createDBInstance");
            assert.deepEqual(
                [input.DBInstanceClass, input.AllocatedStorage, input.MultiAZ, input.BackupRetentionPeriod],
                ["db.t3.medium", 100, true, 30], "enterprise plan: db.t3.medium, 100 GB, Multi-AZ, 30 days of backups");
            assert.deepEqual([input.Engine, input.EngineVersion, input.StorageEncrypted, input.PubliclyAccessible], ["postgres", "16", true, false]);
            assert.equal(input.ManageMasterUserPassword, true);
            assert.equal(input.MasterUserPassword, undefined, "no password in the call");
            assert.deepEqual([input.DBSubnetGroupName, input.VpcSecurityGroupIds], ["chat-prod-tenant-databases", ["sg-0db"]]);
            assert.equal(input.DeletionProtection, true);
            assert.deepEqual((input.Tags as { Key: string; Value: string }[]).filter((t) => ["tenant", "plan"].includes(t.Key)),
                [{ Key: "tenant", Value: "acme" }, { Key: "plan", Value: "enterprise" }]);
        });

        it("sizes a starter tenant small: db.t3.micro, 20 GB, single AZ", async () => {
            const fake = fakeClients();
            await createHandlers(CONFIG, fake.clients).createDatabase({ tenant: { id: "initech", plan: "starter" } });
            const input = fake.input("createDBInstance");
            assert.deepEqual([input.DBInstanceClass, input.AllocatedStorage, input.MultiAZ], ["db.t3.micro", 20, false]);
        });

        it("is idempotent: an existing database of the same name is success (created: false)", async () => {
            const fake = fakeClients({ createDBInstance: "DBInstanceAlreadyExistsFault" });
            assert.deepEqual(await createHandlers(CONFIG, fake.clients).createDatabase(ACME), { identifier: "chat-prod-acme", created: false });
        });

        it("lets other errors fail the task (Step Functions retries or catches them)", async () => {
            const fake = fakeClients({ createDBInstance: "StorageQuotaExceededFault" });
            await assert.rejects(createHandlers(CONFIG, fake.clients).createDatabase(ACME), /StorageQuotaExceededFault/);
        });
    });

    describe("CreateBuckets", () => {
        it("creates the bucket in the stack's region, then blocks public access, encrypts, versions, expires by plan and requires TLS", async () => {
            const fake = fakeClients();
            const out = await createHandlers(CONFIG, fake.clients).createBuckets({ tenant: { id: "globex", plan: "professional" } });
            assert.deepEqual(out, { bucket: "chat-prod-globex-123456789012", created: true });
            assert.deepEqual(fake.calls.map((c) => c.method), [
                "createBucket", "putPublicAccessBlock", "putBucketEncryption", "putBucketVersioning",
                "putBucketLifecycleConfiguration", "putBucketPolicy", "putBucketTagging",
            ]);
            assert.deepEqual(fake.input("createBucket").CreateBucketConfiguration, { LocationConstraint: "sa-east-1" });
            assert.equal(fake.input("createBucket").ObjectOwnership, "BucketOwnerEnforced");
            assert.deepEqual(Object.values(fake.input("putPublicAccessBlock").PublicAccessBlockConfiguration as object), [true, true, true, true]);
            const rules = (fake.input("putBucketLifecycleConfiguration").LifecycleConfiguration as { Rules: { Expiration?: { Days: number } }[] }).Rules;
            assert.equal(rules.find((r) => r.Expiration !== undefined)?.Expiration?.Days, 90, "professional keeps uploads 90 days");
            const policy = JSON.parse(fake.input("putBucketPolicy").Policy as string);
            assert.deepEqual(policy.Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
            assert.equal(policy.Statement[0].Effect, "Deny");
        });

        it("omits the location constraint in us-east-1 (S3 rejects it there)", async () => {
            const fake = fakeClients();
            await createHandlers({ ...CONFIG, region: "us-east-1" }, fake.clients).createBuckets(ACME);
            assert.equal(fake.input("createBucket").CreateBucketConfiguration, undefined);
        });

        it("is idempotent: a bucket it already owns is configured again (a re-run repairs a half-done one)", async () => {
            const fake = fakeClients({ createBucket: "BucketAlreadyOwnedByYou" });
            const out = await createHandlers(CONFIG, fake.clients).createBuckets(ACME);
            assert.equal(out.created, false);
            assert.equal(fake.calls.length, 7);
        });

        it("fails on a name someone else owns", async () => {
            const fake = fakeClients({ createBucket: "BucketAlreadyExists" });
            await assert.rejects(createHandlers(CONFIG, fake.clients).createBuckets(ACME), /BucketAlreadyExists/);
        });
    });

    describe("ConfigureDNS", () => {
        it("upserts an A alias <tenant>.tenant.<domain> to the load balancer", async () => {
            const fake = fakeClients();
            const out = await createHandlers(CONFIG, fake.clients).configureDns(ACME);
            assert.deepEqual(out, { hostname: "acme.tenant.example.com", url: "https://acme.tenant.example.com", changeId: "/change/C1" });
            const input = fake.input("changeResourceRecordSets") as { HostedZoneId: string; ChangeBatch: { Changes: { Action: string; ResourceRecordSet: Record<string, unknown> }[] } };
            assert.equal(input.HostedZoneId, "Z0123456789EXAMPLE01");
            const [change] = input.ChangeBatch.Changes;
            assert.equal(change.Action, "UPSERT");
            assert.deepEqual(change.ResourceRecordSet, {
                Name: "acme.tenant.example.com",
                Type: "A",
                AliasTarget: { DNSName: CONFIG.aliasDnsName, HostedZoneId: "Z2P70J7HTTTPLU", EvaluateTargetHealth: true },
            });
        });
    });

    describe("input validation (InvalidTenant is not retried: it goes to the failure path)", () => {
        for (const [label, event] of [
            ["no tenant", {}],
            ["an upper-case id", { tenant: { id: "Acme", plan: "starter" } }],
            ["an id that could inject a name", { tenant: { id: "acme;drop", plan: "starter" } }],
            ["a 31-character id", { tenant: { id: "a".repeat(31), plan: "starter" } }],
            ["an unknown plan", { tenant: { id: "acme", plan: "platinum" } }],
            ["a plan inherited from Object", { tenant: { id: "acme", plan: "toString" } }],
        ] as const) {
            it(`refuses ${label} before calling AWS`, async () => {
                const fake = fakeClients();
                const handlers = createHandlers(CONFIG, fake.clients);
                for (const handler of [handlers.createDatabase, handlers.createBuckets, handlers.configureDns]) {
                    await assert.rejects(handler(event), (e: Error) => e.name === "InvalidTenant");
                }
                assert.equal(fake.calls.length, 0);
            });
        }
    });

    it("the entry point and the handlers are valid JavaScript for the Lambda runtime", () => {
        for (const file of ["index.js", "app.js"]) {
            const result = spawnSync(process.execPath, ["--check", path.join(PROVISIONING_HANDLER_DIR, file)], { encoding: "utf8" });
            assert.equal(result.status, 0, result.stderr);
        }
    });
});

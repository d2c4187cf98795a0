import * as assert from "node:assert/strict";
import { databaseMonthlyCostUsd, parseTenants, PLAN_SIZING } from "../../../components/lib/tenantPlans";
import { provisioningDefinition, TRANSIENT_LAMBDA_ERRORS } from "../../../components/blocks/tenants/provisioning";
import { Tenant } from "../../../components/blocks/tenants/tenant";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";

describe("tenant plans", () => {
    it("size uploads lifecycles as seed 001: 30 days for starter, 90 for every other plan", () => {
        assert.deepEqual(
            [PLAN_SIZING.starter.uploadsExpirationDays, PLAN_SIZING.professional.uploadsExpirationDays, PLAN_SIZING.enterprise.uploadsExpirationDays],
            [30, 90, 90]);
    });

    it("give enterprise db.t3.medium with 100 GB and Multi-AZ, the others db.t3.micro with 20 GB (seed 001)", () => {
        assert.deepEqual([PLAN_SIZING.enterprise.databaseInstanceClass, PLAN_SIZING.enterprise.databaseStorageGb, PLAN_SIZING.enterprise.databaseMultiAz], ["db.t3.medium", 100, true]);
        for (const plan of ["starter", "professional"] as const) {
            assert.deepEqual([PLAN_SIZING[plan].databaseInstanceClass, PLAN_SIZING[plan].databaseStorageGb], ["db.t3.micro", 20], plan);
        }
    });

    it("price the databases per month in us-east-1", () => {
        assert.equal(databaseMonthlyCostUsd("starter"), 15.44);
        assert.equal(databaseMonthlyCostUsd("enterprise"), 128.12);
    });

    it("parse `<id>:<plan>` entries", () => {
        assert.deepEqual(parseTenants(["acme:enterprise", "globex:starter"]).tenants, [{ id: "acme", plan: "enterprise" }, { id: "globex", plan: "starter" }]);
    });

    it("report bad ids, unknown plans, malformed entries and duplicates, each with what is allowed", () => {
        const { tenants, problems } = parseTenants(["Acme:starter", "acme:gold", "acme", "a:b:c", "ok:starter", "ok:professional"]);
        assert.deepEqual(tenants, [{ id: "ok", plan: "starter" }]);
        assert.deepEqual(problems.map((p) => p.entry), ["Acme:starter", "acme:gold", "acme", "a:b:c", "ok:professional"]);
        assert.match(problems[1].allowed, /starter, professional, enterprise/);
        assert.match(problems[4].allowed, /each tenant id once/);
    });
});

describe("tenant provisioning state machine", () => {
    const definition = provisioningDefinition({
        createDatabaseFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:create-db",
        createBucketsFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:create-buckets",
        configureDnsFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:configure-dns",
        notificationTopicArn: "arn:aws:sns:us-east-1:123456789012:tenant-provisioning",
    });
    const states = definition.States as Record<string, { Type: string; Next?: string; End?: boolean; Retry?: { ErrorEquals: string[]; MaxAttempts: number }[]; Catch?: { ErrorEquals: string[]; Next: string }[]; Resource?: string; Parameters?: Record<string, unknown> }>;

    it("runs CreateDatabase → wait for it → CreateBuckets → ConfigureDNS → NotifyCompletion", () => {
        const order: string[] = [];
        const next = (name: string) => (name === "DatabaseReady" ? "CreateBuckets" : states[name].Next);
        for (let name: string | undefined = definition.StartAt; name !== undefined; name = next(name)) order.push(name);
        assert.deepEqual(order, ["CreateDatabase", "WaitForDatabase", "CheckDatabase", "DatabaseReady", "CreateBuckets", "ConfigureDNS", "NotifyCompletion"]);
        assert.equal(states.NotifyCompletion.End, true);
        assert.equal(states.NotifyCompletion.Resource, "arn:aws:states:::sns:publish");
    });

    it("invokes each step's own function and retries transient Lambda errors three times", () => {
        assert.equal(states.CreateDatabase.Parameters!.FunctionName, "arn:aws:lambda:us-east-1:123456789012:function:create-db");
        for (const step of ["CreateDatabase", "CreateBuckets", "ConfigureDNS"]) {
            assert.deepEqual(states[step].Retry![0].ErrorEquals, [...TRANSIENT_LAMBDA_ERRORS], step);
            assert.equal(states[step].Retry![0].MaxAttempts, 3, step);
        }
    });

    it("catches any failure into a failure notification and a Fail state", () => {
        for (const step of ["CreateDatabase", "CreateBuckets", "ConfigureDNS"]) {
            assert.deepEqual(states[step].Catch!.map((c) => [c.ErrorEquals, c.Next]), [[["States.ALL"], "NotifyFailure"]], step);
        }
        assert.equal(states.NotifyFailure.Next, "ProvisioningFailed");
        assert.equal(states.ProvisioningFailed.Type, "Fail");
    });

    it("polls RDS every 60 s until the database is available, and gives up on a status it never leaves", () => {
        const machine = definition.States as unknown as Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
        assert.equal(machine.WaitForDatabase.Seconds, 60);
        assert.equal(machine.CheckDatabase.Resource, "arn:aws:states:::aws-sdk:rds:describeDBInstances");
        assert.deepEqual(machine.CheckDatabase.Parameters, { "DbInstanceIdentifier.$": "$.database.result.identifier" });
        const choices = machine.DatabaseReady.Choices as { StringEquals: string; Next: string }[];
        assert.deepEqual(choices[0], { Variable: "$.databaseStatus.status", StringEquals: "available", Next: "CreateBuckets" });
        assert.ok(choices.some((c) => c.StringEquals === "failed" && c.Next === "DatabaseUnusable"));
        assert.equal(machine.DatabaseReady.Default, "WaitForDatabase", "creating, backing-up, ...: look again");
        assert.equal(machine.DatabaseUnusable.Next, "NotifyFailure");
        assert.ok(definition.TimeoutSeconds >= 3600, "room for a Multi-AZ database");
    });

    it("every Next names a state of the machine", () => {
        for (const [name, state] of Object.entries(states)) {
            const choices = (state as { Choices?: { Next: string }[]; Default?: string }).Choices ?? [];
            for (const next of [state.Next, (state as { Default?: string }).Default, ...choices.map((c) => c.Next), ...(state.Catch ?? []).map((c) => c.Next)]) {
                if (next !== undefined) assert.ok(next in states, `${name} → ${next}`);
            }
        }
    });
});

describe("Tenant (phase 4) under mocks", () => {
    const base = {
        appName: "chat",
        vpcId: "vpc-1",
        privateSubnetIds: ["subnet-a", "subnet-b"],
        appSecurityGroupId: "sg-app",
        tags: { project: "chat", environment: "prod", owner: "platform" },
    };

    it("sizes an enterprise tenant: db.t3.medium, 100 GB, Multi-AZ, 30 days of backups, uploads kept 90 days", async () => {
        const { registrations } = await runWithMocks(() => new Tenant("chat-acme", { ...base, tenant: { id: "acme", plan: "enterprise" } }));
        const [db] = ofType(registrations, "aws:rds/instance:Instance");
        assert.deepEqual([db.inputs.instanceClass, db.inputs.allocatedStorage, db.inputs.multiAz, db.inputs.backupRetentionPeriod], ["db.t3.medium", 100, true, 30]);
        const lifecycle = named(registrations, "chat-acme-uploads-lifecycle").inputs.rules.find((r: { expiration?: unknown }) => r.expiration !== undefined);
        assert.deepEqual(lifecycle.expiration, { days: 90 });
    });

    it("sizes a starter tenant: db.t3.micro, 20 GB, single AZ, uploads expire after 30 days", async () => {
        const { registrations } = await runWithMocks(() => new Tenant("chat-globex", { ...base, tenant: { id: "globex", plan: "starter" } }));
        const [db] = ofType(registrations, "aws:rds/instance:Instance");
        assert.deepEqual([db.inputs.instanceClass, db.inputs.allocatedStorage, db.inputs.multiAz], ["db.t3.micro", 20, false]);
        const lifecycle = named(registrations, "chat-globex-uploads-lifecycle").inputs.rules.find((r: { expiration?: unknown }) => r.expiration !== undefined);
        assert.deepEqual(lifecycle.expiration, { days: 30 });
    });

    it("keeps the database private, encrypted, RDS-managed password, deletion-protected, reachable only from the app on 5432", async () => {
        const { result, registrations } = await runWithMocks(() => new Tenant("chat-initech", { ...base, tenant: { id: "initech", plan: "professional" } }));
        const [db] = ofType(registrations, "aws:rds/instance:Instance");
        assert.deepEqual(
            [db.inputs.publiclyAccessible, db.inputs.storageEncrypted, db.inputs.manageMasterUserPassword, db.inputs.deletionProtection, db.inputs.skipFinalSnapshot],
            [false, true, true, true, false]);
        assert.equal(db.inputs.password, undefined, "no password in config or state");
        const ingress = ofType(registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(ingress.map((r) => [r.inputs.fromPort, r.inputs.referencedSecurityGroupId, r.inputs.cidrIpv4]), [[5432, "sg-app", undefined]]);
        assert.match(await valueOf(result.databaseSecretArn), /^arn:aws:secretsmanager:/);
    });

    it("tags every resource with the tenant and its plan", async () => {
        const { registrations } = await runWithMocks(() => new Tenant("chat-umbrella", { ...base, tenant: { id: "umbrella", plan: "starter" } }));
        for (const r of registrations.filter((x) => x.inputs.tags !== undefined)) {
            assert.deepEqual([r.inputs.tags.tenant, r.inputs.tags.plan], ["umbrella", "starter"], r.name);
        }
    });
});

import * as assert from "node:assert/strict";
import { buildStack, type EnterpriseOutputs } from "../../../components/architectures/program";
import { type Registration } from "../../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";
import { type RawConfig, settingsFrom } from "../../helpers/settings";

/** Phase 4 as an enterprise stack file gives it: seed 001's three plans, the organisation on. */
const ENTERPRISE: RawConfig = {
    phase: 4,
    appName: "chat",
    environment: "prod",
    appPort: 5000,
    domain: "example.com",
    hostedZoneId: "Z0123456789EXAMPLE01",
    natStrategy: "gateway-per-az",
    alertEmail: "ops@example.com",
    logRetentionDays: 365,
    protectStateful: true,
    tenants: ["acme:enterprise", "globex:professional", "initech:starter"],
    createOrganization: true,
    memberAccounts: ["chat-prod:aws-prod@example.com:Workloads/Prod", "chat-dev:aws-dev@example.com:Workloads/Dev"],
    allowedRegions: ["us-east-1", "sa-east-1"],
};

interface Built { outputs: EnterpriseOutputs; registrations: Registration[] }

async function build(raw: RawConfig = {}): Promise<Built> {
    const settings = settingsFrom({ ...ENTERPRISE, ...raw }, { stack: "prod" });
    const { result, registrations } = await runWithMocks(() => buildStack(settings), { stack: "prod" });
    return { outputs: result as EnterpriseOutputs, registrations };
}

const policyOf = (r: Registration) => (typeof r.inputs.policy === "string" ? JSON.parse(r.inputs.policy) : r.inputs.policy);

describe("Enterprise (phase 4) under mocks", function () {
    this.timeout(120_000);
    let built: Built;
    before(async () => { built = await build(); });

    it("builds on the phase-3 platform: one cluster, one Enterprise component", () => {
        assert.equal(built.outputs.phase, 4);
        assert.equal(ofType(built.registrations, "aws:ecs/cluster:Cluster").length, 1);
        assert.equal(ofType(built.registrations, "stagecraft:enterprise:Enterprise").length, 1);
    });

    describe("organisation", () => {
        it("creates the OUs of the issue and the member accounts in theirs", () => {
            const units = ofType(built.registrations, "aws:organizations/organizationalUnit:OrganizationalUnit").map((u) => u.inputs.name).sort();
            assert.deepEqual(units, ["Dev", "Prod", "Security", "Staging", "Workloads"]);
            const accounts = ofType(built.registrations, "aws:organizations/account:Account");
            assert.deepEqual(accounts.map((a) => [a.inputs.name, a.inputs.email]).sort(), [
                ["chat-dev", "aws-dev@example.com"], ["chat-prod", "aws-prod@example.com"],
            ]);
        });

        it("attaches the five guardrail SCPs to each top-level OU, the region guardrail allowing the configured regions", () => {
            const policies = ofType(built.registrations, "aws:organizations/policy:Policy");
            assert.equal(policies.length, 5);
            assert.ok(policies.every((p) => p.inputs.type === "SERVICE_CONTROL_POLICY"));
            assert.equal(ofType(built.registrations, "aws:organizations/policyAttachment:PolicyAttachment").length, 5 * 2, "Security and Workloads");
            const regions = policies.map((p) => p.inputs.content as string).find((c) => c.includes("aws:RequestedRegion"));
            assert.match(regions ?? "", /"us-east-1","sa-east-1"/);
        });

        it("makes the trail the organisation trail, encrypted and validated", () => {
            const [trail] = ofType(built.registrations, "aws:cloudtrail/trail:Trail");
            assert.deepEqual([trail.inputs.isOrganizationTrail, trail.inputs.isMultiRegionTrail, trail.inputs.enableLogFileValidation], [true, true, true]);
            assert.ok(trail.inputs.kmsKeyId);
        });

        it("without createOrganization: no organisation, an account trail, the rest of the baseline", async () => {
            const { registrations, outputs } = await build({ createOrganization: false, memberAccounts: [] });
            assert.equal(ofType(registrations, "aws:organizations/organization:Organization").length, 0);
            assert.equal(ofType(registrations, "aws:cloudtrail/trail:Trail")[0].inputs.isOrganizationTrail, false);
            assert.equal(ofType(registrations, "aws:guardduty/detector:Detector").length, 1);
            assert.equal(outputs.organizationId, undefined);
        });
    });

    describe("tenant catalog", () => {
        it("sizes each tenant's database by plan: enterprise db.t3.medium 100 GB Multi-AZ, the others db.t3.micro 20 GB", () => {
            const databases = Object.fromEntries(ofType(built.registrations, "aws:rds/instance:Instance")
                .map((d) => [d.inputs.identifierPrefix, [d.inputs.instanceClass, d.inputs.allocatedStorage, d.inputs.multiAz]]));
            assert.deepEqual(databases, {
                "chat-acme-": ["db.t3.medium", 100, true],
                "chat-globex-": ["db.t3.micro", 20, false],
                "chat-initech-": ["db.t3.micro", 20, false],
            });
        });

        it("expires each tenant's uploads by plan as seed 001 does: 30 days for starter, 90 otherwise", () => {
            const days = (tenant: string) => named(built.registrations, `chat-prod-enterprise-tenant-${tenant}-uploads-lifecycle`)
                .inputs.rules.find((r: { expiration?: { days: number } }) => r.expiration !== undefined).expiration.days;
            assert.deepEqual([days("acme"), days("globex"), days("initech")], [90, 90, 30]);
        });

        it("lets only the api service reach the tenants' databases", () => {
            const rules = ofType(built.registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .filter((r) => /tenant-.*-db-sg|provisioning-db-sg/.test(r.name));
            assert.equal(rules.length, 4, "three tenants and the runtime tenants' group");
            assert.ok(rules.every((r) => r.inputs.fromPort === 5432 && r.inputs.referencedSecurityGroupId === "chat-prod-api-sg-id"));
        });

        it("outputs each tenant's URL, bucket and database", async () => {
            assert.deepEqual(Object.keys(built.outputs.tenants).sort(), ["acme", "globex", "initech"]);
            assert.equal(built.outputs.tenants.acme.url, "https://acme.tenant.example.com");
            assert.match(await valueOf(built.outputs.tenants.acme.databaseEndpoint), /\.rds\./);
        });
    });

    describe("provisioning workflow", () => {
        let definition: { StartAt: string; States: Record<string, Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
        before(() => {
            definition = JSON.parse(ofType(built.registrations, "aws:sfn/stateMachine:StateMachine")[0].inputs.definition);
        });

        it("runs CreateDatabase → (database available) → CreateBuckets → ConfigureDNS → NotifyCompletion on the stack's own functions and topic", () => {
            assert.equal(definition.StartAt, "CreateDatabase");
            assert.deepEqual(
                ["CreateDatabase", "CreateBuckets", "ConfigureDNS"].map((s) => [definition.States[s].Parameters.FunctionName, definition.States[s].Next]),
                [
                    ["arn:aws:lambda:us-east-1:123456789012:function:chat-prod-tenant-create-database", "WaitForDatabase"],
                    ["arn:aws:lambda:us-east-1:123456789012:function:chat-prod-tenant-create-buckets", "ConfigureDNS"],
                    ["arn:aws:lambda:us-east-1:123456789012:function:chat-prod-tenant-configure-dns", "NotifyCompletion"],
                ]);
            assert.match(definition.States.NotifyCompletion.Parameters.TopicArn, /:chat-prod-tenant-provisioning$/);
        });

        it("retries transient Lambda errors and catches everything into the failure notice", () => {
            for (const s of ["CreateDatabase", "CreateBuckets", "ConfigureDNS"]) {
                assert.ok(definition.States[s].Retry[0].ErrorEquals.includes("Lambda.TooManyRequestsException"));
                assert.deepEqual(definition.States[s].Catch[0], { ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "NotifyFailure" });
            }
            assert.equal(definition.States.NotifyFailure.Next, "ProvisioningFailed");
            assert.equal(definition.States.ProvisioningFailed.Type, "Fail");
        });

        it("logs errors without execution data and traces", () => {
            const [machine] = ofType(built.registrations, "aws:sfn/stateMachine:StateMachine");
            assert.deepEqual([machine.inputs.type, machine.inputs.loggingConfiguration.level, machine.inputs.loggingConfiguration.includeExecutionData], ["STANDARD", "ERROR", false]);
            assert.equal(machine.inputs.tracingConfiguration.enabled, true);
        });

        it("lets the state machine invoke exactly its three functions and publish to exactly its topic", () => {
            const doc = policyOf(named(built.registrations, "chat-prod-enterprise-provisioning-access"));
            const invoke = doc.Statement.find((s: { Sid: string }) => s.Sid === "InvokeProvisioningFunctions");
            assert.equal(invoke.Resource.length, 6, "three functions and their versions");
            assert.ok(invoke.Resource.every((r: string) => /function:chat-prod-tenant-(create-database|create-buckets|configure-dns)(:\*)?$/.test(r)));
            const wait = doc.Statement.find((s: { Sid: string }) => s.Sid === "WaitForTenantDatabases");
            assert.deepEqual([wait.Action, wait.Resource], [["rds:DescribeDBInstances"], ["arn:aws:rds:us-east-1:123456789012:db:chat-prod-*"]]);
            const publish = doc.Statement.find((s: { Sid: string }) => s.Sid === "PublishNotifications");
            assert.deepEqual(publish.Action, ["sns:Publish"]);
            assert.match(publish.Resource[0], /:chat-prod-tenant-provisioning$/);
        });

        it("scopes each function to its own calls: RDS on chat-prod-* databases, S3 on the tenants' buckets, Route53 on tenant names", () => {
            const statementsOf = (fn: string) => policyOf(named(built.registrations, `chat-prod-enterprise-provisioning-${fn}-access`)).Statement
                .filter((s: { Sid: string }) => !["WriteOwnLogs", "XRayTraces"].includes(s.Sid));
            const db = statementsOf("create-database");
            assert.deepEqual([db[0].Action, db[0].Resource], [["rds:CreateDBInstance"], ["arn:aws:rds:us-east-1:123456789012:db:chat-prod-*"]]);
            assert.deepEqual(db[0].Condition.StringEquals, { "rds:DatabaseEngine": "postgres", "rds:DatabaseClass": ["db.t3.medium", "db.t3.micro"] });
            assert.deepEqual(db.find((s: { Sid: string }) => s.Sid === "DescribeMasterSecretKey").Condition, { StringEquals: { "kms:ViaService": "rds.us-east-1.amazonaws.com" } });
            const buckets = statementsOf("create-buckets");
            assert.deepEqual(buckets[0].Resource, ["arn:aws:s3:::chat-prod-*-123456789012"]);
            assert.ok(!buckets[0].Action.includes("s3:DeleteBucket"));
            const dns = statementsOf("configure-dns");
            assert.deepEqual(dns[0].Resource, ["arn:aws:route53:::hostedzone/Z0123456789EXAMPLE01"]);
            assert.deepEqual(dns[0].Condition["ForAllValues:StringLike"], { "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["*.tenant.example.com"] });
        });

        it("configures the functions with the plans, so runtime tenants get what Tenant builds", () => {
            const fn = ofType(built.registrations, "aws:lambda/function:Function").find((f) => f.inputs.name === "chat-prod-tenant-create-database")!;
            const config = JSON.parse(fn.inputs.environment.variables.PROVISIONING_CONFIG);
            assert.deepEqual(config.plans.enterprise, { uploadsExpirationDays: 90, databaseInstanceClass: "db.t3.medium", databaseStorageGb: 100, databaseMultiAz: true, databaseBackupRetentionDays: 30 });
            assert.equal(config.tenantZone, "tenant.example.com");
            assert.equal(config.dbSubnetGroupName, "chat-prod-tenant-databases");
        });

        it("can be turned off", async () => {
            const { registrations, outputs } = await build({ tenantProvisioning: false });
            assert.equal(ofType(registrations, "aws:sfn/stateMachine:StateMachine").length, 0);
            assert.equal(outputs.provisioningStateMachineArn, undefined);
        });
    });
});

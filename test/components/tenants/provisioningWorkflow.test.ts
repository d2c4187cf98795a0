import * as assert from "node:assert/strict";
import { ProvisioningWorkflow } from "../../../components/blocks/tenants/provisioningWorkflow";
import { type Registration } from "../../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";

const ARGS = {
    namePrefix: "chat-prod",
    region: "us-east-1",
    vpcId: "vpc-1",
    privateSubnetIds: ["subnet-a", "subnet-b"],
    appSecurityGroupId: "sg-app",
    hostedZoneId: "Z0123456789EXAMPLE01",
    tenantZone: "tenant.example.com",
    aliasTarget: { dnsName: "chat-prod-alb-1.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K" },
    notificationEmail: "ops@example.com",
    logRetentionDays: 90,
    tags: { project: "chat", environment: "prod", owner: "platform" },
};

type Doc = { Statement: { Sid: string; Effect: string; Action: string[]; Resource: string[]; Condition?: unknown }[] };
const policyOf = (r: Registration): Doc => (typeof r.inputs.policy === "string" ? JSON.parse(r.inputs.policy) : r.inputs.policy);
const FUNCTIONS = ["create-database", "create-buckets", "configure-dns"];

describe("ProvisioningWorkflow under mocks", function () {
    this.timeout(60_000);
    let registrations: Registration[];
    let workflow: ProvisioningWorkflow;
    before(async () => {
        const run = await runWithMocks(() => new ProvisioningWorkflow("wf", ARGS));
        registrations = run.registrations;
        workflow = run.result;
    });

    it("registers as stagecraft:tenants:ProvisioningWorkflow, every child named after it (the stack tests check parents)", async () => {
        assert.equal(ofType(registrations, "stagecraft:tenants:ProvisioningWorkflow").length, 1);
        assert.deepEqual(registrations.filter((r) => !r.name.startsWith("wf")).map((r) => r.name), []);
        assert.match(await valueOf(workflow.stateMachineArn), /:stateMachine:chat-prod-tenant-provisioning$/);
    });

    it("ships the repo's handlers as three functions, each with its own role, traced, on the runtime's SDK", () => {
        const fns = ofType(registrations, "aws:lambda/function:Function");
        assert.deepEqual(fns.map((f) => f.inputs.name).sort(), FUNCTIONS.map((f) => `chat-prod-tenant-${f}`).sort());
        assert.deepEqual(fns.map((f) => f.inputs.handler).sort(), ["index.configureDns", "index.createBuckets", "index.createDatabase"]);
        assert.equal(new Set(fns.map((f) => f.inputs.role)).size, 3, "one role per function");
        for (const fn of fns) {
            assert.match(fn.inputs.runtime, /^nodejs\d+\.x$/);
            assert.equal(fn.inputs.tracingConfig.mode, "Active");
            assert.deepEqual(Object.keys(fn.inputs.environment.variables), ["PROVISIONING_CONFIG"], "configuration only, no secrets");
        }
    });

    it("gives every function and the executions a log group with retention", () => {
        const groups = ofType(registrations, "aws:cloudwatch/logGroup:LogGroup");
        assert.deepEqual(groups.map((g) => g.inputs.name).sort(), [
            "/aws/lambda/chat-prod-tenant-configure-dns", "/aws/lambda/chat-prod-tenant-create-buckets", "/aws/lambda/chat-prod-tenant-create-database",
            "/aws/vendedlogs/states/chat-prod-tenant-provisioning",
        ]);
        assert.ok(groups.every((g) => g.inputs.retentionInDays === 90));
    });

    it("wires the state machine to the functions and the topic it created", async () => {
        const [machine] = ofType(registrations, "aws:sfn/stateMachine:StateMachine");
        const definition = JSON.parse(machine.inputs.definition);
        const arnOf = (fn: string) => `arn:aws:lambda:us-east-1:123456789012:function:chat-prod-tenant-${fn}`;
        assert.deepEqual(
            ["CreateDatabase", "CreateBuckets", "ConfigureDNS"].map((s) => definition.States[s].Parameters.FunctionName),
            FUNCTIONS.map(arnOf));
        const topicArn = await valueOf(workflow.notificationTopicArn);
        assert.equal(definition.States.NotifyCompletion.Parameters.TopicArn, topicArn);
        assert.equal(definition.States.NotifyFailure.Parameters.TopicArn, topicArn);
        for (const s of ["CreateDatabase", "CreateBuckets", "ConfigureDNS"]) {
            assert.equal(definition.States[s].Catch[0].Next, "NotifyFailure", s);
            assert.ok(definition.States[s].Retry[0].MaxAttempts > 0, s);
        }
    });

    it("runs STANDARD, logs errors without execution data to its group, traces", () => {
        const [machine] = ofType(registrations, "aws:sfn/stateMachine:StateMachine");
        assert.equal(machine.inputs.type, "STANDARD");
        assert.deepEqual([machine.inputs.loggingConfiguration.level, machine.inputs.loggingConfiguration.includeExecutionData], ["ERROR", false]);
        assert.match(machine.inputs.loggingConfiguration.logDestination, /log-group:\/aws\/vendedlogs\/states\/chat-prod-tenant-provisioning:\*$/);
        assert.equal(machine.inputs.tracingConfiguration.enabled, true);
    });

    it("the state machine's role is trusted by Step Functions only", () => {
        const trust = JSON.parse(named(registrations, "wf-role").inputs.assumeRolePolicy);
        assert.deepEqual(trust.Statement.map((s: { Principal: unknown }) => s.Principal), [{ Service: "states.amazonaws.com" }]);
    });

    it("each function's role allows its own calls and its own logs, nothing of the others'", () => {
        const services = (fn: string) => [...new Set(policyOf(named(registrations, `wf-${fn}-access`)).Statement
            .flatMap((s) => s.Action).map((a) => a.split(":")[0]))].sort();
        assert.deepEqual(services("create-database"), ["kms", "logs", "rds", "secretsmanager", "xray"]);
        assert.deepEqual(services("create-buckets"), ["logs", "s3", "xray"]);
        assert.deepEqual(services("configure-dns"), ["logs", "route53", "xray"]);
        for (const fn of FUNCTIONS) {
            const logs = policyOf(named(registrations, `wf-${fn}-access`)).Statement.find((s) => s.Sid === "WriteOwnLogs")!;
            assert.ok(logs.Resource.every((r) => r.includes(`/aws/lambda/chat-prod-tenant-${fn}`)), fn);
        }
    });

    it("no role in the workflow allows a wildcard action; Resource * only for X-Ray and log delivery", () => {
        const policies = ofType(registrations, "aws:iam/rolePolicy:RolePolicy");
        assert.equal(policies.length, 4, "three functions and the state machine");
        for (const p of policies) {
            for (const st of policyOf(p).Statement) {
                assert.equal(st.Effect, "Allow");
                for (const action of st.Action) assert.match(action, /^[a-z0-9-]+:[A-Za-z]+$/, `${p.name} ${st.Sid}: ${action}`);
                if (st.Resource.includes("*")) assert.ok(["XRayTraces", "DeliverExecutionLogs"].includes(st.Sid), `${p.name} ${st.Sid}`);
            }
        }
        assert.equal(ofType(registrations, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0, "no managed policies");
    });

    it("keeps runtime tenants' databases private: a subnet group of the private subnets, 5432 from the app only", () => {
        assert.deepEqual(named(registrations, "wf-db-subnets").inputs.subnetIds, ["subnet-a", "subnet-b"]);
        const ingress = ofType(registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(ingress.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.referencedSecurityGroupId, r.inputs.cidrIpv4]), [[5432, 5432, "sg-app", undefined]]);
    });

    it("encrypts the notification topic and e-mails it", () => {
        const [topic] = ofType(registrations, "aws:sns/topic:Topic");
        assert.equal(topic.inputs.name, "chat-prod-tenant-provisioning");
        assert.ok(topic.inputs.kmsMasterKeyId, "a KMS key");
        const [subscription] = ofType(registrations, "aws:sns/topicSubscription:TopicSubscription");
        assert.deepEqual([subscription.inputs.protocol, subscription.inputs.endpoint], ["email", "ops@example.com"]);
    });
});

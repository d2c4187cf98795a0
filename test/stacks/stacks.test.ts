import * as assert from "node:assert/strict";
import { buildStack, type ScalableWebOutputs, type SingleHostOutputs, type StackOutputs } from "../../components/program";
import { type Registration } from "../../tools/mocks";
import { ofType, runWithMocks, valueOf } from "../helpers/pulumi";
import { stackSettings } from "../helpers/stack";

interface BuiltStack<O extends StackOutputs = StackOutputs> {
    outputs: O;
    registrations: Registration[];
}

function countsOf(registrations: Registration[]): { aws: number; remote: number; components: number } {
    const components = registrations.filter((r) => r.type.startsWith("stagecraft:")).length;
    const remote = registrations.filter((r) => r.type.startsWith("awsx:")).length;
    return { aws: registrations.length - components - remote, remote, components };
}

async function buildFromStackFile<O extends StackOutputs>(stack: string, phase: O["phase"]): Promise<BuiltStack<O>> {
    const settings = stackSettings(stack);
    const { result, registrations } = await runWithMocks(() => buildStack(settings), { stack, region: settings.region });
    assert.equal(result.phase, phase, `${stack} builds phase ${phase}`);
    return { outputs: result as O, registrations };
}

describe("stacks built from their stack files", () => {
    describe("dev (Pulumi.dev.yaml)", () => {
        let dev: BuiltStack<SingleHostOutputs>;
        before(async () => { dev = await buildFromStackFile<SingleHostOutputs>("dev", 1); });

        it("is phase 1 in us-east-1 with the cheapest safe host", () => {
            assert.equal(dev.outputs.phase, 1);
            const [instance] = ofType(dev.registrations, "aws:ec2/instance:Instance");
            assert.equal(instance.inputs.instanceType, "t3.micro");
            assert.equal(instance.inputs.rootBlockDevice.volumeSize, 30);
            assert.equal(ofType(dev.registrations, "pulumi:providers:aws").length, 0, "already in us-east-1: no extra provider");
        });

        it("has no SSH rule and no NAT", () => {
            const ports = ofType(dev.registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs.fromPort);
            assert.ok(!ports.includes(22));
            assert.deepEqual(ofType(dev.registrations, "awsx:ec2:Vpc")[0].inputs.natGateways, { strategy: "None" });
        });

        it("health-checks over HTTP", () => {
            assert.equal(ofType(dev.registrations, "aws:route53/healthCheck:HealthCheck")[0].inputs.type, "HTTP");
        });

        it("alerts at 80 % / 100 % forecast of a USD 10 monthly budget (seed 004)", async () => {
            const [budget] = ofType(dev.registrations, "aws:budgets/budget:Budget");
            assert.equal(budget.inputs.limitAmount, "10.00");
            assert.equal(await valueOf(dev.outputs.budgetName!), "chat-dev-monthly");
        });

        it("outputs the URL, IP, instance, SSM commands, buckets and health check", async () => {
            assert.match(await valueOf(dev.outputs.url), /^http:\/\//);
            assert.match(await valueOf(dev.outputs.ssmSessionCommand), /^aws ssm start-session --region us-east-1 --target \S+$/);
            assert.match(await valueOf(dev.outputs.deployCommand), /--document-name \S+ --targets Key=InstanceIds,Values=\S+ --parameters gitRef=<ref>$/);
            assert.match(await valueOf(dev.outputs.buckets.uploads), /^chat-dev-uploads/);
            assert.ok((await valueOf(dev.outputs.healthCheckId)).length > 0);
        });

        it("registers 43 AWS resources (the budget and the alert e-mail among them), 1 awsx VPC and 13 components", () => {
            // A change in these counts is a change in what `pulumi up` creates: update them deliberately.
            assert.deepEqual(countsOf(dev.registrations), { aws: 43, remote: 1, components: 13 });
        });
    });

    describe("prod (Pulumi.prod.yaml)", () => {
        let prod: BuiltStack<SingleHostOutputs>;
        before(async () => { prod = await buildFromStackFile<SingleHostOutputs>("prod", 1); });

        it("health-checks over HTTPS on the domain", () => {
            const [check] = ofType(prod.registrations, "aws:route53/healthCheck:HealthCheck");
            assert.deepEqual([check.inputs.type, check.inputs.fqdn], ["HTTPS", "app.example.com"]);
        });

        it("keeps logs a year and archives backups", () => {
            assert.ok(ofType(prod.registrations, "aws:cloudwatch/logGroup:LogGroup").every((g) => g.inputs.retentionInDays === 365));
            const lifecycle = ofType(prod.registrations, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")
                .find((r) => r.name === "chat-prod-backups-lifecycle")!;
            assert.ok(lifecycle.inputs.rules.some((r: { transitions?: unknown[] }) => (r.transitions ?? []).length === 2));
        });

        it("closes the app port to the world and turns on termination protection", () => {
            const ports = ofType(prod.registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs.fromPort).sort();
            assert.deepEqual(ports, [443, 80]);
            assert.equal(ofType(prod.registrations, "aws:ec2/instance:Instance")[0].inputs.disableApiTermination, true);
        });

        it("adds flow logs, the DNS record and the cost anomaly monitor: 49 AWS resources", () => {
            assert.deepEqual(countsOf(prod.registrations), { aws: 49, remote: 1, components: 13 });
        });

        it("outputs the HTTPS URL", async () => {
            assert.equal(await valueOf(prod.outputs.url), "https://app.example.com");
        });
    });

    describe("staging (Pulumi.staging.yaml)", () => {
        let staging: BuiltStack<ScalableWebOutputs>;
        before(async () => { staging = await buildFromStackFile<ScalableWebOutputs>("staging", 2); });

        it("is phase 2: an ALB in front of an Auto Scaling group of 1-4 instances, 2 desired", () => {
            assert.equal(ofType(staging.registrations, "aws:lb/loadBalancer:LoadBalancer").length, 1);
            const [group] = ofType(staging.registrations, "aws:autoscaling/group:Group");
            assert.deepEqual([group.inputs.minSize, group.inputs.maxSize, group.inputs.desiredCapacity], [1, 4, 2]);
            assert.equal(ofType(staging.registrations, "aws:ec2/instance:Instance").filter((i) => i.name.endsWith("-host")).length, 0);
        });

        it("routes private egress through a NAT instance and puts the app on app.<domain>", async () => {
            assert.equal(ofType(staging.registrations, "stagecraft:network:NatInstance").length, 1);
            assert.equal(await valueOf(staging.outputs.url), "https://app.staging.example.com");
            assert.equal(await valueOf(staging.outputs.cdnUrl!), "https://cdn.staging.example.com");
        });

        it("outputs the fleet, dashboard and load balancer a user needs", async () => {
            assert.match(await valueOf(staging.outputs.instancesCommand), /^aws autoscaling describe-auto-scaling-groups --region us-east-1 /);
            assert.match(await valueOf(staging.outputs.dashboardUrl), /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#dashboards:name=/);
            assert.ok((await valueOf(staging.outputs.loadBalancerDnsName)).length > 0);
        });
    });
});

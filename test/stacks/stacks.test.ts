import * as assert from "node:assert/strict";
import { buildStack, type ContainerPlatformOutputs, type EnterpriseOutputs, type ScalableWebOutputs, type SingleHostOutputs, type StackOutputs } from "../../components/architectures/program";
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
            assert.match(await valueOf(dev.outputs.publicFilesUrl!), /^https:\/\/\S+\.cloudfront\.net$/, "seed 003's public prefixes");
        });

        it("registers 56 resources (the budget and the alert e-mail among them; the database's volume, attachment, password and parameter, the restore and status documents; 5 host alarms: CPU, credits, memory, / and the data volume; seed 003's public-files OAC and distribution), 1 awsx VPC and 15 components", () => {
            // A change in these counts is a change in what `pulumi up` creates: update them deliberately.
            assert.deepEqual(countsOf(dev.registrations), { aws: 56, remote: 1, components: 15 });
        });
    });

    describe("prod (Pulumi.prod.yaml)", () => {
        let prod: BuiltStack<ContainerPlatformOutputs>;
        before(async () => { prod = await buildFromStackFile<ContainerPlatformOutputs>("prod", 3); });

        it("is phase 3: an ECS cluster with Container Insights and no EC2 hosts", () => {
            const [cluster] = ofType(prod.registrations, "aws:ecs/cluster:Cluster");
            assert.deepEqual(cluster.inputs.settings, [{ name: "containerInsights", value: "enabled" }]);
            assert.equal(ofType(prod.registrations, "aws:ec2/instance:Instance").length, 0);
            assert.equal(ofType(prod.registrations, "aws:autoscaling/group:Group").length, 0);
        });

        it("runs the api as seed 001 sizes it: 1024 CPU / 2048 MiB, 2 tasks scaling to 6, private, rolled back on failure", () => {
            const task = ofType(prod.registrations, "aws:ecs/taskDefinition:TaskDefinition").find((t) => t.inputs.family === "chat-prod-api")!;
            assert.deepEqual([task.inputs.cpu, task.inputs.memory, task.inputs.requiresCompatibilities], ["1024", "2048", ["FARGATE"]]);
            const service = ofType(prod.registrations, "aws:ecs/service:Service").find((x) => x.inputs.name === "api")!;
            assert.equal(service.inputs.desiredCount, 2);
            assert.equal(service.inputs.networkConfiguration.assignPublicIp, false);
            assert.deepEqual(service.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
            const target = ofType(prod.registrations, "aws:appautoscaling/target:Target").find((t) => t.name === "chat-prod-api-scaling")!;
            assert.deepEqual([target.inputs.minCapacity, target.inputs.maxCapacity], [2, 6]);
        });

        it("routes private egress through one NAT gateway per AZ", () => {
            assert.deepEqual(ofType(prod.registrations, "awsx:ec2:Vpc")[0].inputs.natGateways, { strategy: "OnePerAz" });
        });

        it("encrypts Redis in transit and at rest, with a replica for failover", () => {
            const [redis] = ofType(prod.registrations, "aws:elasticache/replicationGroup:ReplicationGroup");
            assert.deepEqual([redis.inputs.transitEncryptionEnabled, redis.inputs.atRestEncryptionEnabled], [true, true]);
            assert.deepEqual([redis.inputs.numCacheClusters, redis.inputs.automaticFailoverEnabled, redis.inputs.multiAzEnabled], [2, true, true]);
            assert.equal(redis.inputs.snapshotRetentionLimit, 7);
        });

        it("puts WAF on the ALB and the CDN: 2000 requests per IP, CN/RU/KP blocked", () => {
            const acls = ofType(prod.registrations, "aws:wafv2/webAcl:WebAcl");
            assert.deepEqual(acls.map((a) => a.inputs.scope).sort(), ["CLOUDFRONT", "REGIONAL"]);
            for (const acl of acls) {
                const statements = acl.inputs.rules.map((r: { statement: Record<string, unknown> }) => r.statement);
                assert.ok(statements.some((st: { rateBasedStatement?: { limit: number } }) => st.rateBasedStatement?.limit === 2000));
                assert.ok(statements.some((st: { geoMatchStatement?: { countryCodes: string[] } }) =>
                    JSON.stringify(st.geoMatchStatement?.countryCodes) === JSON.stringify(["CN", "RU", "KP"])));
            }
        });

        it("keeps logs a year and archives backups", () => {
            const groups = ofType(prod.registrations, "aws:cloudwatch/logGroup:LogGroup");
            assert.ok(groups.length >= 8);
            assert.deepEqual(groups.filter((g) => g.inputs.retentionInDays !== 365).map((g) => g.name), []);
            const lifecycle = ofType(prod.registrations, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")
                .find((r) => r.name === "chat-prod-backups-lifecycle")!;
            // 90 days: Standard-IA at 30; Glacier IR at 90 would not come before the expiry.
            assert.ok(lifecycle.inputs.rules.some((r: { transitions?: unknown[]; expiration?: { days: number } }) => (r.transitions ?? []).length === 1 && r.expiration?.days === 90));
        });

        it("needs no extra provider in us-east-1 (CDN certificate and web ACL use the default one)", () => {
            assert.deepEqual(ofType(prod.registrations, "pulumi:providers:aws").map((p) => p.name), []);
        });

        it("lets browsers use the uploads bucket from the stack's own https origins only (CORS from the domain, never *)", () => {
            const cors = ofType(prod.registrations, "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration");
            assert.equal(cors.length, 1);
            assert.deepEqual(cors[0].inputs.corsRules.map((r: { allowedOrigins: string[] }) => r.allowedOrigins), [["https://app.example.com", "https://example.com"]]);
        });

        it("registers 209 AWS resources (62 of them the mTLS API; 1 the uploads CORS from the domain), 1 awsx VPC and 56 components", () => {
            // A change in these counts is a change in what `pulumi up` creates: update them deliberately.
            assert.deepEqual(countsOf(prod.registrations), { aws: 209, remote: 1, components: 56 });
        });

        it("runs seed 002's mTLS API beside the platform: mtls.example.com, two partners' client certificates", async () => {
            assert.equal(await valueOf(prod.outputs.mtls!.url), "https://mtls.example.com");
            assert.deepEqual(Object.keys(prod.outputs.mtls!.clientSecretArns).sort(), ["partner-a", "partner-b"]);
            assert.equal(ofType(prod.registrations, "aws:lb/loadBalancer:LoadBalancer").filter((l) => l.inputs.loadBalancerType === "network").length, 1);
        });

        it("outputs the URLs, cluster and service names, repositories and user pool ids", async () => {
            const o = prod.outputs;
            assert.equal(await valueOf(o.url), "https://app.example.com");
            assert.equal(await valueOf(o.cdnUrl!), "https://cdn.example.com");
            assert.equal(await valueOf(o.websocketUrl), "wss://ws.example.com");
            assert.equal(o.tenantUrlPattern, "https://<tenant>.tenant.example.com");
            assert.equal(await valueOf(o.clusterName), "chat-prod");
            assert.deepEqual(Object.keys(o.serviceNames), ["api"]);
            assert.match(await valueOf(o.repositoryUrls.api), /^\d{12}\.dkr\.ecr\.us-east-1\.amazonaws\.com\/chat-prod\/api$/);
            assert.ok((await valueOf(o.userPoolId)).length > 0);
            assert.ok((await valueOf(o.userPoolClientId)).length > 0);
            assert.equal(await valueOf(o.restartCommand), "aws ecs update-service --region us-east-1 --cluster chat-prod --service api --force-new-deployment");
            assert.match(await valueOf(o.nextStep), /^Services run\. Releases: /);
        });

        it("before its images exist (imageReady false), says which images to push in nextStep and runs no task", async () => {
            const settings = stackSettings("prod");
            if (settings.phase !== 3) throw new Error("prod is phase 3");
            const { result, registrations } = await runWithMocks(() => buildStack({ ...settings, platform: { ...settings.platform, imageReady: false } }), { stack: "prod", region: settings.region });
            const next = await valueOf((result as ContainerPlatformOutputs).nextStep);
            for (const image of ["chat-prod/api:3f9c2e1", "chat-prod/mtls-gateway:", "chat-prod/mtls-api:"]) assert.ok(next.includes(image), `${image} in: ${next}`);
            assert.match(next, /stagecraft:imageReady true/);
            const services = ofType(registrations, "aws:ecs/service:Service");
            assert.equal(services.length, 3);
            assert.ok(services.every((svc) => svc.inputs.desiredCount === 0), "api, mTLS gateway and mTLS API wait at zero tasks");
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

    describe("enterprise (Pulumi.enterprise.yaml)", () => {
        let enterprise: BuiltStack<EnterpriseOutputs>;
        before(async () => { enterprise = await buildFromStackFile<EnterpriseOutputs>("enterprise", 4); });

        it("is phase 4: the platform, the organisation with four member accounts, three tenants and the workflow", () => {
            assert.equal(ofType(enterprise.registrations, "aws:ecs/cluster:Cluster").length, 1);
            assert.equal(ofType(enterprise.registrations, "aws:organizations/account:Account").length, 4);
            assert.equal(ofType(enterprise.registrations, "stagecraft:tenants:Tenant").length, 3);
            assert.equal(ofType(enterprise.registrations, "aws:sfn/stateMachine:StateMachine").length, 1);
            assert.deepEqual(Object.keys(enterprise.outputs.tenants).sort(), ["acme", "globex", "initech"]);
        });

        it("registers 265 AWS resources (259 + the api service's egress to the three tenant databases and the workflow's, its tenant-data policy, and the uploads CORS from the domain), 1 awsx VPC and 64 components", () => {
            // A change in these counts is a change in what `pulumi up` creates: update them deliberately.
            assert.deepEqual(countsOf(enterprise.registrations), { aws: 265, remote: 1, components: 64 });
        });
    });
});

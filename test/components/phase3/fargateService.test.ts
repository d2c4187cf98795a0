import * as assert from "node:assert/strict";
import { parsePlatformSettings, type ServiceSettings } from "../../../components/config/platform";
import { ContainerRepository } from "../../../components/blocks/containers/containerRepository";
import { FargateService, type FargateServiceArgs } from "../../../components/blocks/containers/fargateService";
import { type Registration } from "../../../tools/mocks";
import { named, ofType, runWithMocks } from "../../helpers/pulumi";
import { readerFor, type RawConfig } from "../../helpers/settings";

const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const REDIS_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:chat-prod/redis-auth-token-AbCdEf";

function services(raw: RawConfig = {}): ServiceSettings[] {
    return parsePlatformSettings(readerFor(raw), 3, "chat").services;
}

function args(settings: ServiceSettings, overrides: Partial<FargateServiceArgs> = {}): FargateServiceArgs {
    const lb = settings.loadBalanced;
    return {
        settings,
        family: `chat-prod-${settings.name}`,
        clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/chat-prod",
        clusterName: "chat-prod",
        vpcId: "vpc-1",
        subnetIds: ["subnet-private-a", "subnet-private-b"],
        containerPort: lb ? 5000 : undefined,
        loadBalancer: lb
            ? { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/1", targetGroupArnSuffix: "targetgroup/tg/1", loadBalancerArnSuffix: "app/alb/2", securityGroupId: "sg-alb" }
            : undefined,
        repositoryArn: `arn:aws:ecr:us-east-1:123456789012:repository/chat-prod/${settings.name}`,
        repositoryUrl: `123456789012.dkr.ecr.us-east-1.amazonaws.com/chat-prod/${settings.name}`,
        imageTag: "v1.4.2",
        environment: { REDIS_HOST: "master.chat-prod-redis.cache.amazonaws.com", SESSIONS_TABLE: "chat-prod-sessions" },
        secrets: [{ name: "REDIS_AUTH_TOKEN", valueFrom: REDIS_SECRET, source: "secretsmanager" }],
        secretKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/k"],
        egressPorts: [443],
        peers: [{ key: "redis", port: 6379, description: "Redis (TLS)", securityGroupId: "sg-redis" }],
        taskAccess: { tableArns: ["arn:aws:dynamodb:us-east-1:123456789012:table/chat-prod-sessions"], readWriteBucketArns: ["arn:aws:s3:::uploads"] },
        logGroupName: `/ecs/chat-prod/${settings.name}`,
        logRetentionDays: 365,
        region: "us-east-1",
        tags: { project: "chat", environment: "prod", owner: "platform-team" },
        ...overrides,
    };
}

async function build(settings: ServiceSettings, overrides: Partial<FargateServiceArgs> = {}): Promise<Registration[]> {
    const { registrations } = await runWithMocks(() => new FargateService(`chat-prod-${settings.name}`, args(settings, overrides)), { stack: "prod" });
    return registrations;
}

function rules(registrations: Registration[], type: string): string[] {
    return ofType(registrations, type).map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort} ${r.inputs.cidrIpv4 ?? `sg:${r.inputs.referencedSecurityGroupId}`}`).sort();
}

function containers(registrations: Registration[]): Record<string, any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
    return JSON.parse(ofType(registrations, "aws:ecs/taskDefinition:TaskDefinition")[0].inputs.containerDefinitions);
}

describe("FargateService under mocks", () => {
    describe("the api service (seed 001: 1024 CPU / 2048 MiB behind the ALB)", () => {
        let regs: Registration[];
        before(async () => { regs = await build(services()[0]); });

        it("registers a security group, a log group, two roles, a task definition, a service and scaling", () => {
            for (const [type, count] of [
                ["aws:ec2/securityGroup:SecurityGroup", 1], ["aws:cloudwatch/logGroup:LogGroup", 1], ["aws:iam/role:Role", 2],
                ["aws:ecs/taskDefinition:TaskDefinition", 1], ["aws:ecs/service:Service", 1],
                ["aws:appautoscaling/target:Target", 1], ["aws:appautoscaling/policy:Policy", 2],
            ] as const) {
                assert.equal(ofType(regs, type).length, count, type);
            }
        });

        it("its tasks admit port 5000 from the load balancer's group only", () => {
            assert.deepEqual(rules(regs, INGRESS), ["tcp 5000 sg:sg-alb"]);
        });

        it("its tasks reach HTTPS through NAT and Redis by security group, nothing else", () => {
            assert.deepEqual(rules(regs, EGRESS), ["tcp 443 0.0.0.0/0", "tcp 6379 sg:sg-redis"]);
        });

        it("runs in the private subnets without public IPs, on Fargate LATEST", () => {
            const service = named(regs, "chat-prod-api").inputs;
            assert.deepEqual(service.networkConfiguration.subnets, ["subnet-private-a", "subnet-private-b"]);
            assert.equal(service.networkConfiguration.assignPublicIp, false);
            assert.deepEqual([service.launchType, service.platformVersion], ["FARGATE", "LATEST"]);
        });

        it("registers the api container on port 5000 with the target group", () => {
            assert.deepEqual(named(regs, "chat-prod-api").inputs.loadBalancers, [{
                targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/1", containerName: "api", containerPort: 5000,
            }]);
        });

        it("rolls back a failed deployment (circuit breaker) and keeps full capacity while deploying", () => {
            const service = named(regs, "chat-prod-api").inputs;
            assert.deepEqual(service.deploymentCircuitBreaker, { enable: true, rollback: true });
            assert.deepEqual([service.deploymentMinimumHealthyPercent, service.deploymentMaximumPercent], [100, 200]);
            assert.equal(service.enableExecuteCommand, false);
        });

        it("starts 2 tasks and scales between 2 and 6", () => {
            assert.equal(named(regs, "chat-prod-api").inputs.desiredCount, 2);
            const target = named(regs, "chat-prod-api-scaling").inputs;
            assert.deepEqual([target.minCapacity, target.maxCapacity, target.scalableDimension], [2, 6, "ecs:service:DesiredCount"]);
            assert.equal(target.resourceId, "service/chat-prod/api");
        });

        it("tracks 60 % CPU and 1000 requests per task on the ALB's target group", () => {
            const cpu = named(regs, "chat-prod-api-scale-cpu").inputs.targetTrackingScalingPolicyConfiguration;
            const requests = named(regs, "chat-prod-api-scale-requests").inputs.targetTrackingScalingPolicyConfiguration;
            assert.equal(cpu.targetValue, 60);
            assert.deepEqual(requests.predefinedMetricSpecification, { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: "app/alb/2/targetgroup/tg/1" });
            assert.equal(requests.targetValue, 1000);
        });

        it("the task definition is a Fargate awsvpc task of 1024 CPU units and 2048 MiB", () => {
            const td = named(regs, "chat-prod-api-task-def").inputs;
            assert.deepEqual([td.family, td.cpu, td.memory, td.networkMode, td.requiresCompatibilities], ["chat-prod-api", "1024", "2048", "awsvpc", ["FARGATE"]]);
        });

        it("its task role differs from its execution role", () => {
            const td = named(regs, "chat-prod-api-task-def").inputs;
            assert.notEqual(td.taskRoleArn, td.executionRoleArn);
            assert.match(td.executionRoleArn, /role\/chat-prod-api-execution/);
            assert.match(td.taskRoleArn, /role\/chat-prod-api-task/);
        });

        it("the container runs the ECR image at the configured tag and logs to its group with retention", () => {
            const [c] = containers(regs);
            assert.equal(c.image, "123456789012.dkr.ecr.us-east-1.amazonaws.com/chat-prod/api:v1.4.2");
            assert.equal(c.logConfiguration.options["awslogs-group"], "/ecs/chat-prod/api");
            assert.equal(named(regs, "chat-prod-api-logs").inputs.retentionInDays, 365);
        });

        it("the container gets the Redis token from Secrets Manager and only non-secret values in its environment", () => {
            const [c] = containers(regs);
            assert.deepEqual(c.secrets, [{ name: "REDIS_AUTH_TOKEN", valueFrom: REDIS_SECRET }]);
            assert.deepEqual(c.environment.map((e: { name: string }) => e.name), ["REDIS_HOST", "SESSIONS_TABLE"]);
            assert.equal(c.readonlyRootFilesystem, true);
            assert.equal(c.privileged, false);
        });

        it("the execution role pulls from the service's repository and reads exactly the injected secret", () => {
            const policy = named(regs, "chat-prod-api-execution-access").inputs.policy;
            const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
            const sid = (s: string) => doc.Statement.find((x: { Sid: string }) => x.Sid === s);
            assert.deepEqual(sid("PullImages").Resource, ["arn:aws:ecr:us-east-1:123456789012:repository/chat-prod/api"]);
            assert.deepEqual(sid("ReadInjectedSecrets").Resource, [REDIS_SECRET]);
            assert.deepEqual(sid("DecryptInjectedSecrets").Resource, ["arn:aws:kms:us-east-1:123456789012:key/k"]);
        });

        it("the task role reads and writes the sessions table and the uploads bucket", () => {
            const policy = named(regs, "chat-prod-api-task-access").inputs.policy;
            const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
            assert.deepEqual(doc.Statement.map((s: { Sid: string }) => s.Sid), ["ReadWriteTableItems", "ListAppBuckets", "ReadWriteAppObjects"]);
        });

        it("both roles trust only this account's ECS tasks", () => {
            for (const role of ["chat-prod-api-execution", "chat-prod-api-task"]) {
                const trust = JSON.parse(named(regs, role).inputs.assumeRolePolicy);
                assert.deepEqual(trust.Statement[0].Principal, { Service: "ecs-tasks.amazonaws.com" });
                assert.equal(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"], "123456789012");
            }
        });
    });

    describe("a worker", () => {
        let regs: Registration[];
        before(async () => {
            const worker = services({ workerServices: ["notifications cpu=256 memory=512"], containerSecrets: ["DB_URL=/chat/prod/db-url"] })[1];
            regs = await build(worker, { taskAccess: undefined });
        });

        it("admits nothing and is in no target group", () => {
            assert.deepEqual(rules(regs, INGRESS), []);
            assert.deepEqual(named(regs, "chat-prod-notifications").inputs.loadBalancers, []);
        });

        it("scales on CPU only", () => {
            assert.deepEqual(ofType(regs, "aws:appautoscaling/policy:Policy").map((p) => p.name), ["chat-prod-notifications-scale-cpu"]);
        });

        it("gets an SSM parameter by name as a full parameter ARN, readable by its execution role", () => {
            const [c] = containers(regs);
            assert.deepEqual(c.secrets.map((s: { name: string; valueFrom: string }) => [s.name, s.valueFrom]), [
                ["DB_URL", "arn:aws:ssm:us-east-1:123456789012:parameter/chat/prod/db-url"],
                ["REDIS_AUTH_TOKEN", REDIS_SECRET],
            ]);
            const doc = named(regs, "chat-prod-notifications-execution-access").inputs.policy;
            const parsed = typeof doc === "string" ? JSON.parse(doc) : doc;
            assert.deepEqual(parsed.Statement.find((s: { Sid: string }) => s.Sid === "ReadInjectedParameters").Resource, ["arn:aws:ssm:us-east-1:123456789012:parameter/chat/prod/db-url"]);
        });

        it("keeps an empty task role when it needs no AWS access", () => {
            assert.equal(ofType(regs, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.endsWith("-task-access")).length, 0);
            assert.equal(ofType(regs, "aws:iam/role:Role").length, 2);
        });
    });

    describe("before its first image exists (imageReady false)", () => {
        let regs: Registration[];
        before(async () => { regs = await build(services()[0], { imageReady: false }); });

        it("starts no task, and auto scaling may not start one (range 0-0), so nothing crash-loops on the empty repository", () => {
            assert.equal(named(regs, "chat-prod-api").inputs.desiredCount, 0);
            const target = named(regs, "chat-prod-api-scaling").inputs;
            assert.deepEqual([target.minCapacity, target.maxCapacity], [0, 0]);
        });

        it("keeps every URN it has once ready: the same resources under the same names", async () => {
            const ready = await build(services()[0]);
            assert.deepEqual(regs.map((r) => `${r.type} ${r.name}`).sort(), ready.map((r) => `${r.type} ${r.name}`).sort());
        });
    });

    describe("custom metrics", () => {
        it("the task role may put metrics only in the app's namespace (cloudwatch:namespace condition)", async () => {
            const regs = await build(services()[0], { taskAccess: { tableArns: [], readWriteBucketArns: [], metricsNamespace: "chat" } });
            const policy = named(regs, "chat-prod-api-task-access").inputs.policy;
            const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
            const [put] = doc.Statement.filter((s: { Action: string[] }) => s.Action.includes("cloudwatch:PutMetricData"));
            assert.deepEqual(put.Action, ["cloudwatch:PutMetricData"]);
            assert.deepEqual(put.Condition, { StringEquals: { "cloudwatch:namespace": "chat" } });
        });

        it("grants no metrics without a namespace", async () => {
            const regs = await build(services()[0]);
            assert.ok(!JSON.stringify(named(regs, "chat-prod-api-task-access").inputs.policy).includes("cloudwatch"));
        });
    });

    it("refuses a load-balanced service without a load balancer", async () => {
        await assert.rejects(build(services()[0], { loadBalancer: undefined }), /needs a load balancer and a container port/);
    });
});

describe("ContainerRepository under mocks", () => {
    let regs: Registration[];
    before(async () => {
        ({ registrations: regs } = await runWithMocks(() => new ContainerRepository("chat-prod-api-repo", {
            repositoryName: "chat-prod/api",
            keepImages: 20,
            tags: { project: "chat", environment: "prod", owner: "platform-team" },
        })));
    });

    it("has immutable tags, scan on push and KMS encryption, and is never force-deleted", () => {
        const repo = named(regs, "chat-prod-api-repo").inputs;
        assert.equal(repo.name, "chat-prod/api");
        assert.equal(repo.imageTagMutability, "IMMUTABLE");
        assert.deepEqual(repo.imageScanningConfiguration, { scanOnPush: true });
        assert.deepEqual(repo.encryptionConfigurations, [{ encryptionType: "KMS" }]);
        assert.equal(repo.forceDelete, false);
    });

    it("expires untagged images after 7 days and keeps the newest 20", () => {
        const policy = JSON.parse(named(regs, "chat-prod-api-repo-lifecycle").inputs.policy);
        assert.deepEqual(policy.rules.map((r: { selection: { countNumber: number } }) => r.selection.countNumber), [7, 20]);
    });

    it("carries the required tags", () => {
        assert.deepEqual(named(regs, "chat-prod-api-repo").inputs.tags, { project: "chat", environment: "prod", owner: "platform-team", Name: "chat-prod/api" });
    });
});

import * as assert from "node:assert/strict";
import { ecsTasksTrustPolicy, executionRolePolicy, taskRolePolicy } from "../../../components/blocks/containers/documents";
import { parameterArn, secretArnForPolicy, secretSourceOf } from "../../../components/lib/secretSources";
import { ecrLifecyclePolicy } from "../../../components/blocks/containers/registry";
import { ecsScalingResourceId, serviceScalingPolicies } from "../../../components/blocks/containers/scaling";
import { serviceEgress, serviceIngress } from "../../../components/blocks/containers/traffic";
import { fargateMemoryOptions, fargateMonthlyCost, fargateSizeProblem } from "../../../components/lib/fargate";
import {
    containerDefinitions,
    type ContainerSpec,
    ecsLogGroupName,
    fargateTaskSettings,
    imageUri,
    repositoryName,
} from "../../../components/blocks/containers/taskDefinition";
import { looksSecret } from "../../../components/lib/environmentVariables";
import { appendString } from "../../../components/blocks/iam/documents";

const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:chat-prod/redis-auth-token-AbCdEf";

function spec(overrides: Partial<ContainerSpec> = {}): ContainerSpec {
    return {
        name: "api",
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/chat-prod/api:v1.4.2",
        port: 5000,
        environment: { NODE_ENV: "production", CLUSTER_MODE: "true" },
        secrets: [{ name: "REDIS_AUTH_TOKEN", valueFrom: SECRET_ARN }],
        logGroupName: "/ecs/chat-prod/api",
        region: "us-east-1",
        readonlyRootFilesystem: true,
        ...overrides,
    };
}

describe("phase 3 container decisions (pure)", () => {
    describe("Fargate sizes", () => {
        it("accepts seed 001's 1024 CPU units with 2048 MiB", () => {
            assert.equal(fargateSizeProblem(1024, 2048), undefined);
        });

        it("accepts every documented pair at the edges (256/512, 256/2048, 4096/30720, 16384/122880)", () => {
            for (const [cpu, memory] of [[256, 512], [256, 2048], [512, 4096], [4096, 30720], [8192, 61440], [16384, 122880]]) {
                assert.equal(fargateSizeProblem(cpu, memory), undefined, `${cpu}/${memory}`);
            }
        });

        it("rejects 256 CPU units with 1536 MiB (only 512, 1024, 2048)", () => {
            assert.deepEqual(fargateMemoryOptions(256), [512, 1024, 2048]);
            assert.match(fargateSizeProblem(256, 1536)!, /^memory .* 256 CPU units: 512, 1024, 2048$/);
        });

        it("rejects 1024 CPU units with 1024 MiB and names the allowed range", () => {
            assert.match(fargateSizeProblem(1024, 1024)!, /2048 to 8192 in steps of 1024/);
        });

        it("rejects a CPU value Fargate does not offer", () => {
            assert.match(fargateSizeProblem(1000, 2048)!, /^Fargate CPU units: one of 256, 512, 1024, 2048, 4096, 8192, 16384/);
        });

        it("8192 CPU units take memory in 4 GiB steps", () => {
            assert.ok(fargateSizeProblem(8192, 17408) !== undefined);
            assert.equal(fargateSizeProblem(8192, 20480), undefined);
        });

        it("prices seed 001's task at $36.04 a month on x86 and $28.84 on ARM64", () => {
            assert.equal(fargateMonthlyCost(1024, 2048, 1), 36.04);
            assert.equal(fargateMonthlyCost(1024, 2048, 2), 72.08);
            assert.equal(fargateMonthlyCost(1024, 2048, 1, "ARM64"), 28.84);
        });
    });

    describe("container definitions", () => {
        it("are one essential, unprivileged container running the image at its tag", () => {
            const [c] = containerDefinitions(spec());
            assert.equal(containerDefinitions(spec()).length, 1);
            assert.equal(c.image, "123456789012.dkr.ecr.us-east-1.amazonaws.com/chat-prod/api:v1.4.2");
            assert.equal(c.essential, true);
            assert.equal(c.privileged, false);
        });

        it("map the container port over TCP for a load-balanced service and none for a worker", () => {
            assert.deepEqual(containerDefinitions(spec())[0].portMappings, [{ containerPort: 5000, hostPort: 5000, protocol: "tcp", name: "http", appProtocol: "http" }]);
            assert.deepEqual(containerDefinitions(spec({ port: undefined }))[0].portMappings, []);
        });

        it("log through awslogs to the service's group in its region (non-blocking)", () => {
            assert.deepEqual(containerDefinitions(spec())[0].logConfiguration, {
                logDriver: "awslogs",
                options: { "awslogs-group": "/ecs/chat-prod/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs", mode: "non-blocking", "max-buffer-size": "25m" },
            });
        });

        it("inject secrets by valueFrom ARN and keep only non-secret values in the environment, sorted", () => {
            const [c] = containerDefinitions(spec());
            assert.deepEqual(c.secrets, [{ name: "REDIS_AUTH_TOKEN", valueFrom: SECRET_ARN }]);
            assert.deepEqual(c.environment, [{ name: "CLUSTER_MODE", value: "true" }, { name: "NODE_ENV", value: "production" }]);
        });

        it("refuse a secret-looking name in the plain environment", () => {
            assert.throws(() => containerDefinitions(spec({ environment: { SESSION_SECRET: "abc" } })), /SESSION_SECRET" looks like a secret/);
            assert.throws(() => containerDefinitions(spec({ environment: { STRIPE_API_KEY: "x" } })), /looks like a secret/);
        });

        it("refuse a variable defined both in the environment and as a secret", () => {
            assert.throws(() => containerDefinitions(spec({ environment: { REDIS_HOST: "h" }, secrets: [{ name: "REDIS_HOST", valueFrom: SECRET_ARN }] })), /REDIS_HOST defined more than once/);
        });

        it("refuse an invalid variable name", () => {
            assert.throws(() => containerDefinitions(spec({ environment: { "1BAD": "x" } })), /not valid/);
        });

        it("mount the root filesystem read-only with a writable /tmp volume", () => {
            const [c] = containerDefinitions(spec());
            assert.equal(c.readonlyRootFilesystem, true);
            assert.deepEqual(c.mountPoints, [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }]);
            assert.deepEqual(fargateTaskSettings(1024, 2048, "X86_64", true).volumes, [{ name: "tmp" }]);
        });

        it("leave the root filesystem writable and mount nothing when turned off", () => {
            const [c] = containerDefinitions(spec({ readonlyRootFilesystem: false }));
            assert.equal(c.readonlyRootFilesystem, false);
            assert.deepEqual(c.mountPoints, []);
            assert.deepEqual(fargateTaskSettings(1024, 2048, "X86_64", false).volumes, []);
        });

        it("run an init process, raise nofile to 65536 and stop within 30 s", () => {
            const [c] = containerDefinitions(spec());
            assert.deepEqual(c.linuxParameters, { initProcessEnabled: true });
            assert.deepEqual(c.ulimits, [{ name: "nofile", softLimit: 65536, hardLimit: 65536 }]);
            assert.equal(c.stopTimeout, 30);
        });

        it("add a CMD-SHELL health check only when a command is configured", () => {
            assert.equal(containerDefinitions(spec())[0].healthCheck, undefined);
            const [c] = containerDefinitions(spec({ healthCheckCommand: "curl -fsS http://localhost:5000/health || exit 1" }));
            assert.deepEqual(c.healthCheck, { command: ["CMD-SHELL", "curl -fsS http://localhost:5000/health || exit 1"], interval: 30, timeout: 5, retries: 3, startPeriod: 60 });
        });

        it("serialise to JSON without a secret value in it", () => {
            const json = JSON.stringify(containerDefinitions(spec()));
            assert.ok(!/"name":"[A-Z_]*(SECRET|TOKEN|PASSWORD)","value"/.test(json));
        });
    });

    describe("task settings and names", () => {
        it("a Fargate task in awsvpc mode with string CPU and memory and the runtime platform", () => {
            const t = fargateTaskSettings(1024, 2048, "ARM64", true);
            assert.deepEqual([t.cpu, t.memory, t.networkMode, t.requiresCompatibilities], ["1024", "2048", "awsvpc", ["FARGATE"]]);
            assert.deepEqual(t.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
        });

        it("names follow seed 001 (/ecs/<app>-<env>/<service>) and ECR's <app>-<env>/<service>", () => {
            assert.equal(ecsLogGroupName("chat", "prod", "api"), "/ecs/chat-prod/api");
            assert.equal(repositoryName("chat", "prod", "api"), "chat-prod/api");
            assert.equal(imageUri("r/chat-prod/api", "abc123"), "r/chat-prod/api:abc123");
        });

        it("recognises secret-looking names", () => {
            for (const name of ["DB_PASSWORD", "SESSION_SECRET", "REDIS_AUTH_TOKEN", "STRIPE_API_KEY", "APIKEY", "GCP_CREDENTIALS"]) assert.ok(looksSecret(name), name);
            for (const name of ["NODE_ENV", "REDIS_HOST", "COGNITO_CLIENT_ID", "TOKEN_TTL_SECONDS"]) assert.ok(!looksSecret(name), name);
        });
    });

    describe("execution role policy", () => {
        const doc = executionRolePolicy({
            repositoryArns: ["arn:aws:ecr:us-east-1:123456789012:repository/chat-prod/api"],
            logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/chat-prod/api",
            secretArns: [SECRET_ARN],
            parameterArns: ["arn:aws:ssm:us-east-1:123456789012:parameter/chat/prod/db-url"],
            kmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/k"],
            region: "us-east-1",
        }, appendString);
        const bySid = (sid: string) => doc.Statement.find((s) => s.Sid === sid)!;

        it("grants ecr:GetAuthorizationToken alone on \"*\" and nothing else on \"*\"", () => {
            assert.deepEqual(bySid("EcrAuthToken").Action, ["ecr:GetAuthorizationToken"]);
            const onStar = doc.Statement.filter((s) => s.Resource.includes("*"));
            assert.deepEqual(onStar.map((s) => s.Sid), ["EcrAuthToken"]);
        });

        it("pulls image layers from the stack's repository only", () => {
            assert.deepEqual(bySid("PullImages").Resource, ["arn:aws:ecr:us-east-1:123456789012:repository/chat-prod/api"]);
            assert.deepEqual(bySid("PullImages").Action, ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]);
        });

        it("writes log streams of the service's group only", () => {
            assert.deepEqual(bySid("WriteLogs").Resource, [
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/chat-prod/api",
                "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/chat-prod/api:log-stream:*",
            ]);
        });

        it("reads exactly the injected secret and parameter", () => {
            assert.deepEqual(bySid("ReadInjectedSecrets").Resource, [SECRET_ARN]);
            assert.deepEqual(bySid("ReadInjectedParameters").Action, ["ssm:GetParameters"]);
        });

        it("decrypts with the CMK only through Secrets Manager or SSM in the region", () => {
            assert.deepEqual(bySid("DecryptInjectedSecrets").Condition, {
                StringEquals: { "kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"] },
            });
        });

        it("has no wildcard action", () => {
            assert.ok(doc.Statement.every((s) => s.Action.every((a) => !a.includes("*"))));
        });

        it("leaves out secret, parameter and key statements when there is nothing to read", () => {
            const bare = executionRolePolicy({ repositoryArns: ["r"], logGroupArn: "l", secretArns: [], parameterArns: [], region: "us-east-1" }, appendString);
            assert.deepEqual(bare.Statement.map((s) => s.Sid), ["EcrAuthToken", "PullImages", "WriteLogs"]);
        });
    });

    describe("task role policy", () => {
        it("reads and writes items of the sessions table and objects of the uploads bucket", () => {
            const doc = taskRolePolicy({ tableArns: ["arn:t"], readWriteBucketArns: ["arn:b"] }, appendString)!;
            assert.deepEqual(doc.Statement.map((s) => s.Sid), ["ReadWriteTableItems", "ListAppBuckets", "ReadWriteAppObjects"]);
            assert.deepEqual(doc.Statement[0].Resource, ["arn:t", "arn:t/index/*"]);
            assert.ok(!doc.Statement[0].Action.includes("dynamodb:DeleteTable"));
            assert.deepEqual(doc.Statement[2].Resource, ["arn:b/*"]);
        });

        it("is undefined (an empty role) when the service needs no AWS access", () => {
            assert.equal(taskRolePolicy({ tableArns: [], readWriteBucketArns: [] }, appendString), undefined);
        });
    });

    describe("secret references", () => {
        it("tells Secrets Manager ARNs (with or without a JSON key) from SSM ARNs and names", () => {
            assert.equal(secretSourceOf(SECRET_ARN), "secretsmanager");
            assert.equal(secretSourceOf(`${SECRET_ARN}:password::`), "secretsmanager");
            assert.equal(secretSourceOf("arn:aws:ssm:us-east-1:123456789012:parameter/chat/prod/db-url"), "ssm");
            assert.equal(secretSourceOf("/chat/prod/db-url"), "ssm");
        });

        it("rejects a plain value or a secret name without ARN", () => {
            assert.equal(secretSourceOf("hunter2 with spaces"), undefined);
            assert.equal(secretSourceOf("arn:aws:s3:::bucket"), undefined);
        });

        it("grants the secret itself when valueFrom selects a JSON key", () => {
            assert.equal(secretArnForPolicy(`${SECRET_ARN}:password::`), SECRET_ARN);
            assert.equal(secretArnForPolicy(SECRET_ARN), SECRET_ARN);
        });

        it("turns SSM names into ARNs of the account and region", () => {
            assert.equal(parameterArn("/chat/prod/db-url", "aws", "us-east-1", "123456789012"), "arn:aws:ssm:us-east-1:123456789012:parameter/chat/prod/db-url");
            assert.equal(parameterArn("db-url", "aws", "us-east-1", "123456789012"), "arn:aws:ssm:us-east-1:123456789012:parameter/db-url");
        });
    });

    it("task roles trust only this account's ECS tasks in the region", () => {
        const trust = JSON.parse(ecsTasksTrustPolicy("aws", "us-east-1", "123456789012"));
        assert.deepEqual(trust.Statement[0].Principal, { Service: "ecs-tasks.amazonaws.com" });
        assert.deepEqual(trust.Statement[0].Condition, {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*" },
        });
    });

    describe("security-group rules", () => {
        it("a load-balanced service admits its port from the load balancer's group only", () => {
            assert.deepEqual(serviceIngress(5000), [{ description: "Container port 5000 from the load balancer only", protocol: "tcp", fromPort: 5000, toPort: 5000, securityGroupKey: "load-balancer" }]);
        });

        it("a worker admits nothing", () => {
            assert.deepEqual(serviceIngress(undefined), []);
        });

        it("out: the configured ports to the internet and each peer by security group", () => {
            const rules = serviceEgress([443], [{ key: "redis", port: 6379, description: "Redis" }]);
            assert.deepEqual(rules.map((r) => [r.fromPort, r.cidrs ?? r.securityGroupKey]), [[443, ["0.0.0.0/0"]], [6379, "redis"]]);
        });
    });

    describe("ECR lifecycle", () => {
        it("expires untagged images after 7 days first, then keeps the newest N of any tag", () => {
            const policy = ecrLifecyclePolicy(30);
            assert.deepEqual(policy.rules.map((r) => [r.rulePriority, r.selection.tagStatus, r.selection.countType, r.selection.countNumber]), [
                [1, "untagged", "sinceImagePushed", 7],
                [2, "any", "imageCountMoreThan", 30],
            ]);
            assert.ok(policy.rules.every((r) => r.action.type === "expire"));
        });
    });

    describe("scaling", () => {
        it("addresses the service as service/<cluster>/<service>", () => {
            assert.equal(ecsScalingResourceId("chat-prod", "api"), "service/chat-prod/api");
        });

        it("tracks CPU for a worker", () => {
            const [cpu, ...rest] = serviceScalingPolicies(60);
            assert.equal(rest.length, 0);
            assert.equal(cpu.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType, "ECSServiceAverageCPUUtilization");
            assert.equal(cpu.targetTrackingScalingPolicyConfiguration.targetValue, 60);
        });

        it("also tracks requests per task behind the load balancer, scaling out in 60 s and in after 300 s", () => {
            const policies = serviceScalingPolicies(60, { resourceLabel: "app/a/1/targetgroup/t/2", perTarget: 1000 });
            const requests = policies.find((p) => p.key === "requests")!.targetTrackingScalingPolicyConfiguration;
            assert.deepEqual(requests.predefinedMetricSpecification, { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: "app/a/1/targetgroup/t/2" });
            assert.deepEqual([requests.targetValue, requests.scaleOutCooldown, requests.scaleInCooldown], [1000, 60, 300]);
        });
    });
});

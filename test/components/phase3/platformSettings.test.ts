import * as assert from "node:assert/strict";
import { parsePlatformSettings, type PlatformSettings } from "../../../components/config/platform";
import { type ConfigProblem } from "../../../components/lib/errors";
import { readerFor, type RawConfig } from "../../helpers/settings";

function parse(raw: RawConfig = {}, phase: 1 | 2 | 3 = 3): { settings: PlatformSettings; problems: ConfigProblem[] } {
    const read = readerFor(raw);
    const settings = parsePlatformSettings(read, phase, "chat");
    return { settings, problems: read.problems };
}

function problemKeys(raw: RawConfig, phase: 1 | 2 | 3 = 3): string[] {
    return parse(raw, phase).problems.map((p) => p.key);
}

describe("parsePlatformSettings (phase 3 config)", () => {
    describe("defaults", () => {
        const { settings, problems } = parse();

        it("are valid", () => {
            assert.deepEqual(problems, []);
        });

        it("one api service behind the load balancer with seed 001's 1024 CPU units / 2048 MiB, 2 tasks scaling 2-6", () => {
            assert.equal(settings.services.length, 1);
            const [api] = settings.services;
            assert.deepEqual([api.name, api.loadBalanced, api.cpu, api.memory], ["api", true, 1024, 2048]);
            assert.deepEqual([api.desiredCount, api.minCount, api.maxCount, api.cpuTarget, api.requestsPerTarget], [2, 2, 6, 60, 1000]);
            assert.equal(api.readonlyRootFilesystem, true);
            assert.equal(api.healthCheckCommand, undefined);
        });

        it("Redis cache.t4g.small with one replica and a day of snapshots", () => {
            assert.deepEqual(settings.redis, { engine: "redis", nodeType: "cache.t4g.small", replicas: 1, snapshotRetentionDays: 1 });
        });

        it("optional MFA, 12-character passwords, self sign-up", () => {
            assert.deepEqual(settings.cognito, { mfa: "OPTIONAL", passwordMinimumLength: 12, selfSignUp: true });
        });

        it("WAF rate limit 2000 per IP (seed 001), no geo block, on the CDN too", () => {
            assert.deepEqual(settings.waf, { rateLimit: 2000, geoBlockCountries: [], onCdn: true });
        });

        it("ws.<domain> for the WebSocket API throttled at 500/s with bursts of 1000, *.tenant.<domain> for tenants", () => {
            assert.deepEqual(settings.websocket, { subdomain: "ws", throttleRateLimit: 500, throttleBurstLimit: 1000 });
            assert.equal(settings.tenantSubdomain, "tenant");
        });

        it("x86 tasks, container insights on, 30 images kept, the account's API Gateway log role set", () => {
            assert.deepEqual([settings.cpuArchitecture, settings.containerInsights, settings.ecrKeepImages, settings.apiGatewayAccountRole], ["X86_64", "enabled", 30, true]);
        });
    });

    describe("Fargate sizes", () => {
        it("accepts 2048 CPU units with 8192 MiB", () => {
            const { settings, problems } = parse({ taskCpu: 2048, taskMemory: 8192 });
            assert.deepEqual(problems, []);
            assert.deepEqual([settings.services[0].cpu, settings.services[0].memory], [2048, 8192]);
        });

        it("rejects 1024 CPU units with 1024 MiB on taskMemory, naming the allowed sizes", () => {
            const [problem] = parse({ taskCpu: 1024, taskMemory: 1024 }).problems;
            assert.equal(problem.key, "stagecraft:taskMemory");
            assert.equal(problem.value, 1024);
            assert.match(problem.allowed, /2048 to 8192 in steps of 1024/);
        });

        it("rejects a CPU value Fargate does not offer on taskCpu", () => {
            assert.deepEqual(problemKeys({ taskCpu: 1000 }), ["stagecraft:taskCpu"]);
        });
    });

    describe("counts", () => {
        it("rejects min above max", () => {
            assert.deepEqual(problemKeys({ serviceMinCount: 5, serviceMaxCount: 3 }), ["stagecraft:serviceMinCount"]);
        });

        it("rejects a desired count outside min..max", () => {
            assert.deepEqual(problemKeys({ serviceDesiredCount: 9 }), ["stagecraft:serviceDesiredCount"]);
        });
    });

    describe("environment and secrets", () => {
        it("parses NAME=value environment entries (values may contain =)", () => {
            const { settings, problems } = parse({ containerEnvironment: ["LOG_LEVEL=info", "FEATURES=a=1,b=2"] });
            assert.deepEqual(problems, []);
            assert.deepEqual(settings.services[0].environment, { LOG_LEVEL: "info", FEATURES: "a=1,b=2" });
        });

        it("refuses a secret-looking name in the plain environment and points to containerSecrets", () => {
            const [problem] = parse({ containerEnvironment: ["DB_SECRET=hunter2"] }).problems;
            assert.equal(problem.key, "stagecraft:containerEnvironment");
            assert.equal(problem.value, "DB_SECRET", "the secret value itself is never echoed");
            assert.match(problem.allowed, /containerSecrets/);
        });

        it("parses secrets by Secrets Manager ARN, SSM ARN and SSM name", () => {
            const { settings, problems } = parse({
                containerSecrets: [
                    "MONGODB_URI=arn:aws:secretsmanager:us-east-1:123456789012:secret:chat/prod/mongodb-AbCdEf",
                    "SMTP_PASSWORD=arn:aws:ssm:us-east-1:123456789012:parameter/chat/prod/smtp-password",
                    "STRIPE_API_KEY=/chat/prod/stripe-key",
                ],
            });
            assert.deepEqual(problems, []);
            assert.deepEqual(settings.services[0].secrets.map((s) => [s.name, s.source]), [["MONGODB_URI", "secretsmanager"], ["SMTP_PASSWORD", "ssm"], ["STRIPE_API_KEY", "ssm"]]);
        });

        it("refuses a secret given as a literal value", () => {
            assert.deepEqual(problemKeys({ containerSecrets: ["DB_PASSWORD=hunter2 hunter2"] }), ["stagecraft:containerSecrets"]);
        });

        it("refuses a variable named twice", () => {
            assert.deepEqual(problemKeys({ containerEnvironment: ["A=1", "A=2"] }), ["stagecraft:containerEnvironment"]);
        });

        it("keeps an empty health-check command as none", () => {
            assert.equal(parse({ healthCheckCommand: "" }).settings.services[0].healthCheckCommand, undefined);
            assert.equal(parse({ healthCheckCommand: "curl -f http://localhost:5000/health" }).settings.services[0].healthCheckCommand, "curl -f http://localhost:5000/health");
        });
    });

    describe("workers", () => {
        it("adds a worker without a load balancer, sharing environment and secrets", () => {
            const { settings, problems } = parse({ workerServices: ["notifications cpu=256 memory=512 max=3 tag=v2"], containerEnvironment: ["LOG_LEVEL=info"] });
            assert.deepEqual(problems, []);
            const worker = settings.services[1];
            assert.deepEqual([worker.name, worker.loadBalanced, worker.cpu, worker.memory, worker.desiredCount, worker.minCount, worker.maxCount, worker.imageTag],
                ["notifications", false, 256, 512, 1, 1, 3, "v2"]);
            assert.deepEqual(worker.environment, { LOG_LEVEL: "info" });
        });

        it("defaults a worker to 512 CPU units / 1024 MiB, one task, scaling to two", () => {
            const [, worker] = parse({ workerServices: ["mailer"] }).settings.services;
            assert.deepEqual([worker.cpu, worker.memory, worker.desiredCount, worker.minCount, worker.maxCount], [512, 1024, 1, 1, 2]);
        });

        it("rejects a worker named api, an unknown option, a bad size and a repeated name", () => {
            assert.deepEqual(problemKeys({ workerServices: ["api"] }), ["stagecraft:workerServices"]);
            assert.deepEqual(problemKeys({ workerServices: ["mailer gpu=1"] }), ["stagecraft:workerServices"]);
            assert.deepEqual(problemKeys({ workerServices: ["mailer cpu=256 memory=4096"] }), ["stagecraft:workerServices"]);
            assert.deepEqual(problemKeys({ workerServices: ["mailer", "mailer"] }), ["stagecraft:workerServices"]);
        });
    });

    describe("WAF", () => {
        it("accepts seed 001's geo block (CN, RU, KP), upper-casing and de-duplicating", () => {
            const { settings, problems } = parse({ wafGeoBlock: ["cn", "RU", "KP", "CN"] });
            assert.deepEqual(problems, []);
            assert.deepEqual(settings.waf.geoBlockCountries, ["CN", "RU", "KP"]);
        });

        it("rejects codes that are not ISO 3166-1 alpha-2", () => {
            const problems = parse({ wafGeoBlock: ["XX", "USA", "UK"] }).problems;
            assert.deepEqual(problems.map((p) => p.value), ["XX", "USA", "UK"]);
            assert.ok(problems.every((p) => p.key === "stagecraft:wafGeoBlock"));
        });

        it("rejects a rate limit below 100", () => {
            assert.deepEqual(problemKeys({ wafRateLimit: 10 }), ["stagecraft:wafRateLimit"]);
        });
    });

    describe("other keys", () => {
        it("rejects MFA modes other than OFF, OPTIONAL, ON", () => {
            assert.deepEqual(problemKeys({ cognitoMfa: "SMS" }), ["stagecraft:cognitoMfa"]);
            assert.equal(parse({ cognitoMfa: "ON" }).settings.cognito.mfa, "ON");
        });

        it("rejects passwords shorter than 12 characters", () => {
            assert.deepEqual(problemKeys({ cognitoPasswordMinLength: 8 }), ["stagecraft:cognitoPasswordMinLength"]);
        });

        it("rejects an unknown node type, engine or architecture", () => {
            assert.deepEqual(problemKeys({ redisNodeType: "t4g.small", redisEngine: "memcached", cpuArchitecture: "arm" }).sort(),
                ["stagecraft:cpuArchitecture", "stagecraft:redisEngine", "stagecraft:redisNodeType"]);
        });

        it("rejects snapshots on t2 nodes (they cannot take backups)", () => {
            assert.deepEqual(problemKeys({ redisNodeType: "cache.t2.micro" }), ["stagecraft:redisNodeType"]);
            assert.deepEqual(problemKeys({ redisNodeType: "cache.t2.micro", redisSnapshotRetentionDays: 0 }), []);
        });

        it("in phase 3, the WebSocket and tenant labels must differ from the app's and the CDN's", () => {
            assert.deepEqual(problemKeys({ websocketSubdomain: "app" }), ["stagecraft:websocketSubdomain"]);
            assert.deepEqual(problemKeys({ tenantSubdomain: "cdn" }), ["stagecraft:tenantSubdomain"]);
            assert.deepEqual(problemKeys({ websocketSubdomain: "app" }, 2), [], "not checked before phase 3");
        });
    });
});

describe("parsePlatformSettings: first deploy and custom metrics", () => {
    it("a new stack waits for its images (imageReady false) until told they exist", () => {
        assert.equal(parse().settings.imageReady, false);
        assert.equal(parse({ imageReady: "true" }).settings.imageReady, true);
    });

    it("the metrics namespace defaults to the app name and takes a CloudWatch namespace", () => {
        assert.equal(parse().settings.metricsNamespace, "chat");
        assert.equal(parse({ metricsNamespace: "ChatSaaS/Realtime" }).settings.metricsNamespace, "ChatSaaS/Realtime");
    });

    it("refuses AWS's own namespaces and characters CloudWatch does not accept", () => {
        assert.deepEqual(problemKeys({ metricsNamespace: "AWS/ECS" }), ["stagecraft:metricsNamespace"]);
        assert.deepEqual(problemKeys({ metricsNamespace: "chat\"*" }), ["stagecraft:metricsNamespace"]);
    });
});

import * as assert from "node:assert/strict";
import { ContainerPlatform } from "../../../components/architectures/phase3/containerPlatform";
import { type Registration, remoteComponentOutputs } from "../../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";
import { type RawConfig } from "../../helpers/settings";
import { phase3Args } from "./settings";

interface Built { platform: ContainerPlatform; registrations: Registration[] }

async function build(overrides: RawConfig = {}): Promise<Built> {
    const { result, registrations } = await runWithMocks(() => new ContainerPlatform("chat-prod", phase3Args(overrides)), { stack: "prod" });
    return { platform: result, registrations };
}

const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

/** Rules of one security group (by its logical name) as "proto port peer". */
function rulesOf(registrations: Registration[], type: string, group: string): string[] {
    return ofType(registrations, type)
        .filter((r) => r.name.startsWith(`${group}-`))
        .map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort} ${r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6 ?? `sg:${r.inputs.referencedSecurityGroupId}`}`)
        .sort();
}

function privateSubnets(registrations: Registration[]): string[] {
    const [vpc] = ofType(registrations, "awsx:ec2:Vpc");
    return (remoteComponentOutputs(vpc.type, vpc.name, vpc.inputs, { preview: false }) as { privateSubnetIds: string[] }).privateSubnetIds;
}

function containersOf(registrations: Registration[], service: string): Record<string, any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
    return JSON.parse(named(registrations, `chat-prod-${service}-task-def`).inputs.containerDefinitions);
}

describe("ContainerPlatform (phase 3) under mocks", function () {
    describe("prod defaults (seed 001 phase 3)", () => {
        let built: Built;
        before(async () => { built = await build(); });

        it("registers the component and its building blocks", () => {
            assert.equal(ofType(built.registrations, "stagecraft:phase3:ContainerPlatform").length, 1);
            for (const [type, count] of [
                ["stagecraft:network:Network", 1], ["stagecraft:loadbalancer:WebLoadBalancer", 1], ["stagecraft:storage:AppBuckets", 1],
                ["stagecraft:storage:SecureBucket", 4], ["stagecraft:cdn:StaticSiteCdn", 1], ["stagecraft:waf:WebFirewall", 2],
                ["stagecraft:auth:UserPool", 1], ["stagecraft:data:SessionTable", 2], ["stagecraft:data:RedisCache", 1],
                ["stagecraft:data:GeneratedSecret", 2], ["stagecraft:realtime:WebSocketApi", 1], ["stagecraft:containers:ContainerRepository", 1],
                ["stagecraft:containers:FargateService", 1], ["stagecraft:observability:AlertTopic", 1],
            ] as const) {
                assert.equal(ofType(built.registrations, type).length, count, type);
            }
        });

        describe("network", () => {
            it("public and private subnets in two AZs, a NAT gateway per AZ", () => {
                const [vpc] = ofType(built.registrations, "awsx:ec2:Vpc");
                assert.deepEqual(vpc.inputs.subnetSpecs.map((s: { type: string }) => s.type), ["Public", "Private"]);
                assert.deepEqual(vpc.inputs.natGateways, { strategy: "OnePerAz" });
            });

            it("S3 and DynamoDB gateway endpoints keep bucket and table traffic off the NAT", () => {
                assert.deepEqual(ofType(built.registrations, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => e.inputs.serviceName).sort(),
                    ["com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"]);
            });
        });

        describe("security-group chain: internet → ALB → api tasks → Redis", () => {
            it("the ALB admits 80 and 443 from the world and sends only 5000 into the VPC", () => {
                assert.deepEqual(rulesOf(built.registrations, INGRESS, "chat-prod-web-alb-sg"), ["tcp 443 0.0.0.0/0", "tcp 80 0.0.0.0/0"]);
                assert.deepEqual(rulesOf(built.registrations, EGRESS, "chat-prod-web-alb-sg"), ["tcp 5000 10.0.0.0/16"]);
            });

            it("the api tasks admit 5000 from the ALB's group only", () => {
                assert.deepEqual(rulesOf(built.registrations, INGRESS, "chat-prod-api-sg"), ["tcp 5000 sg:chat-prod-web-alb-sg-id"]);
            });

            it("the api tasks send only the configured web ports out and 6379 to Redis's group", () => {
                assert.deepEqual(rulesOf(built.registrations, EGRESS, "chat-prod-api-sg"), ["tcp 443 0.0.0.0/0", "tcp 6379 sg:chat-prod-redis-sg-id", "tcp 80 0.0.0.0/0"]);
            });

            it("Redis admits 6379 from the api tasks' group only and sends nothing out", () => {
                assert.deepEqual(rulesOf(built.registrations, INGRESS, "chat-prod-redis-sg"), ["tcp 6379 sg:chat-prod-api-sg-id"]);
                assert.deepEqual(rulesOf(built.registrations, EGRESS, "chat-prod-redis-sg"), []);
            });

            it("no rule anywhere admits the world on a port other than 80 and 443", () => {
                const open = ofType(built.registrations, INGRESS).filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0");
                assert.deepEqual(open.map((r) => r.inputs.fromPort).sort(), [443, 80]);
            });
        });

        describe("load balancer", () => {
            it("targets Fargate tasks by IP on the app port with the /health check", () => {
                const tg = named(built.registrations, "chat-prod-web-tg").inputs;
                assert.deepEqual([tg.targetType, tg.port, tg.healthCheck.path, tg.healthCheck.interval], ["ip", 5000, "/health", 30]);
            });

            it("is protected from deletion in prod", () => {
                assert.equal(named(built.registrations, "chat-prod-web-alb").inputs.enableDeletionProtection, true);
            });

            it("writes access logs to its own bucket", () => {
                assert.match(named(built.registrations, "chat-prod-web-alb").inputs.accessLogs.bucket, /^chat-prod-alb-logs/);
            });
        });

        describe("ECS", () => {
            it("the cluster has Container Insights on", () => {
                assert.deepEqual(named(built.registrations, "chat-prod-cluster").inputs.settings, [{ name: "containerInsights", value: "enabled" }]);
            });

            it("the api service runs in the private subnets without public IPs, in the ALB's target group", () => {
                const service = named(built.registrations, "chat-prod-api").inputs;
                assert.deepEqual(service.networkConfiguration.subnets, privateSubnets(built.registrations));
                assert.equal(service.networkConfiguration.assignPublicIp, false);
                // The target group is prefix-named: the provider appends a unique suffix to its namePrefix.
                const tgPrefix = named(built.registrations, "chat-prod-web-tg").inputs.namePrefix;
                assert.match(service.loadBalancers[0].targetGroupArn, new RegExp(`^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${tgPrefix}[0-9]{26}/`));
                assert.deepEqual([service.loadBalancers[0].containerName, service.loadBalancers[0].containerPort], ["api", 5000]);
            });

            it("rolls back a failed deployment", () => {
                assert.deepEqual(named(built.registrations, "chat-prod-api").inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
            });

            it("the task is 1024 CPU units and 2048 MiB (seed 001), scaling 2-6", () => {
                const td = named(built.registrations, "chat-prod-api-task-def").inputs;
                assert.deepEqual([td.cpu, td.memory], ["1024", "2048"]);
                const target = named(built.registrations, "chat-prod-api-scaling").inputs;
                assert.deepEqual([target.minCapacity, target.maxCapacity, target.resourceId], [2, 6, "service/chat-prod/api"]);
            });

            it("the container runs the service's ECR image at appImageTag and logs to /ecs/chat-prod/api (365 days)", () => {
                const [c] = containersOf(built.registrations, "api");
                assert.equal(c.image, "123456789012.dkr.ecr.us-east-1.amazonaws.com/chat-prod/api:3f9c2e1");
                assert.equal(c.logConfiguration.logDriver, "awslogs");
                assert.equal(c.logConfiguration.options["awslogs-group"], "/ecs/chat-prod/api");
                assert.equal(named(built.registrations, "chat-prod-api-logs").inputs.retentionInDays, 365);
            });

            it("the container gets the Redis token and the session secret from Secrets Manager by ARN", () => {
                const [c] = containersOf(built.registrations, "api");
                // Secrets Manager ARNs end in the secret's name (its namePrefix and the unique suffix
                // the provider appends), a dash and six characters AWS adds.
                const secretArn = (prefix: string) => new RegExp(`^arn:aws:secretsmanager:us-east-1:123456789012:secret:${prefix}[0-9]{26}-[A-Za-z0-9]{6}$`);
                assert.deepEqual(c.secrets.map((s: { name: string }) => s.name), ["REDIS_AUTH_TOKEN", "SESSION_SECRET"]);
                assert.match(c.secrets[0].valueFrom, secretArn("chat-prod/redis-auth-token-"));
                assert.match(c.secrets[1].valueFrom, secretArn("chat-prod/session-secret-"));
            });

            it("the container's environment holds endpoints and names only, nothing secret-looking", () => {
                const [c] = containersOf(built.registrations, "api");
                const env = Object.fromEntries(c.environment.map((e: { name: string; value: string }) => [e.name, e.value]));
                assert.deepEqual(Object.keys(env).sort(), ["APP_URL", "AWS_REGION", "CLUSTER_MODE", "COGNITO_CLIENT_ID", "COGNITO_USER_POOL_ID", "METRICS_NAMESPACE", "PORT", "REDIS_HOST", "REDIS_PORT", "REDIS_TLS", "SESSIONS_TABLE", "UPLOADS_BUCKET", "WEBSOCKET_URL"]);
                assert.deepEqual([env.PORT, env.REDIS_TLS, env.SESSIONS_TABLE, env.WEBSOCKET_URL], ["5000", "true", "chat-prod-sessions", "wss://ws.example.com"]);
                assert.deepEqual([env.CLUSTER_MODE, env.METRICS_NAMESPACE], ["true", "chat"], "seed 001: cluster mode, and the namespace its task role may put metrics in");
                assert.ok(Object.keys(env).every((n) => !/(SECRET|TOKEN|PASSWORD|API_?KEY)$/.test(n)));
            });

            it("the execution role may decrypt with the platform key only through Secrets Manager or SSM", () => {
                const doc = named(built.registrations, "chat-prod-api-execution-access").inputs.policy;
                const decrypt = doc.Statement.find((s: { Sid: string }) => s.Sid === "DecryptInjectedSecrets");
                assert.match(decrypt.Resource[0], /^arn:aws:kms:us-east-1:123456789012:key\//);
                assert.ok(decrypt.Condition.StringEquals["kms:ViaService"].includes("secretsmanager.us-east-1.amazonaws.com"));
            });

            it("the task role reads and writes the sessions table and the uploads bucket only", () => {
                const doc = named(built.registrations, "chat-prod-api-task-access").inputs.policy;
                assert.deepEqual(doc.Statement[0].Resource, [
                    "arn:aws:dynamodb:us-east-1:123456789012:table/chat-prod-sessions",
                    "arn:aws:dynamodb:us-east-1:123456789012:table/chat-prod-sessions/index/*",
                ]);
                assert.ok(doc.Statement.every((s: { Action: string[] }) => s.Action.every((a) => !a.includes("*"))));
            });

            it("the repository is chat-prod/api with immutable tags and scan on push", () => {
                const repo = named(built.registrations, "chat-prod-api-repo").inputs;
                assert.deepEqual([repo.name, repo.imageTagMutability, repo.imageScanningConfiguration.scanOnPush], ["chat-prod/api", "IMMUTABLE", true]);
            });
        });

        describe("data", () => {
            it("Redis is encrypted at rest with the platform key and in transit, with AUTH and failover across AZs", () => {
                const rg = named(built.registrations, "chat-prod-redis").inputs;
                assert.deepEqual([rg.atRestEncryptionEnabled, rg.transitEncryptionEnabled, rg.automaticFailoverEnabled, rg.multiAzEnabled], [true, true, true, true]);
                assert.match(rg.kmsKeyId, /^arn:aws:kms:us-east-1:123456789012:key\//);
                assert.ok("authToken" in rg, "the AUTH token input is set (the mocks do not compute the random value itself)");
                assert.equal(rg.authTokenUpdateStrategy, "ROTATE");
            });

            it("the Redis token is generated and stored in a Secrets Manager secret encrypted with the platform key", () => {
                const secret = named(built.registrations, "chat-prod-redis-auth").inputs;
                assert.equal(secret.namePrefix, "chat-prod/redis-auth-token-");
                assert.match(secret.kmsKeyId, /^arn:aws:kms:/);
                assert.equal(named(built.registrations, "chat-prod-redis-auth-value").inputs.length, 64);
            });

            it("Redis lives in the private subnets", () => {
                assert.deepEqual(named(built.registrations, "chat-prod-redis-subnets").inputs.subnetIds, privateSubnets(built.registrations));
            });

            it("the sessions table is keyed by sessionId with TTL, PITR, SSE and deletion protection", () => {
                const t = named(built.registrations, "chat-prod-sessions").inputs;
                assert.deepEqual([t.name, t.hashKey, t.ttl.enabled, t.pointInTimeRecovery.enabled, t.serverSideEncryption.enabled, t.deletionProtectionEnabled],
                    ["chat-prod-sessions", "sessionId", true, true, true, true]);
            });

            it("the platform key rotates and its policy only delegates to the account", () => {
                const key = named(built.registrations, "chat-prod-key").inputs;
                assert.equal(key.enableKeyRotation, true);
                assert.deepEqual(JSON.parse(key.policy).Statement.map((s: { Principal: unknown }) => s.Principal), [{ AWS: "arn:aws:iam::123456789012:root" }]);
            });
        });

        describe("edge: WAF, CDN, DNS", () => {
            it("the ALB's web ACL limits 2000 requests per IP, blocks CN, RU and KP and runs the managed groups", () => {
                const acl = named(built.registrations, "chat-prod-waf").inputs;
                assert.equal(acl.scope, "REGIONAL");
                assert.deepEqual(acl.rules.map((r: { name: string }) => r.name), ["rate-limit", "geo-block", "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]);
                assert.equal(acl.rules[0].statement.rateBasedStatement.limit, 2000);
                assert.deepEqual(acl.rules[1].statement.geoMatchStatement.countryCodes, ["CN", "RU", "KP"]);
            });

            it("the web ACL is associated with the ALB", () => {
                const association = named(built.registrations, "chat-prod-waf-association-1").inputs;
                assert.match(association.resourceArn, /:loadbalancer\/app\//);
            });

            it("CloudFront gets its own web ACL from us-east-1", () => {
                const distribution = named(built.registrations, "chat-prod-cdn").inputs;
                assert.match(distribution.webAclId, /^arn:aws:wafv2:/);
                assert.equal(named(built.registrations, "chat-prod-cdn-waf").inputs.scope, "CLOUDFRONT");
                assert.equal(named(built.registrations, "chat-prod-cdn-waf").provider ?? "", "", "us-east-1 already: default provider");
            });

            it("app.example.com aliases the ALB", () => {
                assert.equal(named(built.registrations, "chat-prod-web-app-alias").inputs.name, "app.example.com");
            });

            it("*.tenant.example.com aliases the ALB, whose HTTPS listener also carries a tenant.example.com + *.tenant.example.com certificate", () => {
                const alias = named(built.registrations, "chat-prod-tenant-alias").inputs;
                assert.deepEqual([alias.name, alias.type, alias.zoneId], ["*.tenant.example.com", "A", "Z0123456789EXAMPLE01"]);
                assert.equal(alias.aliases[0].evaluateTargetHealth, true);
                const cert = ofType(built.registrations, "aws:acm/certificate:Certificate").find((c) => c.name === "chat-prod-tenant-cert")!.inputs;
                assert.deepEqual([cert.domainName, cert.subjectAlternativeNames], ["tenant.example.com", ["*.tenant.example.com"]]);
                const listenerCert = ofType(built.registrations, "aws:lb/listenerCertificate:ListenerCertificate")[0].inputs;
                assert.match(listenerCert.listenerArn, /listener\/app\/chat-prod-web-https\//);
            });

            it("ws.example.com serves the WebSocket API with the ALB's wildcard certificate", () => {
                const domain = named(built.registrations, "chat-prod-realtime-domain").inputs;
                assert.equal(domain.domainName, "ws.example.com");
                assert.match(domain.domainNameConfiguration.certificateArn, /^arn:aws:acm:us-east-1:/);
            });
        });

        describe("identity and realtime", () => {
            it("the user pool requires 12-character strong passwords, verifies e-mail and offers MFA", () => {
                const pool = named(built.registrations, "chat-prod-users").inputs;
                assert.equal(pool.passwordPolicy.minimumLength, 12);
                assert.deepEqual([pool.mfaConfiguration, pool.autoVerifiedAttributes, pool.deletionProtection], ["OPTIONAL", ["email"], "ACTIVE"]);
                assert.equal(named(built.registrations, "chat-prod-users-spa").inputs.generateSecret, false);
            });

            it("the WebSocket functions check tokens of this pool and client", () => {
                const vars = named(built.registrations, "chat-prod-realtime-connect-fn").inputs.environment.variables;
                assert.deepEqual([vars.USER_POOL_ID, vars.USER_POOL_CLIENT_ID], ["chat-prod-users-id", "chat-prod-users-spa-id"]);
            });
        });

        it("alarms notify the alert topic: 5xx rate, unhealthy tasks, api CPU and memory, Redis memory per node, health check, realtime errors", () => {
            const alarms = ofType(built.registrations, "aws:cloudwatch/metricAlarm:MetricAlarm");
            assert.deepEqual(alarms.map((a) => a.inputs.name).sort(), [
                "chat-prod-5xx-rate", "chat-prod-api-cpu-high", "chat-prod-api-memory-high",
                "chat-prod-chat-prod-redis-001-memory-high", "chat-prod-chat-prod-redis-002-memory-high", "chat-prod-health",
                "chat-prod-realtime-errors-1", "chat-prod-realtime-errors-2", "chat-prod-realtime-errors-3", "chat-prod-unhealthy-tasks",
            ]);
            assert.ok(alarms.every((a) => /:chat-prod-alerts$/.test(a.inputs.alarmActions[0])));
        });

        it("Route53 health-checks https://app.example.com/health and alarms to the same topic (us-east-1)", () => {
            const check = named(built.registrations, "chat-prod-health").inputs;
            assert.deepEqual([check.type, check.fqdn, check.port, check.resourcePath], ["HTTPS", "app.example.com", 443, "/health"]);
            assert.match(named(built.registrations, "chat-prod-health-alarm").inputs.alarmActions[0], /:chat-prod-alerts$/);
            assert.equal(ofType(built.registrations, "stagecraft:observability:AlertTopic").length, 1);
        });

        it("exposes its foundation for what is built on top: network, cluster, service groups, key, alert topic", async () => {
            const f = built.platform.foundation;
            assert.equal(f.vpcCidrBlock, "10.0.0.0/16");
            assert.equal((await valueOf(f.privateSubnetIds)).length, 2);
            assert.equal(await valueOf(f.serviceSecurityGroupIds.api), "chat-prod-api-sg-id");
            assert.match(await valueOf(f.clusterArn), /:cluster\/chat-prod$/);
            assert.match(await valueOf(f.keyArn), /^arn:aws:kms:/);
            assert.match(await valueOf(f.alertTopicArn), /:chat-prod-alerts$/);
        });

        it("outputs what a user needs: URLs, cluster and service names, repositories, user pool ids", async () => {
            const p = built.platform;
            assert.equal(await valueOf(p.url), "https://app.example.com");
            assert.equal(await valueOf(p.websocketUrl), "wss://ws.example.com");
            assert.equal(await valueOf(p.clusterName), "chat-prod");
            assert.equal(await valueOf(p.serviceNames.api), "api");
            assert.match(await valueOf(p.repositoryUrls.api), /\.dkr\.ecr\.us-east-1\.amazonaws\.com\/chat-prod\/api$/);
            assert.equal(await valueOf(p.userPoolId), "chat-prod-users-id");
            assert.equal(await valueOf(p.userPoolClientId), "chat-prod-users-spa-id");
            assert.equal(p.tenantUrlPattern, "https://<tenant>.tenant.example.com");
            assert.equal(await valueOf(p.cdnUrl!), "https://cdn.example.com");
        });
    });

    describe("variants", () => {
        it("a new stack (imageReady false) starts every service at zero tasks with a 0-0 scaling range, nothing crash-loops", async () => {
            const { registrations } = await build({ imageReady: false, workerServices: ["notifications"] });
            for (const service of ["api", "notifications"]) {
                assert.equal(named(registrations, `chat-prod-${service}`).inputs.desiredCount, 0, service);
                const target = named(registrations, `chat-prod-${service}-scaling`).inputs;
                assert.deepEqual([target.minCapacity, target.maxCapacity], [0, 0], service);
            }
        });

        it("a worker gets its own repository and service, no load balancer, and Redis admits it too", async () => {
            const { registrations } = await build({ workerServices: ["notifications cpu=512 memory=1024"] });
            assert.equal(named(registrations, "chat-prod-notifications-repo").inputs.name, "chat-prod/notifications");
            assert.deepEqual(named(registrations, "chat-prod-notifications").inputs.loadBalancers, []);
            assert.deepEqual(rulesOf(registrations, INGRESS, "chat-prod-notifications-sg"), []);
            assert.deepEqual(rulesOf(registrations, INGRESS, "chat-prod-redis-sg"), ["tcp 6379 sg:chat-prod-api-sg-id", "tcp 6379 sg:chat-prod-notifications-sg-id"]);
        });

        it("without the CDN there is one web ACL and no distribution", async () => {
            const { registrations } = await build({ cdnEnabled: false });
            assert.equal(ofType(registrations, "aws:wafv2/webAcl:WebAcl").length, 1);
            assert.equal(ofType(registrations, "aws:cloudfront/distribution:Distribution").length, 0);
        });

        it("wafOnCdn false leaves the distribution without a web ACL", async () => {
            const { registrations } = await build({ wafOnCdn: false });
            assert.equal(named(registrations, "chat-prod-cdn").inputs.webAclId, undefined);
        });

        it("without geo-blocked countries the ALB's ACL has no geo rule", async () => {
            const { registrations } = await build({ wafGeoBlock: [] });
            assert.ok(!named(registrations, "chat-prod-waf").inputs.rules.some((r: { name: string }) => r.name === "geo-block"));
        });

        it("an unprotected stack turns deletion protection off everywhere", async () => {
            const { registrations } = await build({ protectStateful: false });
            assert.equal(named(registrations, "chat-prod-web-alb").inputs.enableDeletionProtection, false);
            assert.equal(named(registrations, "chat-prod-sessions").inputs.deletionProtectionEnabled, false);
            assert.equal(named(registrations, "chat-prod-users").inputs.deletionProtection, "INACTIVE");
        });

        it("outside us-east-1 the health check, its alarm and a topic of their own live in us-east-1", async () => {
            const args = phase3Args();
            const { registrations } = await runWithMocks(() => new ContainerPlatform("chat-prod", { ...args, region: "sa-east-1" }), { stack: "prod", region: "sa-east-1" });
            assert.match(named(registrations, "chat-prod-health").provider ?? "", /chat-prod-us-east-1/);
            assert.match(named(registrations, "chat-prod-health-alerts").provider ?? "", /chat-prod-us-east-1/);
            assert.match(named(registrations, "chat-prod-health-alarm").inputs.alarmActions[0], /:chat-prod-health-alerts$/);
            assert.doesNotMatch(named(registrations, "chat-prod-alerts").provider ?? "", /us-east-1/, "the platform's own alarms stay in the stack's region");
            assert.match(named(registrations, "chat-prod-alarm-5xx-rate").inputs.alarmActions[0], /:chat-prod-alerts$/);
            assert.match(named(registrations, "chat-prod-cdn-waf").provider ?? "", /chat-prod-cdn-waf-us-east-1/, "CloudFront's web ACL lives in us-east-1");
        });

        it("cannot be built without a domain or NAT: phase-3 settings require them (config refuses them first)", () => {
            assert.throws(() => phase3Args({ domain: "" }), /stagecraft:domain = null: the apex domain/);
            assert.throws(() => phase3Args({ natStrategy: "none" }), /stagecraft:natStrategy = "none": "instance", "gateway" or "gateway-per-az"/);
        });
    });
});

import * as assert from "node:assert/strict";
import { parsePlatformSettings } from "../../../components/config/platform";
import { cacheNodeIds, platformAlarmSpecs } from "../../../components/architectures/phase3/alarms";
import { platformEnvironment } from "../../../components/architectures/phase3/environment";
import { platformHostnames, tenantCertificateDomains } from "../../../components/architectures/phase3/hostnames";
import { platformKeyPolicy } from "../../../components/architectures/phase3/keyPolicy";
import { platformMonthlyCost } from "../../../components/architectures/phase3/cost";
import { readerFor } from "../../helpers/settings";

const platform = parsePlatformSettings(readerFor({ wafGeoBlock: ["CN", "RU", "KP"] }), 3, "chat");

describe("phase 3 composition decisions (pure)", () => {
    it("hostnames: app, cdn, ws and the tenants' wildcard under the apex", () => {
        assert.deepEqual(platformHostnames("example.com", { appSubdomain: "app", cdnSubdomain: "cdn" }, platform), {
            app: "app.example.com", cdn: "cdn.example.com", files: "files.example.com", websocket: "ws.example.com", tenantZone: "tenant.example.com", tenantWildcard: "*.tenant.example.com",
        });
    });

    it("the app may live on the apex", () => {
        assert.equal(platformHostnames("example.com", { appSubdomain: "@", cdnSubdomain: "cdn" }, platform).app, "example.com");
    });

    it("the tenant certificate covers tenant.<domain> and *.tenant.<domain> (the ALB's *.<domain> covers one label only)", () => {
        assert.deepEqual(tenantCertificateDomains("tenant.example.com"), { domainName: "tenant.example.com", subjectAlternativeNames: ["*.tenant.example.com"] });
    });

    describe("service environment", () => {
        const endpoints = {
            region: "us-east-1", appUrl: "https://app.example.com", redisHost: "master.redis", redisPort: 6379, sessionsTable: "chat-prod-sessions",
            uploadsBucket: "chat-prod-uploads-x", userPoolId: "us-east-1_P", userPoolClientId: "c", websocketUrl: "wss://ws.example.com",
            metricsNamespace: "chat",
        };

        it("tells the api its port, Redis over TLS, the table, the bucket, Cognito, the WebSocket URL, cluster mode and its metrics namespace", () => {
            assert.deepEqual(platformEnvironment({ loadBalanced: true }, 5000, endpoints), {
                PORT: "5000", AWS_REGION: "us-east-1", APP_URL: "https://app.example.com", REDIS_HOST: "master.redis", REDIS_PORT: "6379", REDIS_TLS: "true",
                SESSIONS_TABLE: "chat-prod-sessions", UPLOADS_BUCKET: "chat-prod-uploads-x", COGNITO_USER_POOL_ID: "us-east-1_P", COGNITO_CLIENT_ID: "c",
                WEBSOCKET_URL: "wss://ws.example.com", CLUSTER_MODE: "true", METRICS_NAMESPACE: "chat",
            });
        });

        it("gives a worker no PORT", () => {
            assert.ok(!("PORT" in platformEnvironment({ loadBalanced: false }, 5000, endpoints)));
        });
    });

    it("the platform key's policy is the account-root delegation alone", () => {
        const doc = JSON.parse(platformKeyPolicy("aws", "123456789012"));
        assert.deepEqual(doc.Statement, [{ Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }]);
    });

    it("names cache nodes <group>-001, -002", () => {
        assert.deepEqual(cacheNodeIds("chat-prod-redis", 2), ["chat-prod-redis-001", "chat-prod-redis-002"]);
    });

    describe("alarms", () => {
        const specs = platformAlarmSpecs({
            namePrefix: "chat-prod", loadBalancer: "app/alb/1", targetGroup: "targetgroup/tg/2", clusterName: "chat-prod",
            services: ["api", "worker"], cacheNodes: ["r-001", "r-002"], functions: ["f1"], http5xxPercent: 5, cpuPercent: 80,
        });
        const byKey = (key: string) => specs.find((s) => s.key === key)!;

        it("one per concern: 5xx rate, unhealthy tasks, CPU and memory per service, memory per node, errors per function", () => {
            assert.deepEqual(specs.map((s) => s.key), [
                "5xx-rate", "unhealthy-tasks", "api-cpu-high", "api-memory-high", "worker-cpu-high", "worker-memory-high",
                "r-001-memory-high", "r-002-memory-high", "realtime-errors-1",
            ]);
        });

        it("the 5xx rate is phase 2's metric math over the ALB", () => {
            assert.equal(byKey("5xx-rate").metricQueries!.find((q) => q.id === "rate")!.returnData, true);
        });

        it("service alarms watch AWS/ECS by cluster and service", () => {
            assert.deepEqual(byKey("api-cpu-high").metric, { namespace: "AWS/ECS", metricName: "CPUUtilization", dimensions: { ClusterName: "chat-prod", ServiceName: "api" }, statistic: "Average", period: 300 });
            assert.equal(byKey("api-memory-high").metric!.metricName, "MemoryUtilization");
        });

        it("cache alarms watch each node's memory above 80 %", () => {
            assert.deepEqual([byKey("r-001-memory-high").metric!.dimensions, byKey("r-001-memory-high").threshold], [{ CacheClusterId: "r-001" }, 80]);
        });

        it("function alarms fire at 5 errors in 5 minutes", () => {
            const f = byKey("realtime-errors-1");
            assert.deepEqual([f.metric!.dimensions, f.threshold, f.metric!.period], [{ FunctionName: "f1" }, 5, 300]);
        });
    });

    describe("monthly cost before traffic", () => {
        it("seed-sized prod: 2 api tasks, 2 cache.t4g.small, NAT gateway per AZ, two web ACLs ≈ $247", () => {
            const cost = platformMonthlyCost({ services: platform.services, platform, natStrategy: "gateway-per-az", availabilityZones: 2, cdnEnabled: true });
            assert.deepEqual(cost.items.map((i) => i.usd), [72.08, 46.72, 29.57, 73, 20, 2, 0.8, 1.1, 1.6]);
            assert.equal(cost.totalUsd, 246.87);
        });

        it("a lean stack: NAT instance, no CDN, Valkey on one t4g.micro, 1 task ≈ $97", () => {
            const lean = parsePlatformSettings(readerFor({ redisEngine: "valkey", redisNodeType: "cache.t4g.micro", redisReplicas: 0, serviceDesiredCount: 1, serviceMinCount: 1 }), 3, "chat");
            const cost = platformMonthlyCost({ services: lean.services, platform: lean, natStrategy: "instance", availabilityZones: 2, cdnEnabled: false });
            assert.deepEqual(cost.items.map((i) => i.usd), [36.04, 9.34, 29.57, 7.36, 9, 2, 0.8, 1, 1.6]);
            assert.equal(cost.totalUsd, 96.71);
        });
    });
});

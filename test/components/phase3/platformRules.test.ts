import * as assert from "node:assert/strict";
import { issuerUrl, mfaSettings, passwordPolicy, spaClientSettings } from "../../../components/blocks/auth/userPoolSettings";
import { cacheMonthlyCost, redisIngress, redisTopology, replicationGroupId } from "../../../components/blocks/data/redis";
import { appendString } from "../../../components/blocks/iam/documents";
import { accessLogFormat, stageRouteSettings } from "../../../components/blocks/realtime/stage";
import { executionArn, functionName, invokeSourceArn, manageConnectionsArn, websocketUrl } from "../../../components/blocks/realtime/arns";
import { functionPolicy } from "../../../components/blocks/realtime/documents";
import { ROUTES } from "../../../components/blocks/realtime/routes";
import { ISO_3166_ALPHA2, isCountryCode } from "../../../components/lib/countries";
import { MANAGED_RULE_GROUPS, redactedFields, visibility, webAclRules } from "../../../components/blocks/waf/webAclRules";
import { webAclMonthlyCost } from "../../../components/blocks/waf/cost";

describe("phase 3 data, auth, WAF and realtime decisions (pure)", () => {
    describe("Redis", () => {
        it("admits 6379 from each client group by key and nothing else", () => {
            assert.deepEqual(redisIngress(["service-api", "service-worker"]).map((r) => [r.protocol, r.fromPort, r.toPort, r.securityGroupKey, r.cidrs]), [
                ["tcp", 6379, 6379, "service-api", undefined],
                ["tcp", 6379, 6379, "service-worker", undefined],
            ]);
        });

        it("one replica turns on automatic failover and Multi-AZ across two AZs", () => {
            assert.deepEqual(redisTopology(1, 2), { numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: true });
        });

        it("no replica means one node without failover", () => {
            assert.deepEqual(redisTopology(0, 2), { numCacheClusters: 1, automaticFailoverEnabled: false, multiAzEnabled: false });
        });

        it("a single AZ keeps failover but cannot be Multi-AZ", () => {
            assert.deepEqual(redisTopology(2, 1), { numCacheClusters: 3, automaticFailoverEnabled: true, multiAzEnabled: false });
        });

        it("replication group ids fit ElastiCache's 40 lower-case characters starting with a letter", () => {
            assert.equal(replicationGroupId("chat-prod-redis"), "chat-prod-redis");
            const long = replicationGroupId("1-Very_Long-Application-Name-production-redis-cache");
            assert.ok(long.length <= 40 && /^[a-z][a-z0-9-]*[a-z0-9]$/.test(long), long);
        });

        it("two cache.t4g.small nodes cost $46.72 a month, Valkey 20 % less", () => {
            assert.equal(cacheMonthlyCost("cache.t4g.small", 2, "redis"), 46.72);
            assert.equal(cacheMonthlyCost("cache.t4g.small", 2, "valkey"), 37.38);
            assert.equal(cacheMonthlyCost("cache.x9.huge", 2, "redis"), undefined);
        });
    });

    describe("Cognito", () => {
        it("passwords need the configured length, upper, lower, digit and symbol", () => {
            assert.deepEqual(passwordPolicy(14), {
                minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true,
                passwordHistorySize: 5, temporaryPasswordValidityDays: 3,
            });
        });

        it("OPTIONAL and ON MFA use authenticator apps; OFF configures none", () => {
            assert.deepEqual(mfaSettings("ON"), { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: true } });
            assert.deepEqual(mfaSettings("OPTIONAL").softwareTokenMfaConfiguration, { enabled: true });
            assert.deepEqual(mfaSettings("OFF"), { mfaConfiguration: "OFF", softwareTokenMfaConfiguration: undefined });
        });

        it("the SPA client has no secret and only SRP and refresh flows", () => {
            const client = spaClientSettings();
            assert.equal(client.generateSecret, false);
            assert.deepEqual(client.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
            assert.equal(client.preventUserExistenceErrors, "ENABLED");
            assert.equal(client.enableTokenRevocation, true);
        });

        it("tokens are issued by cognito-idp.<region>.amazonaws.com/<pool>", () => {
            assert.equal(issuerUrl("us-east-1", "us-east-1_Abc"), "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc");
        });
    });

    describe("WAF rules", () => {
        const rules = webAclRules({ metricPrefix: "chat-prod-alb", rateLimit: 2000, geoBlockCountries: ["CN", "RU", "KP"] });
        const byName = (name: string) => rules.find((r) => r.name === name)!;

        it("seed 001's rules come first: rate limit at priority 1, geo block at 2, both blocking", () => {
            assert.deepEqual(rules.slice(0, 2).map((r) => [r.name, r.priority, r.action]), [["rate-limit", 1, { block: {} }], ["geo-block", 2, { block: {} }]]);
        });

        it("the rate limit is 2000 requests per IP in 5 minutes", () => {
            assert.deepEqual(byName("rate-limit").statement.rateBasedStatement, { limit: 2000, aggregateKeyType: "IP", evaluationWindowSec: 300 });
        });

        it("the geo rule blocks the configured countries", () => {
            assert.deepEqual(byName("geo-block").statement.geoMatchStatement, { countryCodes: ["CN", "RU", "KP"] });
        });

        it("without countries there is no geo rule and the other priorities stay", () => {
            const noGeo = webAclRules({ metricPrefix: "x", rateLimit: 2000, geoBlockCountries: [] });
            assert.deepEqual(noGeo.map((r) => [r.name, r.priority]), [
                ["rate-limit", 1],
                ["AWSManagedRulesAmazonIpReputationList", 10],
                ["AWSManagedRulesCommonRuleSet", 20],
                ["AWSManagedRulesKnownBadInputsRuleSet", 30],
            ]);
        });

        it("includes the AWS managed IP reputation, common and known-bad-inputs (Log4j) groups with their own actions", () => {
            for (const group of ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]) {
                const rule = byName(group);
                assert.deepEqual(rule.overrideAction, { none: {} }, group);
                assert.equal(rule.action, undefined, group);
                assert.deepEqual([rule.statement.managedRuleGroupStatement!.vendorName, rule.statement.managedRuleGroupStatement!.name], ["AWS", group]);
            }
        });

        it("only counts the common rule set's 8 KB body limit", () => {
            assert.deepEqual(byName("AWSManagedRulesCommonRuleSet").statement.managedRuleGroupStatement!.ruleActionOverrides,
                [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]);
            assert.deepEqual(byName("AWSManagedRulesKnownBadInputsRuleSet").statement.managedRuleGroupStatement!.ruleActionOverrides, []);
        });

        it("every rule has a unique priority, an action or override, and metrics with sampled requests", () => {
            assert.equal(new Set(rules.map((r) => r.priority)).size, rules.length);
            for (const rule of rules) {
                assert.ok(rule.action !== undefined || rule.overrideAction !== undefined, rule.name);
                assert.equal(rule.visibilityConfig.cloudwatchMetricsEnabled, true);
                assert.equal(rule.visibilityConfig.sampledRequestsEnabled, true);
                assert.match(rule.visibilityConfig.metricName, /^chat-prod-alb-/);
            }
        });

        it("metric names keep only characters CloudWatch accepts", () => {
            assert.equal(visibility("a b/c").metricName, "a-b-c");
        });

        it("logs redact the authorization and cookie headers", () => {
            assert.deepEqual(redactedFields(), [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
        });

        it("an ACL with five rules costs $10 a month before requests", () => {
            assert.equal(webAclMonthlyCost(2 + MANAGED_RULE_GROUPS.length), 10);
        });

        it("knows the 249 ISO 3166-1 alpha-2 codes", () => {
            assert.equal(ISO_3166_ALPHA2.size, 249);
            assert.ok(isCountryCode("KP") && isCountryCode("BR") && !isCountryCode("UK") && !isCountryCode("kp"));
        });
    });

    describe("realtime WebSocket API", () => {
        const apiArn = executionArn("aws", "us-east-1", "123456789012", "abc123");

        it("has seed 001's routes: $connect, $disconnect and message", () => {
            assert.deepEqual(ROUTES.map((r) => [r.routeKey, r.handler]), [["$connect", "connect"], ["$disconnect", "disconnect"], ["message", "message"]]);
        });

        it("builds the execution ARN, the invoke source per route and the stage's connections ARN", () => {
            assert.equal(apiArn, "arn:aws:execute-api:us-east-1:123456789012:abc123");
            assert.equal(invokeSourceArn(apiArn, "$connect"), "arn:aws:execute-api:us-east-1:123456789012:abc123/*/$connect");
            assert.equal(manageConnectionsArn(apiArn, "live"), "arn:aws:execute-api:us-east-1:123456789012:abc123/live/POST/@connections/*");
            assert.equal(websocketUrl("abc123", "us-east-1", "live"), "wss://abc123.execute-api.us-east-1.amazonaws.com/live");
        });

        it("throttles the stage and logs execution errors without request data", () => {
            assert.deepEqual(stageRouteSettings(500, 1000), { throttlingRateLimit: 500, throttlingBurstLimit: 1000, loggingLevel: "ERROR", dataTraceEnabled: false, detailedMetricsEnabled: true });
        });

        it("writes access logs as JSON with the connection, route, status and errors", () => {
            const format = JSON.parse(accessLogFormat());
            assert.deepEqual([format.connectionId, format.routeKey, format.status, format.eventType], ["$context.connectionId", "$context.routeKey", "$context.status", "$context.eventType"]);
            assert.equal(format.error, "$context.error.message");
        });

        describe("function policies", () => {
            const access = { connectionsTableArn: "arn:table", logGroupArn: "arn:logs", manageConnectionsArn: manageConnectionsArn(apiArn, "live") };
            const policy = (handler: string) => functionPolicy(ROUTES.find((r) => r.handler === handler)!, access, appendString);
            const actions = (handler: string) => policy(handler).Statement.flatMap((s) => s.Action);

            it("$connect may only put connections (and write its logs and traces)", () => {
                assert.deepEqual(policy("connect").Statement.find((s) => s.Sid === "ConnectionsTable")!.Action, ["dynamodb:PutItem"]);
                assert.ok(!actions("connect").includes("execute-api:ManageConnections"));
            });

            it("$disconnect may only delete connections", () => {
                assert.deepEqual(policy("disconnect").Statement.find((s) => s.Sid === "ConnectionsTable")!.Action, ["dynamodb:DeleteItem"]);
            });

            it("message may read, scan and delete connections and post to this API's stage only", () => {
                const post = policy("message").Statement.find((s) => s.Sid === "PostToConnections")!;
                assert.deepEqual(post.Action, ["execute-api:ManageConnections"]);
                assert.deepEqual(post.Resource, ["arn:aws:execute-api:us-east-1:123456789012:abc123/live/POST/@connections/*"]);
            });

            it("writes only its own log group and uses \"*\" only for the two X-Ray actions", () => {
                const doc = policy("message");
                assert.deepEqual(doc.Statement.find((s) => s.Sid === "WriteOwnLogs")!.Resource, ["arn:logs", "arn:logs:log-stream:*"]);
                assert.deepEqual(doc.Statement.filter((s) => s.Resource.includes("*")).map((s) => s.Action), [["xray:PutTraceSegments", "xray:PutTelemetryRecords"]]);
                assert.ok(doc.Statement.every((s) => s.Action.every((a) => !a.includes("*"))));
            });
        });

        it("names functions <prefix>-ws-<handler> within 64 characters", () => {
            assert.equal(functionName("chat-prod", "connect"), "chat-prod-ws-connect");
            assert.ok(functionName("x".repeat(70), "disconnect").length <= 64);
        });
    });
});

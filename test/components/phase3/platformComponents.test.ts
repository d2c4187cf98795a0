import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "../../../components/blocks/auth/userPool";
import { GeneratedSecret } from "../../../components/blocks/data/generatedSecret";
import { RedisCache } from "../../../components/blocks/data/redisCache";
import { SessionTable } from "../../../components/blocks/data/sessionTable";
import { WebSocketApi } from "../../../components/blocks/realtime/websocketApi";
import { cloudFrontWebAcl, WebFirewall } from "../../../components/blocks/waf/webFirewall";
import { type Registration } from "../../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";

const TAGS = { project: "chat", environment: "prod", owner: "platform-team" };

describe("phase 3 data, auth, WAF and realtime components under mocks", () => {
    describe("RedisCache", () => {
        let regs: Registration[];
        let cache: RedisCache;
        before(async () => {
            ({ result: cache, registrations: regs } = await runWithMocks(() => new RedisCache("chat-prod-redis", {
                vpcId: "vpc-1",
                subnetIds: ["subnet-a", "subnet-b"],
                availabilityZones: 2,
                clients: { "service-api": "sg-api", "service-worker": "sg-worker" },
                authToken: pulumi.secret("token-from-random-password-0123456789"),
                kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
                finalSnapshot: true,
                snapshotRetentionDays: 7,
                logRetentionDays: 365,
                tags: TAGS,
            }, { protect: true })));
        });

        it("admits 6379 only from the services' groups and allows nothing out", () => {
            const ingress = ofType(regs, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => `${r.inputs.fromPort} ${r.inputs.referencedSecurityGroupId ?? r.inputs.cidrIpv4}`).sort();
            assert.deepEqual(ingress, ["6379 sg-api", "6379 sg-worker"]);
            assert.equal(ofType(regs, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").length, 0);
        });

        it("encrypts at rest with the CMK and in transit (TLS required)", () => {
            const rg = named(regs, "chat-prod-redis").inputs;
            assert.deepEqual([rg.atRestEncryptionEnabled, rg.kmsKeyId, rg.transitEncryptionEnabled, rg.transitEncryptionMode],
                [true, "arn:aws:kms:us-east-1:123456789012:key/k", true, "required"]);
        });

        it("requires the AUTH token with an explicit ROTATE update strategy", () => {
            const rg = named(regs, "chat-prod-redis").inputs;
            assert.equal(rg.authToken, "token-from-random-password-0123456789");
            assert.equal(rg.authTokenUpdateStrategy, "ROTATE");
        });

        it("runs a primary and a replica with automatic failover across AZs", () => {
            const rg = named(regs, "chat-prod-redis").inputs;
            assert.deepEqual([rg.numCacheClusters, rg.automaticFailoverEnabled, rg.multiAzEnabled, rg.nodeType, rg.engine, rg.port],
                [2, true, true, "cache.t4g.small", "redis", 6379]);
        });

        it("lives in a subnet group of the private subnets behind its own security group", () => {
            const rg = named(regs, "chat-prod-redis").inputs;
            assert.deepEqual(named(regs, "chat-prod-redis-subnets").inputs.subnetIds, ["subnet-a", "subnet-b"]);
            assert.equal(rg.subnetGroupName, "chat-prod-redis");
            assert.deepEqual(rg.securityGroupIds, ["chat-prod-redis-sg-id"]);
        });

        it("keeps 7 days of snapshots, takes a final one and ships the slow log to a group with retention", () => {
            const rg = named(regs, "chat-prod-redis").inputs;
            assert.deepEqual([rg.snapshotRetentionLimit, rg.finalSnapshotIdentifier, rg.autoMinorVersionUpgrade], [7, "chat-prod-redis-final", true]);
            assert.deepEqual(rg.logDeliveryConfigurations, [{ destination: "/elasticache/chat-prod-redis/slow-log", destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log" }]);
            assert.equal(named(regs, "chat-prod-redis-slow-log").inputs.retentionInDays, 365);
        });

        it("exposes the TLS port", () => {
            assert.equal(cache.port, 6379);
        });
    });

    describe("SessionTable", () => {
        let regs: Registration[];
        before(async () => {
            ({ registrations: regs } = await runWithMocks(() => new SessionTable("chat-prod-sessions", {
                tableName: "chat-prod-sessions", deletionProtection: true, tags: TAGS,
            })));
        });

        it("is keyed by the string sessionId (seed 001) and billed on demand", () => {
            const t = named(regs, "chat-prod-sessions").inputs;
            assert.deepEqual([t.hashKey, t.attributes, t.billingMode], ["sessionId", [{ name: "sessionId", type: "S" }], "PAY_PER_REQUEST"]);
        });

        it("expires items on the `expires` attribute connect-dynamodb writes", () => {
            assert.deepEqual(named(regs, "chat-prod-sessions").inputs.ttl, { attributeName: "expires", enabled: true });
        });

        it("has point-in-time recovery, server-side encryption and deletion protection", () => {
            const t = named(regs, "chat-prod-sessions").inputs;
            assert.deepEqual([t.pointInTimeRecovery, t.serverSideEncryption, t.deletionProtectionEnabled], [{ enabled: true }, { enabled: true }, true]);
        });
    });

    describe("GeneratedSecret", () => {
        let regs: Registration[];
        before(async () => {
            ({ registrations: regs } = await runWithMocks(() => new GeneratedSecret("chat-prod-redis-auth", {
                namePrefix: "chat-prod/redis-auth-token-",
                description: "AUTH token of chat-prod-redis",
                kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
                tags: TAGS,
            })));
        });

        it("generates 64 letters and digits (no characters Redis AUTH or URLs reject)", () => {
            const p = named(regs, "chat-prod-redis-auth-value").inputs;
            assert.deepEqual([p.length, p.special], [64, false]);
        });

        it("stores the value in a described Secrets Manager secret encrypted with the CMK", () => {
            const s = named(regs, "chat-prod-redis-auth").inputs;
            assert.deepEqual([s.namePrefix, s.description, s.kmsKeyId], ["chat-prod/redis-auth-token-", "AUTH token of chat-prod-redis", "arn:aws:kms:us-east-1:123456789012:key/k"]);
            assert.equal(named(regs, "chat-prod-redis-auth-version").inputs.secretId, "chat-prod-redis-auth-id");
        });
    });

    describe("UserPool", () => {
        async function build(mfa: "OFF" | "OPTIONAL" | "ON", selfSignUp = true) {
            return runWithMocks(() => new UserPool("chat-prod-users", {
                userPoolName: "chat-prod-users",
                settings: { mfa, passwordMinimumLength: 14, selfSignUp },
                region: "us-east-1",
                deletionProtection: true,
                tags: TAGS,
            }));
        }

        it("requires 14-character passwords with upper, lower, digit and symbol", async () => {
            const { registrations } = await build("OPTIONAL");
            const policy = named(registrations, "chat-prod-users").inputs.passwordPolicy;
            assert.deepEqual([policy.minimumLength, policy.requireUppercase, policy.requireLowercase, policy.requireNumbers, policy.requireSymbols], [14, true, true, true, true]);
        });

        it("signs in by e-mail, verifies it by code and recovers only through it", async () => {
            const pool = named((await build("OPTIONAL")).registrations, "chat-prod-users").inputs;
            assert.deepEqual([pool.usernameAttributes, pool.autoVerifiedAttributes], [["email"], ["email"]]);
            assert.equal(pool.verificationMessageTemplate.defaultEmailOption, "CONFIRM_WITH_CODE");
            assert.deepEqual(pool.accountRecoverySetting.recoveryMechanisms, [{ name: "verified_email", priority: 1 }]);
        });

        it("MFA ON requires an authenticator app for every user", async () => {
            const pool = named((await build("ON")).registrations, "chat-prod-users").inputs;
            assert.deepEqual([pool.mfaConfiguration, pool.softwareTokenMfaConfiguration], ["ON", { enabled: true }]);
        });

        it("MFA OFF configures no second factor", async () => {
            const pool = named((await build("OFF")).registrations, "chat-prod-users").inputs;
            assert.deepEqual([pool.mfaConfiguration, pool.softwareTokenMfaConfiguration], ["OFF", undefined]);
        });

        it("lets only administrators create users when self sign-up is off", async () => {
            const pool = named((await build("OPTIONAL", false)).registrations, "chat-prod-users").inputs;
            assert.equal(pool.adminCreateUserConfig.allowAdminCreateUserOnly, true);
        });

        it("is protected from deletion", async () => {
            assert.equal(named((await build("OPTIONAL")).registrations, "chat-prod-users").inputs.deletionProtection, "ACTIVE");
        });

        it("has an SPA client without a secret, for SRP and refresh only", async () => {
            const client = named((await build("OPTIONAL")).registrations, "chat-prod-users-spa").inputs;
            assert.equal(client.generateSecret, false);
            assert.deepEqual(client.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
            assert.equal(client.userPoolId, "chat-prod-users-id");
        });

        it("outputs the pool id, the client id and the issuer URL", async () => {
            const { result } = await build("OPTIONAL");
            assert.equal(await valueOf(result.userPoolId), "chat-prod-users-id");
            assert.equal(await valueOf(result.clientId), "chat-prod-users-spa-id");
            assert.equal(await valueOf(result.issuerUrl), "https://cognito-idp.us-east-1.amazonaws.com/chat-prod-users-id");
        });
    });

    describe("WebFirewall", () => {
        describe("regional, on the ALB", () => {
            let regs: Registration[];
            before(async () => {
                ({ registrations: regs } = await runWithMocks(() => new WebFirewall("chat-prod-waf", {
                    aclName: "chat-prod-alb",
                    scope: "REGIONAL",
                    rateLimit: 2000,
                    geoBlockCountries: ["CN", "RU", "KP"],
                    associateWith: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/1"],
                    logRetentionDays: 365,
                    tags: TAGS,
                })));
            });

            it("allows by default and applies rate limit, geo block and three managed groups", () => {
                const acl = named(regs, "chat-prod-waf").inputs;
                assert.deepEqual([acl.scope, acl.defaultAction], ["REGIONAL", { allow: {} }]);
                assert.deepEqual(acl.rules.map((r: { name: string; priority: number }) => [r.name, r.priority]), [
                    ["rate-limit", 1], ["geo-block", 2],
                    ["AWSManagedRulesAmazonIpReputationList", 10], ["AWSManagedRulesCommonRuleSet", 20], ["AWSManagedRulesKnownBadInputsRuleSet", 30],
                ]);
                assert.equal(acl.rules[0].statement.rateBasedStatement.limit, 2000);
                assert.deepEqual(acl.rules[1].statement.geoMatchStatement.countryCodes, ["CN", "RU", "KP"]);
            });

            it("is associated with the load balancer", () => {
                const [association] = ofType(regs, "aws:wafv2/webAclAssociation:WebAclAssociation");
                assert.equal(association.inputs.resourceArn, "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/1");
                assert.match(association.inputs.webAclArn, /^arn:aws:wafv2:us-east-1:123456789012:/);
            });

            it("logs to aws-waf-logs-<name> with retention, redacting tokens and cookies", () => {
                assert.deepEqual([named(regs, "chat-prod-waf-logs").inputs.name, named(regs, "chat-prod-waf-logs").inputs.retentionInDays], ["aws-waf-logs-chat-prod-alb", 365]);
                const logging = named(regs, "chat-prod-waf-logging").inputs;
                assert.deepEqual(logging.logDestinationConfigs, ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-chat-prod-alb"]);
                assert.equal(logging.redactedFields.length, 2);
            });

            it("needs no extra provider", () => {
                assert.equal(ofType(regs, "pulumi:providers:aws").length, 0);
            });
        });

        describe("for CloudFront", () => {
            let regs: Registration[];
            before(async () => {
                ({ registrations: regs } = await runWithMocks(() => new WebFirewall("chat-prod-cdn-waf", {
                    aclName: "chat-prod-cdn", scope: "CLOUDFRONT", rateLimit: 2000, logRetentionDays: 30, tags: TAGS,
                }), { region: "sa-east-1" }));
            });

            it("creates the ACL and its log group through a us-east-1 provider, without associations", () => {
                const [provider] = ofType(regs, "pulumi:providers:aws");
                assert.equal(provider.inputs.region, "us-east-1");
                assert.equal(named(regs, "chat-prod-cdn-waf").inputs.scope, "CLOUDFRONT");
                assert.match(named(regs, "chat-prod-cdn-waf").provider ?? "", /chat-prod-cdn-waf-us-east-1/);
                assert.match(named(regs, "chat-prod-cdn-waf-logs").provider ?? "", /chat-prod-cdn-waf-us-east-1/);
                assert.equal(ofType(regs, "aws:wafv2/webAclAssociation:WebAclAssociation").length, 0);
            });

            it("has no geo rule when no countries are configured", () => {
                assert.ok(!named(regs, "chat-prod-cdn-waf").inputs.rules.some((r: { name: string }) => r.name === "geo-block"));
            });
        });

        it("cloudFrontWebAcl sets webAclId on distributions only", () => {
            const transform = cloudFrontWebAcl("arn:acl");
            const opts = {};
            assert.deepEqual(transform({ type: "aws:cloudfront/distribution:Distribution", name: "d", props: { enabled: true }, opts, resource: undefined as never }),
                { props: { enabled: true, webAclId: "arn:acl" }, opts });
            assert.equal(transform({ type: "aws:route53/record:Record", name: "r", props: {}, opts, resource: undefined as never }), undefined);
        });
    });

    describe("WebSocketApi", () => {
        let regs: Registration[];
        let api: WebSocketApi;
        before(async () => {
            ({ result: api, registrations: regs } = await runWithMocks(() => new WebSocketApi("chat-prod-realtime", {
                namePrefix: "chat-prod",
                region: "us-east-1",
                userPoolId: "us-east-1_Pool1",
                userPoolClientId: "client-spa",
                throttleRateLimit: 200,
                throttleBurstLimit: 400,
                customDomain: { hostname: "ws.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/c", hostedZoneId: "Z0123456789EXAMPLE01" },
                protectTable: true,
                logRetentionDays: 365,
                tags: TAGS,
            })));
        });

        it("is a WebSocket API routing on the message's action", () => {
            const a = named(regs, "chat-prod-realtime").inputs;
            assert.deepEqual([a.protocolType, a.routeSelectionExpression], ["WEBSOCKET", "$request.body.action"]);
        });

        it("has $connect, $disconnect and message routes, each to its own Lambda proxy integration", () => {
            const routes = ofType(regs, "aws:apigatewayv2/route:Route");
            assert.deepEqual(routes.map((r) => r.inputs.routeKey), ["$connect", "$disconnect", "message"]);
            for (const [route, handler] of [["$connect", "connect"], ["$disconnect", "disconnect"], ["message", "message"]]) {
                const r = routes.find((x) => x.inputs.routeKey === route)!;
                assert.equal(r.inputs.target, `integrations/chat-prod-realtime-${handler}-integration-id`);
                const integration = named(regs, `chat-prod-realtime-${handler}-integration`).inputs;
                assert.deepEqual([integration.integrationType, integration.integrationMethod], ["AWS_PROXY", "POST"]);
                assert.match(integration.integrationUri, new RegExp(`function:chat-prod-ws-${handler}/invocations$`));
            }
        });

        it("lets API Gateway invoke each function for its own route of this API only", () => {
            const permission = named(regs, "chat-prod-realtime-connect-invoke").inputs;
            assert.deepEqual([permission.principal, permission.action, permission.function], ["apigateway.amazonaws.com", "lambda:InvokeFunction", "chat-prod-ws-connect"]);
            assert.equal(permission.sourceArn, "arn:aws:execute-api:us-east-1:123456789012:chat-prod-realtime-id/*/$connect");
        });

        it("the functions run the repo's handler on Node.js 24 with a description, X-Ray tracing and JSON logs to their group", () => {
            const fn = named(regs, "chat-prod-realtime-message-fn").inputs;
            assert.deepEqual([fn.runtime, fn.handler, fn.architectures], ["nodejs24.x", "index.message", ["arm64"]]);
            assert.match(fn.description, /message/);
            assert.deepEqual(fn.tracingConfig, { mode: "Active" });
            assert.deepEqual([fn.loggingConfig.logFormat, fn.loggingConfig.logGroup], ["JSON", "/aws/lambda/chat-prod-ws-message"]);
            assert.equal(named(regs, "chat-prod-realtime-message-logs").inputs.retentionInDays, 365);
        });

        it("the functions get the table and the Cognito ids, no secret", () => {
            assert.deepEqual(named(regs, "chat-prod-realtime-connect-fn").inputs.environment.variables, {
                CONNECTIONS_TABLE: "chat-prod-ws-connections", USER_POOL_ID: "us-east-1_Pool1", USER_POOL_CLIENT_ID: "client-spa",
            });
        });

        it("only the message function may post to connections, of this API's stage", () => {
            const statements = (handler: string) => named(regs, `chat-prod-realtime-${handler}-access`).inputs.policy.Statement;
            const post = statements("message").find((s: { Sid: string }) => s.Sid === "PostToConnections");
            assert.deepEqual(post.Resource, ["arn:aws:execute-api:us-east-1:123456789012:chat-prod-realtime-id/live/POST/@connections/*"]);
            assert.ok(!statements("connect").some((s: { Sid: string }) => s.Sid === "PostToConnections"));
        });

        it("the stage throttles, logs errors and writes JSON access logs to a group with retention", () => {
            const stage = named(regs, "chat-prod-realtime-stage").inputs;
            assert.equal(stage.name, "live");
            assert.deepEqual([stage.defaultRouteSettings.throttlingRateLimit, stage.defaultRouteSettings.throttlingBurstLimit, stage.defaultRouteSettings.loggingLevel], [200, 400, "ERROR"]);
            assert.equal(stage.accessLogSettings.destinationArn, "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/chat-prod-ws/live");
            assert.equal(JSON.parse(stage.accessLogSettings.format).routeKey, "$context.routeKey");
            assert.equal(named(regs, "chat-prod-realtime-access-logs").inputs.retentionInDays, 365);
            assert.equal(stage.deploymentId, "chat-prod-realtime-deployment-id");
        });

        it("sets the account's CloudWatch Logs role for API Gateway (AWS's managed push policy)", () => {
            assert.match(named(regs, "chat-prod-realtime-apigw-account").inputs.cloudwatchRoleArn, /^arn:aws:iam::123456789012:role\/chat-prod-realtime-apigw-logs-/);
            const trust = JSON.parse(ofType(regs, "aws:iam/role:Role").find((r) => r.name === "chat-prod-realtime-apigw-logs")!.inputs.assumeRolePolicy);
            assert.deepEqual(trust.Statement[0].Principal, { Service: "apigateway.amazonaws.com" });
            const attachment = ofType(regs, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")[0].inputs;
            assert.equal(attachment.policyArn, "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs");
        });

        it("keeps connections in a protected table with a TTL and PITR", () => {
            const table = ofType(regs, "aws:dynamodb/table:Table")[0].inputs;
            assert.deepEqual([table.name, table.hashKey, table.ttl.attributeName, table.pointInTimeRecovery.enabled], ["chat-prod-ws-connections", "connectionId", "expires", true]);
        });

        it("serves wss://ws.example.com over TLS 1.2 with an alias record", async () => {
            const domain = named(regs, "chat-prod-realtime-domain").inputs;
            assert.deepEqual([domain.domainName, domain.domainNameConfiguration.securityPolicy, domain.domainNameConfiguration.endpointType], ["ws.example.com", "TLS_1_2", "REGIONAL"]);
            assert.deepEqual([named(regs, "chat-prod-realtime-alias").inputs.name, named(regs, "chat-prod-realtime-alias").inputs.type], ["ws.example.com", "A"]);
            assert.equal(await valueOf(api.customUrl!), "wss://ws.example.com");
            assert.equal(await valueOf(api.url), "wss://chat-prod-realtime-id.execute-api.us-east-1.amazonaws.com/live");
        });
    });
});

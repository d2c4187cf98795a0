/**
 * A correct program passes the whole pack with zero mandatory violations under both stack configs,
 * without blanket exemptions, while each floor violation slipped into it is caught. The graph has
 * the program's shapes as a preview sees them (ids unknown, side resources linked by property
 * dependencies): the phase-1 single host as stagecraft builds it (Elastic IP on purpose, web
 * ports open, KMS key with the account-root statement, AWS-managed SSM policy) and the later
 * phases' resources (ALB, ECS, Redis, DynamoDB, Cognito, WAF, CloudFront, WebSocket API, GitHub
 * OIDC deploy role). The real program is checked end to end by `npm run check` (test/stacks).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PolicyConfigFile } from "../../policies/lib/packconfig";
import { packPolicies } from "../../policies/pack";
import { ENABLED, res, secureBucket, T, tags } from "./helpers/fixtures";
import { mandatory, type ResourceSpec, runPack, UNKNOWN } from "./helpers/server";

const configFile = (stack: string) =>
    JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../policies/config", `${stack}.json`), "utf8")) as PolicyConfigFile;

const doc = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

function program(env: string): ResourceSpec[] {
    const prod = env === "prod";
    const t = (name: string) => tags(name, env);
    const n = (s: string) => `chat-${env}-${s}`;
    const rule = (type: string, name: string, props: Record<string, unknown>): ResourceSpec =>
        ({ ...res(type, name, { securityGroupId: UNKNOWN, tags: t(name), ...props }), propertyDependencies: { securityGroupId: [n("host-sg")] } });
    const stateful = (specs: ResourceSpec[]) => specs.map((s) => (s.type === T.bucket ? { ...s, protect: prod } : s));
    return [
        res(T.vpc, n("network"), { cidrBlock: "10.0.0.0/16" }),
        res(T.sg, n("host-sg"), { vpcId: UNKNOWN, description: `chat ${env} single host: web, app port and admin access`, tags: t(n("host-sg")) }),
        rule(T.ingress, n("host-sg-in-tcp-80"), { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0", description: "HTTP" }),
        rule(T.ingress, n("host-sg-in-tcp-443"), { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", description: "HTTPS" }),
        rule(T.ingress, n("host-sg-in-tcp-443-v6"), { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0", description: "HTTPS (IPv6)" }),
        rule(T.ingress, n("host-sg-in-tcp-22-admin"), { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "203.0.113.10/32", description: "SSH from the admin IP" }),
        rule(T.egress, n("host-sg-out-all"), { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", description: "Updates, registries, AWS APIs" }),
        res(T.defaultSg, n("network-default-sg"), { vpcId: UNKNOWN, tags: t("default") }),
        ...stateful(secureBucket(n("uploads"), { versioning: ENABLED, environment: env, policy: UNKNOWN })),
        ...stateful(secureBucket(n("backups"), { versioning: ENABLED, environment: env, policy: UNKNOWN })),
        ...secureBucket(n("static"), { environment: env, policy: UNKNOWN }),
        res(T.logGroup, n("containers"), { name: `/chat/${env}/containers`, retentionInDays: prod ? 365 : 14, tags: t("logs") }),
        res(T.role, n("host-role"), { assumeRolePolicy: doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }), tags: t("role") }),
        { ...res(T.rolePolicy, n("host-role-access"), { role: UNKNOWN, policy: UNKNOWN }), propertyDependencies: { role: [n("host-role")] } },
        { ...res(T.rolePolicyAttachment, n("host-role-ssm-core"), { role: UNKNOWN, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }), propertyDependencies: { role: [n("host-role")] } },
        res(T.instanceProfile, n("host-role-profile"), { role: UNKNOWN, tags: t("profile") }),
        res(T.kmsKey, n("alerts-key"), {
            enableKeyRotation: true, description: "Encrypts alarm notifications",
            policy: doc({ Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
                { Sid: "CloudWatchPublishes", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" }),
            tags: t("key"),
        }),
        res(T.topic, n("alerts"), { kmsMasterKeyId: UNKNOWN, tags: t("topic") }),
        res(T.healthCheck, n("health"), { type: "HTTPS", fqdn: "app.example.com", tags: t("hc") }),
        res(T.alarm, n("health-alarm"), { alarmActions: [UNKNOWN], tags: t("alarm") }),
        res(T.ssmDocument, n("release-deploy"), { documentType: "Command", content: "{}", tags: t("doc") }),
        res(T.instance, n("host"), {
            ami: "ami-0e45f2e5d5442796f", instanceType: prod ? "t3.small" : "t3.micro", iamInstanceProfile: UNKNOWN, vpcSecurityGroupIds: [UNKNOWN],
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 },
            rootBlockDevice: { encrypted: true, volumeType: "gp3", volumeSize: 30 },
            userData: "#!/bin/bash\nset -euo pipefail\nAPP_SECRET=$(aws ssm get-parameter --name /chat/app-secret --with-decryption --query Parameter.Value --output text)\n",
            tags: t("host"),
        }),
        res(T.eip, n("ip"), { domain: "vpc", instance: UNKNOWN, tags: t("ip") }),
        ...laterPhases(env, t, prod),
    ];
}

/** Phase 2 and 3 resources, as the design describes them. */
function laterPhases(env: string, t: (name: string) => Record<string, string>, prod: boolean): ResourceSpec[] {
    const n = (s: string) => `chat-${env}-${s}`;
    const logs = { logDriver: "awslogs", options: { "awslogs-group": `/ecs/chat-${env}`, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } };
    const github = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    return [
        res(T.sg, n("alb-sg"), { description: "ALB: HTTP and HTTPS from the internet", tags: t("alb-sg") }),
        res(T.ingress, n("alb-sg-in-80"), { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "0.0.0.0/0", description: "HTTP (redirects)", tags: t("r") }),
        res(T.ingress, n("alb-sg-in-443"), { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0", description: "HTTPS", tags: t("r") }),
        res(T.ingress, n("redis-sg-in"), { ipProtocol: "tcp", fromPort: 6379, toPort: 6379, referencedSecurityGroupId: UNKNOWN, description: "Redis from the tasks", tags: t("r") }),
        res(T.loadBalancer, n("alb"), { loadBalancerType: "application", dropInvalidHeaderFields: true, enableDeletionProtection: prod, tags: t("alb") }),
        res(T.listener, n("alb-http"), { port: 80, protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }], tags: t("l") }),
        res(T.listener, n("alb-https"), { port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", certificateArn: UNKNOWN, defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }], tags: t("l") }),
        res(T.listener, n("nlb-tls-passthrough"), { port: 443, protocol: "TCP", defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }], tags: t("l") }),
        res(T.distribution, n("cdn"), {
            origins: [{ originId: "static", domainName: UNKNOWN, originAccessControlId: UNKNOWN }],
            defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
            viewerCertificate: { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
            webAclId: UNKNOWN, tags: t("cdn"),
        }),
        res(T.taskDefinition, n("api-task"), {
            family: n("api"), networkMode: "awsvpc", executionRoleArn: UNKNOWN, taskRoleArn: UNKNOWN, tags: t("td"),
            containerDefinitions: JSON.stringify([{ name: "api", image: "123.dkr.ecr.us-east-1.amazonaws.com/api:abc", logConfiguration: logs,
                environment: [{ name: "PORT", value: "5000" }], secrets: [{ name: "REDIS_AUTH_TOKEN", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:redis" }] }]),
        }),
        res(T.ecsService, n("api-service"), { networkConfiguration: { subnets: [UNKNOWN], securityGroups: [UNKNOWN], assignPublicIp: false }, tags: t("svc") }),
        res(T.repository, n("api-repo"), { imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true }, tags: t("ecr") }),
        res(T.replicationGroup, n("redis"), { atRestEncryptionEnabled: true, transitEncryptionEnabled: true, authToken: UNKNOWN, tags: t("redis") }, { protect: prod }),
        res(T.table, n("sessions"), { billingMode: "PAY_PER_REQUEST", pointInTimeRecovery: { enabled: true }, ttl: { attributeName: "expiresAt", enabled: true }, tags: t("ddb") }, { protect: prod }),
        res(T.userPool, n("users"), { passwordPolicy: { minimumLength: 12 }, mfaConfiguration: "OPTIONAL", tags: t("cognito") }, { protect: prod }),
        res(T.webAcl, n("waf"), { scope: "REGIONAL", defaultAction: { allow: {} }, rules: [{ name: "rate-limit", priority: 1 }, { name: "geo-block", priority: 2 }], tags: t("waf") }),
        res("aws:wafv2/webAclAssociation:WebAclAssociation", n("waf-association"), { resourceArn: UNKNOWN, webAclArn: UNKNOWN }, { propertyDependencies: { resourceArn: [n("alb")], webAclArn: [n("waf")] } }),
        res("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", n("waf-logging"), { resourceArn: UNKNOWN, logDestinationConfigs: [UNKNOWN] }, { propertyDependencies: { resourceArn: [n("waf")] } }),
        res(T.stage, n("ws"), { apiId: UNKNOWN, accessLogSettings: { destinationArn: UNKNOWN, format: "{}" }, tags: t("stage") }),
        res(T.lambda, n("ws-handler"), { runtime: "nodejs24.x", environment: { variables: { TABLE_NAME: UNKNOWN, REDIS_AUTH_TOKEN_ARN: UNKNOWN } }, tags: t("fn") }),
        res(T.permission, n("ws-invoke"), { action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com", sourceArn: UNKNOWN }),
        res(T.role, n("github-deploy"), {
            assumeRolePolicy: doc({ Effect: "Allow", Principal: { Federated: github }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": `repo:acme/chat:environment:${env}`,
            } } }),
            tags: t("deploy"),
        }),
        res(T.parameter, n("db-password"), { name: `/chat/${env}/db-password`, type: "SecureString", value: UNKNOWN, tags: t("param") }),
    ];
}

for (const stack of ["dev", "prod"]) {
    describe(`a correct program under policies/config/${stack}.json`, () => {
        const file = configFile(stack);

        it("has zero mandatory violations", () => {
            const diags = runPack(packPolicies, program(stack), file);
            assert.deepEqual(mandatory(diags).map((d) => `${d.policyName}: ${d.detail}`), []);
        });

        it("only notes the documents a preview cannot know (the bucket policies and the host role's policy); all else it reports is advisory", () => {
            const diags = runPack(packPolicies, program(stack), file);
            // Opt-in recommendations (tracing, customer-managed keys, access logs) are advisory in every stack config.
            assert.deepEqual(diags.filter((d) => d.enforcementLevel !== "advisory").map((d) => d.detail), []);
            const notes = diags.filter((d) => d.detail.includes("is not known during preview"));
            const noted = [...new Set(notes.map((d) => d.detail.split(":")[0]))].sort();
            assert.deepEqual(noted, ["backups", "host-role-access", "static", "uploads"].flatMap((s) => [`chat-${stack}-${s}`, `chat-${stack}-${s}-tls-only`])
                .filter((name) => name !== `chat-${stack}-host-role-access-tls-only`).sort());
        });

        const slips: [string, (specs: ResourceSpec[]) => ResourceSpec[], string][] = [
            ["SSH opened to the world", (s) => [...s, res(T.ingress, "oops-ssh", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", description: "x", tags: tags("x", stack) })],
                "ec2-security-group-no-public-ssh"],
            ["AdministratorAccess attached to the host role", (s) => [...s, res(T.rolePolicyAttachment, "oops-admin", { role: UNKNOWN, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" })],
                "iam-no-administrator-access"],
            ["a bucket whose public access block turns a flag off", (s) => [...s, ...secureBucket("oops-bucket", {
                pab: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true }, environment: stack, protect: true,
            })], "s3-bucket-public-access-block-required"],
        ];
        for (const [what, mutate, policy] of slips) {
            it(`catches ${what} as a mandatory violation`, () => {
                const diags = mandatory(runPack(packPolicies, mutate(program(stack)), file));
                assert.deepEqual(diags.map((d) => d.policyName), [policy]);
            });
        }
    });
}

import * as assert from "node:assert/strict";
import { validationRecordDomains } from "../../components/blocks/certificates/dnsValidatedCertificate";
import { albEgress, albIngress, certificateDomains, coveredByCertificate, targetGroupHealthCheck } from "../../components/blocks/loadbalancer/listeners";
import { elbLogDeliveryStatement } from "../../components/blocks/loadbalancer/accessLogs";
import { elbName, targetGroupNamePrefix } from "../../components/blocks/loadbalancer/names";
import { WebLoadBalancer, type WebLoadBalancerArgs } from "../../components/blocks/loadbalancer/webLoadBalancer";
import { expandRules } from "../../components/blocks/security/ruleSpecs";
import { type Registration } from "../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../helpers/pulumi";

const TAGS = { project: "chat", environment: "staging", owner: "platform-team" };

function args(overrides: Partial<WebLoadBalancerArgs> = {}): WebLoadBalancerArgs {
    return {
        vpcId: "vpc-0123456789abcdef0",
        vpcCidrBlock: "10.0.0.0/16",
        publicSubnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
        domain: "example.com",
        hostedZoneId: "Z0123456789EXAMPLE01",
        appHostname: "app.example.com",
        targetPort: 5000,
        targetType: "instance",
        healthCheckPath: "/health",
        tags: TAGS,
        ...overrides,
    };
}

interface Built { lb: WebLoadBalancer; registrations: Registration[] }

async function build(overrides: Partial<WebLoadBalancerArgs> = {}): Promise<Built> {
    const { result, registrations } = await runWithMocks(() => new WebLoadBalancer("chat-staging-web", args(overrides)));
    return { lb: result, registrations };
}

function rulesOf(registrations: Registration[], type: string): string[] {
    return ofType(registrations, type)
        .map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort} ${r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6 ?? r.inputs.referencedSecurityGroupId}`)
        .sort();
}

describe("load balancer decisions (pure)", () => {
    it("the ALB admits 80 and 443 from the IPv4 world and nothing else", () => {
        const view = expandRules(albIngress()).map((r) => `${r.ipProtocol} ${r.fromPort} ${r.cidrIpv4 ?? r.cidrIpv6}`);
        assert.deepEqual(view, ["tcp 80 0.0.0.0/0", "tcp 443 0.0.0.0/0"]);
    });

    it("a dual-stack ALB also admits 80 and 443 from ::/0", () => {
        assert.deepEqual(expandRules(albIngress(true)).map((r) => r.cidrIpv6).filter(Boolean), ["::/0", "::/0"]);
    });

    it("the ALB sends only the target port, only into the target CIDRs", () => {
        const view = expandRules(albEgress(5000, ["10.0.0.0/16"])).map((r) => `${r.ipProtocol} ${r.fromPort}-${r.toPort} ${r.cidrIpv4}`);
        assert.deepEqual(view, ["tcp 5000-5000 10.0.0.0/16"]);
    });

    it("an ALB without target CIDRs is refused", () => {
        assert.throws(() => albEgress(5000, []), /at least one target CIDR/);
    });

    it("the certificate covers the apex and the wildcard", () => {
        assert.deepEqual(certificateDomains("example.com"), { domainName: "example.com", subjectAlternativeNames: ["*.example.com"] });
    });

    it("apex and wildcard share one validation record", () => {
        assert.deepEqual(validationRecordDomains(["example.com", "*.example.com"]), ["example.com"]);
        assert.deepEqual(validationRecordDomains(["example.com", "*.example.com", "other.org"]), ["example.com", "other.org"]);
    });

    it("the certificate covers the apex and one label below it, not deeper names or other domains", () => {
        assert.equal(coveredByCertificate("example.com", "example.com"), true);
        assert.equal(coveredByCertificate("app.example.com", "example.com"), true);
        assert.equal(coveredByCertificate("a.b.example.com", "example.com"), false);
        assert.equal(coveredByCertificate("app.example.org", "example.com"), false);
        assert.equal(coveredByCertificate("badexample.com", "example.com"), false);
    });

    it("the health check probes the path every 30 s on the traffic port", () => {
        const check = targetGroupHealthCheck("/health");
        assert.deepEqual([check.path, check.interval, check.port, check.protocol, check.enabled], ["/health", 30, "traffic-port", "HTTP", true]);
    });

    it("ELB names fit 32 characters and long names stay distinct", () => {
        assert.equal(elbName("chat-staging-web"), "chat-staging-web");
        const a = elbName("a-very-long-application-name-staging-web");
        const b = elbName("a-very-long-application-name-staging-api");
        assert.ok(a.length <= 32 && b.length <= 32, `${a} ${b}`);
        assert.notEqual(a, b);
        assert.match(a, /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
    });

    it("target groups get a name prefix of at most 6 characters", () => {
        assert.equal(targetGroupNamePrefix("chat-staging-web"), "chats-");
        assert.ok(targetGroupNamePrefix("x").length <= 6);
    });

    it("access logs are written by the region's ELB account, into this account's prefix only", () => {
        const statement = elbLogDeliveryStatement("arn:aws:s3:::logs/alb/AWSLogs/123456789012/*", "us-east-1");
        assert.deepEqual(statement.Principal, { AWS: "arn:aws:iam::127311923021:root" });
        assert.deepEqual(statement.Action, ["s3:PutObject"]);
        assert.deepEqual(statement.Resource, ["arn:aws:s3:::logs/alb/AWSLogs/123456789012/*"]);
    });

    it("regions newer than August 2022 use the log-delivery service principal", () => {
        assert.deepEqual(elbLogDeliveryStatement("arn:aws:s3:::logs/*", "eu-central-2").Principal, { Service: "logdelivery.elasticloadbalancing.amazonaws.com" });
    });
});

describe("WebLoadBalancer under mocks", function () {
    let built: Built;
    before(async () => { built = await build(); });

    it("registers the component and its security group", () => {
        assert.equal(ofType(built.registrations, "stagecraft:loadbalancer:WebLoadBalancer").length, 1);
        assert.equal(ofType(built.registrations, "stagecraft:security:RuleSetGroup").length, 1);
    });

    it("the ALB security group has exactly 80 and 443 in from the world", () => {
        assert.deepEqual(rulesOf(built.registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
            ["tcp 443-443 0.0.0.0/0", "tcp 80-80 0.0.0.0/0"]);
    });

    it("the ALB security group sends only the app port into the VPC", () => {
        assert.deepEqual(rulesOf(built.registrations, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), ["tcp 5000-5000 10.0.0.0/16"]);
    });

    it("the ALB security group has no inline rules", () => {
        const sg = named(built.registrations, "chat-staging-web-alb-sg");
        assert.equal(sg.inputs.ingress, undefined);
        assert.equal(sg.inputs.egress, undefined);
    });

    it("the ALB is internet-facing in both public subnets behind its own group", () => {
        const alb = named(built.registrations, "chat-staging-web-alb");
        assert.equal(alb.inputs.internal, false);
        assert.equal(alb.inputs.loadBalancerType, "application");
        assert.deepEqual(alb.inputs.subnets, ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]);
        assert.deepEqual(alb.inputs.securityGroups, ["chat-staging-web-alb-sg-id"]);
    });

    it("the ALB drops invalid headers and mitigates desync", () => {
        const alb = named(built.registrations, "chat-staging-web-alb");
        assert.equal(alb.inputs.dropInvalidHeaderFields, true);
        assert.equal(alb.inputs.desyncMitigationMode, "defensive");
    });

    it("deletion protection and access logs are off by default", () => {
        const alb = named(built.registrations, "chat-staging-web-alb");
        assert.equal(alb.inputs.enableDeletionProtection, false);
        assert.equal(alb.inputs.accessLogs, undefined);
        assert.equal(alb.inputs.idleTimeout, 60);
    });

    it("the target group forwards HTTP to the app port and checks /health every 30 s", () => {
        const tg = named(built.registrations, "chat-staging-web-tg");
        assert.deepEqual([tg.inputs.port, tg.inputs.protocol, tg.inputs.targetType, tg.inputs.vpcId], [5000, "HTTP", "instance", "vpc-0123456789abcdef0"]);
        assert.equal(tg.inputs.healthCheck.path, "/health");
        assert.equal(tg.inputs.healthCheck.interval, 30);
        assert.equal(tg.inputs.stickiness, undefined);
    });

    it("the HTTP listener only redirects to HTTPS on 443 with a 301", () => {
        const http = named(built.registrations, "chat-staging-web-http");
        assert.equal(http.inputs.port, 80);
        assert.equal(http.inputs.protocol, "HTTP");
        assert.deepEqual(http.inputs.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
    });

    it("the HTTPS listener uses the TLS 1.3 policy, the validated certificate and forwards to the target group", async () => {
        const https = named(built.registrations, "chat-staging-web-https");
        assert.equal(https.inputs.port, 443);
        assert.equal(https.inputs.protocol, "HTTPS");
        assert.equal(https.inputs.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
        assert.equal(https.inputs.certificateArn, await valueOf(built.lb.certificateArn));
        assert.equal(https.inputs.defaultActions[0].type, "forward");
        assert.equal(https.inputs.defaultActions[0].targetGroupArn, await valueOf(built.lb.targetGroup.arn));
    });

    it("the certificate covers apex and wildcard and is validated by DNS", () => {
        const cert = named(built.registrations, "chat-staging-web-cert");
        assert.equal(cert.inputs.domainName, "example.com");
        assert.deepEqual(cert.inputs.subjectAlternativeNames, ["*.example.com"]);
        assert.equal(cert.inputs.validationMethod, "DNS");
    });

    it("one CNAME validation record in the hosted zone, waited for by the certificate validation", () => {
        const records = ofType(built.registrations, "aws:route53/record:Record").filter((r) => r.name.includes("cert-validation"));
        assert.equal(records.length, 1);
        assert.equal(records[0].inputs.zoneId, "Z0123456789EXAMPLE01");
        assert.equal(records[0].inputs.type, "CNAME");
        assert.match(records[0].inputs.name, /^_[0-9a-f]+\.example\.com\.$/);
        assert.match(records[0].inputs.records[0], /acm-validations\.aws\.$/);
        const validation = named(built.registrations, "chat-staging-web-cert-validation");
        assert.equal(validation.type, "aws:acm/certificateValidation:CertificateValidation");
        assert.equal(validation.inputs.validationRecordFqdns.length, 1);
    });

    it("an A alias record points the app hostname at the ALB", () => {
        const alias = named(built.registrations, "chat-staging-web-app-alias");
        assert.equal(alias.inputs.name, "app.example.com");
        assert.equal(alias.inputs.type, "A");
        assert.match(alias.inputs.aliases[0].name, /elb\.amazonaws\.com$/);
        assert.equal(alias.inputs.aliases[0].evaluateTargetHealth, true);
    });

    it("outputs the HTTPS URL of the app hostname", async () => {
        assert.equal(await valueOf(built.lb.url), "https://app.example.com");
    });

    it("every taggable child carries project, environment and owner", () => {
        for (const r of built.registrations.filter((r) => r.inputs.tags !== undefined)) {
            for (const key of ["project", "environment", "owner", "Name"]) assert.ok(r.inputs.tags[key], `${r.name} lacks ${key}`);
        }
    });
});

describe("WebLoadBalancer options", function () {
    it("prod: deletion protection, access logs, a longer idle timeout", async () => {
        const { registrations } = await build({ deletionProtection: true, idleTimeoutSeconds: 120, accessLogs: { bucket: "logs-bucket", prefix: "alb" } });
        const alb = named(registrations, "chat-staging-web-alb");
        assert.equal(alb.inputs.enableDeletionProtection, true);
        assert.equal(alb.inputs.idleTimeout, 120);
        assert.deepEqual(alb.inputs.accessLogs, { bucket: "logs-bucket", prefix: "alb", enabled: true });
    });

    it("sticky sessions use a one-day load-balancer cookie", async () => {
        const { registrations } = await build({ stickySessions: true });
        assert.deepEqual(named(registrations, "chat-staging-web-tg").inputs.stickiness, { type: "lb_cookie", enabled: true, cookieDuration: 86400 });
    });

    it("Fargate targets register by IP", async () => {
        const { registrations } = await build({ targetType: "ip", targetPort: 8080 });
        const tg = named(registrations, "chat-staging-web-tg");
        assert.deepEqual([tg.inputs.targetType, tg.inputs.port], ["ip", 8080]);
        assert.deepEqual(rulesOf(registrations, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), ["tcp 8080-8080 10.0.0.0/16"]);
    });

    it("an app hostname the certificate does not cover is refused before anything is created", async () => {
        await assert.rejects(runWithMocks(() => new WebLoadBalancer("chat-staging-web", args({ appHostname: "app.other.org" }))), /not covered by the certificate/);
    });
});

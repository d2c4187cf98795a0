import * as assert from "node:assert/strict";
import { buildStack, type ContainerPlatformOutputs } from "../../../components/program";
import { mtlsDashboardBody, mtlsMonthlyCost, mtlsServiceSettings } from "../../../components/mtls/rules";
import { type Registration } from "../../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";
import { type RawConfig, settingsFrom } from "../../helpers/settings";
import { PROD } from "../phase3/settings";

const MTLS: RawConfig = { ...PROD, phase: 3, mtlsApi: true, mtlsClients: ["partner-a", "partner-b"], mtlsClientCidrs: ["198.51.100.0/24"] };

interface Built { outputs: ContainerPlatformOutputs; registrations: Registration[] }

async function build(raw: RawConfig = {}): Promise<Built> {
    const settings = settingsFrom({ ...MTLS, ...raw }, { stack: "prod" });
    const { result, registrations } = await runWithMocks(() => buildStack(settings), { stack: "prod" });
    return { outputs: result as ContainerPlatformOutputs, registrations };
}

/** `<protocol> <port> <peer>` of a group's rules of one direction. */
function rulesOf(registrations: Registration[], direction: "Ingress" | "Egress", group: string): string[] {
    return ofType(registrations, `aws:vpc/securityGroup${direction}Rule:SecurityGroup${direction}Rule`)
        .filter((r) => r.name.startsWith(`${group}-`))
        .map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort} ${r.inputs.cidrIpv4 ?? `sg:${r.inputs.referencedSecurityGroupId}`}`)
        .sort();
}

describe("MtlsApi (seed 002) under mocks", function () {
    this.timeout(120_000);
    let built: Built;
    before(async () => { built = await build(); });

    it("is selectable in a phase-3 stack and absent unless selected", async () => {
        assert.equal(ofType(built.registrations, "stagecraft:mtls:MtlsApi").length, 1);
        const plain = await build({ mtlsApi: false });
        assert.equal(ofType(plain.registrations, "stagecraft:mtls:MtlsApi").length, 0);
        assert.equal(plain.outputs.mtls, undefined);
    });

    describe("network load balancer", () => {
        it("is an internet-facing NLB in the public subnets with its own security group", () => {
            const nlb = named(built.registrations, "chat-prod-mtls-nlb").inputs;
            assert.deepEqual([nlb.loadBalancerType, nlb.internal, nlb.enableCrossZoneLoadBalancing], ["network", false, true]);
            assert.equal(nlb.subnets.length, 2);
            assert.deepEqual(nlb.securityGroups, ["chat-prod-mtls-nlb-sg-id"]);
            assert.equal(nlb.enableDeletionProtection, true, "prod protects it");
        });

        it("listens on TCP 443 and passes TLS through: no certificate, no TLS policy", () => {
            const listener = named(built.registrations, "chat-prod-mtls-tcp-443").inputs;
            assert.deepEqual([listener.port, listener.protocol], [443, "TCP"]);
            assert.equal(listener.certificateArn, undefined);
            assert.equal(listener.sslPolicy, undefined);
        });

        it("checks the gateway tasks (ip targets on 443) over HTTPS on /health", () => {
            const tg = named(built.registrations, "chat-prod-mtls-gateway-tg").inputs;
            assert.deepEqual([tg.port, tg.protocol, tg.targetType], [443, "TCP", "ip"]);
            assert.deepEqual([tg.healthCheck.protocol, tg.healthCheck.path, tg.healthCheck.matcher], ["HTTPS", "/health", "200"]);
        });

        it("is reached at mtls.example.com", async () => {
            assert.equal(named(built.registrations, "chat-prod-mtls-alias").inputs.name, "mtls.example.com");
            assert.equal(built.outputs.mtls?.url, "https://mtls.example.com");
        });
    });

    describe("the security-group chain: clients → NLB → gateway → API", () => {
        it("NLB: 443 from the configured client ranges in, only to the gateway tasks out", () => {
            assert.deepEqual(rulesOf(built.registrations, "Ingress", "chat-prod-mtls-nlb-sg"), ["tcp 443 198.51.100.0/24"]);
            assert.deepEqual(rulesOf(built.registrations, "Egress", "chat-prod-mtls-nlb-sg"), ["tcp 443 sg:chat-prod-mtls-gateway-sg-id"]);
        });

        it("gateway: 443 from the NLB's group only; out to the API's port and HTTPS (image pulls, secrets)", () => {
            assert.deepEqual(rulesOf(built.registrations, "Ingress", "chat-prod-mtls-gateway-sg"), ["tcp 443 sg:chat-prod-mtls-nlb-sg-id"]);
            assert.deepEqual(rulesOf(built.registrations, "Egress", "chat-prod-mtls-gateway-sg"), ["tcp 443 0.0.0.0/0", "tcp 8080 sg:chat-prod-mtls-api-sg-id"]);
        });

        it("API: its port from the gateway's group only, nothing else in", () => {
            assert.deepEqual(rulesOf(built.registrations, "Ingress", "chat-prod-mtls-api-sg"), ["tcp 8080 sg:chat-prod-mtls-gateway-sg-id"]);
        });
    });

    describe("services", () => {
        const serviceNamed = (name: string) => ofType(built.registrations, "aws:ecs/service:Service").find((s) => s.inputs.name === name)!.inputs;

        it("run 2 tasks each in private subnets without public IPs", () => {
            for (const name of ["mtls-gateway", "mtls-api"]) {
                const service = serviceNamed(name);
                assert.equal(service.desiredCount, 2, name);
                assert.equal(service.networkConfiguration.assignPublicIp, false, name);
            }
        });

        it("register the gateway in the NLB's target group and the API in Cloud Map", () => {
            assert.deepEqual(serviceNamed("mtls-gateway").loadBalancers.map((l: { containerPort: number }) => l.containerPort), [443]);
            assert.deepEqual(serviceNamed("mtls-api").loadBalancers, []);
            assert.match(serviceNamed("mtls-api").serviceRegistries.registryArn, /servicediscovery/);
        });

        it("name the API api.chat-prod.internal in a private DNS namespace (A records, multivalue)", () => {
            assert.equal(named(built.registrations, "chat-prod-mtls-namespace").inputs.name, "chat-prod.internal");
            const discovery = named(built.registrations, "chat-prod-mtls-api-discovery").inputs;
            assert.equal(discovery.name, "api");
            assert.deepEqual(discovery.dnsConfig.dnsRecords, [{ type: "A", ttl: 10 }]);
            assert.equal(discovery.dnsConfig.routingPolicy, "MULTIVALUE");
        });

        it("give the gateway its key and certificates from Secrets Manager, never in the environment, and the generated nginx config", () => {
            const [container] = JSON.parse(ofType(built.registrations, "aws:ecs/taskDefinition:TaskDefinition")
                .find((t) => t.inputs.family === "chat-prod-mtls-gateway")!.inputs.containerDefinitions);
            assert.deepEqual(container.secrets.map((s: { name: string }) => s.name), ["MTLS_CA_CERT_PEM", "MTLS_SERVER_CERT_PEM", "MTLS_SERVER_KEY_PEM"]);
            assert.ok(container.secrets.every((s: { valueFrom: string }) => /^arn:aws:secretsmanager:/.test(s.valueFrom)));
            assert.deepEqual(container.environment.map((e: { name: string }) => e.name), ["NGINX_CONF_B64"]);
            assert.match(Buffer.from(container.environment[0].value, "base64").toString(), /ssl_verify_client optional;/);
            assert.equal(container.command[0], "/bin/sh");
            assert.equal(container.readonlyRootFilesystem, true);
            assert.equal(container.privileged, false);
        });

        it("log to /ecs/chat-prod/nginx and /ecs/chat-prod/mtls-api with the stack's retention", () => {
            for (const group of ["/ecs/chat-prod/nginx", "/ecs/chat-prod/mtls-api"]) {
                const log = ofType(built.registrations, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === group);
                assert.equal(log?.inputs.retentionInDays, 365, group);
            }
        });
    });

    describe("certificates", () => {
        it("issue a CA, a server certificate for mtls.example.com and one client certificate per partner, all ECDSA P-256", () => {
            assert.equal(ofType(built.registrations, "tls:index/selfSignedCert:SelfSignedCert")[0].inputs.isCaCertificate, true);
            const csrs = ofType(built.registrations, "tls:index/certRequest:CertRequest").map((c) => c.inputs.subject.commonName).sort();
            assert.deepEqual(csrs, ["mtls.example.com", "partner-a", "partner-b"]);
            assert.ok(ofType(built.registrations, "tls:index/privateKey:PrivateKey").every((k) => k.inputs.algorithm === "ECDSA" && k.inputs.ecdsaCurve === "P256"));
            const uses = Object.fromEntries(ofType(built.registrations, "tls:index/locallySignedCert:LocallySignedCert").map((c) => [c.name, c.inputs.allowedUses]));
            assert.ok(uses["chat-prod-mtls-certs-server-cert"].includes("server_auth"));
            assert.ok(uses["chat-prod-mtls-certs-client-partner-a-cert"].includes("client_auth"));
        });

        it("store keys and certificates in Secrets Manager under the platform key, client bundles per partner", async () => {
            const names = ofType(built.registrations, "aws:secretsmanager/secret:Secret").map((s) => s.inputs.name).filter((n) => /mtls/.test(n)).sort();
            assert.deepEqual(names, ["chat-prod/mtls/ca-cert", "chat-prod/mtls/client/partner-a", "chat-prod/mtls/client/partner-b", "chat-prod/mtls/server-cert", "chat-prod/mtls/server-key"]);
            assert.ok(ofType(built.registrations, "aws:secretsmanager/secret:Secret").filter((s) => /mtls/.test(s.inputs.name)).every((s) => /^arn:aws:kms:/.test(s.inputs.kmsKeyId)));
            assert.deepEqual(Object.keys(built.outputs.mtls!.clientSecretArns).sort(), ["partner-a", "partner-b"]);
        });

        it("with mtlsCertificateAuthority acm-pca: an AWS Private CA (protected) signs the server and client certificates", async () => {
            const { registrations } = await build({ mtlsCertificateAuthority: "acm-pca" });
            const [ca] = ofType(registrations, "aws:acmpca/certificateAuthority:CertificateAuthority");
            assert.equal(ca.inputs.type, "ROOT");
            assert.equal(ca.inputs.certificateAuthorityConfiguration.keyAlgorithm, "EC_prime256v1");
            const templates = ofType(registrations, "aws:acmpca/certificate:Certificate").map((c) => c.inputs.templateArn.split("/")[1]).sort();
            assert.deepEqual(templates, ["EndEntityClientAuthCertificate", "EndEntityClientAuthCertificate", "EndEntityServerAuthCertificate", "RootCACertificate"]);
            assert.equal(ofType(registrations, "tls:index/selfSignedCert:SelfSignedCert").length, 0);
        });
    });

    it("keeps both images in ECR repositories with scan on push and immutable tags", () => {
        const repos = ofType(built.registrations, "aws:ecr/repository:Repository").filter((r) => /mtls/.test(r.inputs.name));
        assert.deepEqual(repos.map((r) => r.inputs.name).sort(), ["chat-prod/mtls-api", "chat-prod/mtls-gateway"]);
        assert.ok(repos.every((r) => r.inputs.imageScanningConfiguration.scanOnPush === true && r.inputs.imageTagMutability === "IMMUTABLE"));
    });

    it("has no web ACL of its own (WAF cannot inspect TLS passthrough on an NLB)", () => {
        const associations = ofType(built.registrations, "aws:wafv2/webAclAssociation:WebAclAssociation");
        assert.ok(associations.every((a) => !/mtls/.test(String(a.inputs.resourceArn))));
    });

    it("draws the dashboard with the NLB's flows and health and both services' CPU, memory and running tasks", async () => {
        const body = JSON.parse(named(built.registrations, "chat-prod-mtls-dashboard").inputs.dashboardBody);
        const metrics = body.widgets.flatMap((w: { properties: { metrics?: unknown[][] } }) => (w.properties.metrics ?? []).map((m) => `${m[0]} ${m[1]}`));
        for (const m of ["AWS/NetworkELB ActiveFlowCount", "AWS/NetworkELB NewFlowCount", "AWS/NetworkELB HealthyHostCount", "AWS/ECS CPUUtilization", "AWS/ECS MemoryUtilization", "ECS/ContainerInsights RunningTaskCount"]) {
            assert.ok(metrics.includes(m), m);
        }
        assert.equal(await valueOf(built.outputs.mtls!.dashboardName), "chat-prod-mtls");
    });
});

describe("mTLS decisions (pure)", () => {
    it("never runs fewer than two tasks of either service", () => {
        const s = mtlsServiceSettings({ gatewayCount: 2, apiCount: 3, apiCpu: 512, apiMemory: 1024, environment: { PORT: "8080" } });
        assert.deepEqual([s.gateway.minCount, s.gateway.maxCount, s.api.minCount, s.api.maxCount], [2, 6, 3, 9]);
        assert.deepEqual([s.gateway.cpu, s.gateway.memory], [256, 512]);
    });

    it("costs about $83 a month by default, $400 more with AWS Private CA", () => {
        const s = mtlsServiceSettings({ gatewayCount: 2, apiCount: 2, apiCpu: 512, apiMemory: 1024, environment: {} });
        const base = mtlsMonthlyCost({ ...s, availabilityZones: 2, clients: 2, privateCa: false });
        assert.ok(base.totalUsd > 80 && base.totalUsd < 90, String(base.totalUsd));
        assert.equal(mtlsMonthlyCost({ ...s, availabilityZones: 2, clients: 2, privateCa: true }).totalUsd, Math.round((base.totalUsd + 400) * 100) / 100);
    });

    it("the dashboard places its four widgets in two columns", () => {
        const body = mtlsDashboardBody({ region: "us-east-1", loadBalancer: "net/a/1", targetGroup: "targetgroup/b/2", clusterName: "c", gatewayService: "g", apiService: "a" });
        assert.deepEqual(body.widgets.map((w) => [w.x, w.y]), [[0, 0], [12, 0], [0, 6], [12, 6]]);
    });
});

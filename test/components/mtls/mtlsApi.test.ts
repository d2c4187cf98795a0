import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { parseMtlsSettings } from "../../../components/config/mtls";
import { FargateService } from "../../../components/blocks/containers/fargateService";
import { GeneratedSecret } from "../../../components/blocks/data/generatedSecret";
import { MtlsCertificates } from "../../../components/architectures/mtls/certificates";
import { MtlsApi } from "../../../components/architectures/mtls/mtlsApi";
import { buildStack, type ContainerPlatformOutputs } from "../../../components/architectures/program";
import { gatewayTargetGroupSettings } from "../../../components/architectures/mtls/traffic";
import { mtlsAlarmSpecs } from "../../../components/architectures/mtls/alarms";
import { mtlsDashboardBody } from "../../../components/architectures/mtls/dashboard";
import { mtlsMonthlyCost } from "../../../components/architectures/mtls/cost";
import { mtlsServiceSettings } from "../../../components/architectures/mtls/services";
import { StagecraftError } from "../../../components/lib/errors";
import { type Registration } from "../../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../../helpers/pulumi";
import { type RawConfig, readerFor, settingsFrom } from "../../helpers/settings";
import { PROD } from "../phase3/settings";

const MTLS: RawConfig = { ...PROD, phase: 3, mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClients: ["partner-a", "partner-b"], mtlsClientCidrs: ["198.51.100.0/24"] };

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

        it("checks the gateway tasks (ip targets on 443) over HTTPS on /health every 10 s", () => {
            const tg = named(built.registrations, "chat-prod-mtls-gateway-tg").inputs;
            assert.deepEqual([tg.port, tg.protocol, tg.targetType], [443, "TCP", "ip"]);
            assert.deepEqual([tg.healthCheck.protocol, tg.healthCheck.path, tg.healthCheck.port, tg.healthCheck.matcher], ["HTTPS", "/health", "traffic-port", "200"]);
            assert.deepEqual([tg.healthCheck.interval, tg.healthCheck.healthyThreshold, tg.healthCheck.unhealthyThreshold], [10, 2, 2]);
        });

        it("hides the clients' addresses from the tasks' security group (preservation off) and hands them to nginx in a PROXY v2 header", () => {
            const tg = named(built.registrations, "chat-prod-mtls-gateway-tg").inputs;
            assert.equal(tg.preserveClientIp, "false");
            assert.equal(tg.proxyProtocolV2, true);
            const [container] = JSON.parse(ofType(built.registrations, "aws:ecs/taskDefinition:TaskDefinition")
                .find((t) => t.inputs.family === "chat-prod-mtls-gateway")!.inputs.containerDefinitions);
            assert.match(Buffer.from(container.environment[0].value, "base64").toString(), /listen 443 ssl proxy_protocol;/);
        });

        it("is reached at mtls.example.com", async () => {
            assert.equal(named(built.registrations, "chat-prod-mtls-alias").inputs.name, "mtls.example.com");
            assert.equal(await valueOf(built.outputs.mtls!.url), "https://mtls.example.com");
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
            const secrets = ofType(built.registrations, "aws:secretsmanager/secret:Secret").filter((s) => /mtls/.test(s.inputs.namePrefix ?? ""));
            assert.deepEqual(secrets.map((s) => s.inputs.namePrefix).sort(), [
                "chat-prod/mtls/ca-cert-", "chat-prod/mtls/client/partner-a-", "chat-prod/mtls/client/partner-b-", "chat-prod/mtls/server-cert-", "chat-prod/mtls/server-key-",
            ]);
            assert.ok(secrets.every((s) => /^arn:aws:kms:/.test(s.inputs.kmsKeyId)));
            assert.deepEqual(Object.keys(built.outputs.mtls!.clientSecretArns).sort(), ["partner-a", "partner-b"]);
        });

        it("put each partner's certificate, key and the CA in its bundle, and the server key alone in the gateway's", () => {
            const stored = (name: string) => named(built.registrations, `${name}-version`).inputs.secretString as string;
            const bundle = JSON.parse(stored("chat-prod-mtls-certs-client-partner-a"));
            assert.deepEqual(Object.keys(bundle).sort(), ["ca", "certificate", "privateKey"]);
            assert.match(bundle.privateKey, /^-----BEGIN PRIVATE KEY-----/);
            assert.match(bundle.certificate, /^-----BEGIN CERTIFICATE-----/);
            assert.equal(bundle.ca, stored("chat-prod-mtls-certs-ca-cert"));
            assert.notEqual(JSON.parse(stored("chat-prod-mtls-certs-client-partner-b")).privateKey, bundle.privateKey, "a key per partner");
            assert.match(stored("chat-prod-mtls-certs-server-key"), /^-----BEGIN PRIVATE KEY-----\n[^-]+\n-----END PRIVATE KEY-----\n$/);
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

describe("MtlsApi on its own (under mocks)", function () {
    this.timeout(60_000);
    const settings = () => {
        const read = readerFor({ mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClientCidrs: ["0.0.0.0/0"], mtlsClients: ["partner-a"] });
        const parsed = parseMtlsSettings(read, 3, { appSubdomain: "app", cdnSubdomain: "cdn", websocketSubdomain: "ws", tenantSubdomain: "tenant" });
        assert.deepEqual(read.problems, []);
        return parsed!;
    };
    const foundation = {
        vpcId: pulumi.output("vpc-1"),
        publicSubnetIds: pulumi.output(["subnet-pub-a", "subnet-pub-b"]),
        privateSubnetIds: pulumi.output(["subnet-priv-a", "subnet-priv-b"]),
        clusterArn: pulumi.output("arn:aws:ecs:us-east-1:123456789012:cluster/chat-test"),
        clusterName: pulumi.output("chat-test"),
        keyArn: pulumi.output("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        alertTopicArn: pulumi.output("arn:aws:sns:us-east-1:123456789012:chat-test-alerts"),
    };
    const base = { namePrefix: "chat-test", appName: "chat", environment: "test", region: "us-east-1", foundation, apiImageTag: "abc1234", logRetentionDays: 30, protectStateful: false, tags: { project: "chat" } };

    it("without a domain: no alias, the server certificate names the NLB's DNS name, and so does the URL", async () => {
        let api: MtlsApi | undefined;
        const { registrations } = await runWithMocks(() => { api = new MtlsApi("chat-test-mtls", { ...base, settings: settings() }); });
        assert.equal(ofType(registrations, "aws:route53/record:Record").length, 0);
        const dnsName = await valueOf(api!.loadBalancerDnsName);
        assert.match(dnsName, /\.elb\.amazonaws\.com$/);
        const server = named(registrations, "chat-test-mtls-certs-server-csr").inputs;
        assert.deepEqual([server.subject.commonName, server.dnsNames], [dnsName, [dnsName]]);
        assert.equal(await valueOf(api!.url), `https://${dnsName}`);
    });

    it("opens 443 to any address only when the settings say so", async () => {
        const { registrations } = await runWithMocks(() => new MtlsApi("chat-test-mtls", { ...base, settings: settings(), domain: "example.com", hostedZoneId: "Z0123456789EXAMPLE01" }));
        const ingress = ofType(registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.startsWith("chat-test-mtls-nlb-sg-"));
        assert.deepEqual(ingress.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4]), [[443, 443, "0.0.0.0/0"]]);
        assert.equal(named(registrations, "chat-test-mtls-nlb").inputs.enableDeletionProtection, false, "protectStateful off");
    });

    it("keeps every private key a Pulumi secret wherever it flows, and only where it must", async () => {
        const props: { where: string; value: pulumi.Output<unknown> }[] = [];
        const capture: pulumi.ResourceTransformation = (a) => {
            for (const [prop, value] of Object.entries(a.props)) props.push({ where: `${a.type.split(":").pop()} ${a.name}.${prop}`, value: pulumi.output(value) });
            return undefined;
        };
        await runWithMocks(() => new MtlsApi("chat-test-mtls", { ...base, settings: settings() }, { transformations: [capture] }));
        const holders: string[] = [];
        for (const p of props) {
            if (!JSON.stringify((await valueOf(p.value)) ?? null).includes("PRIVATE KEY")) continue;
            holders.push(p.where);
            assert.equal(await pulumi.isSecret(p.value), true, p.where);
        }
        assert.deepEqual(holders.sort(), [
            "CertRequest chat-test-mtls-certs-client-partner-a-csr.privateKeyPem",
            "CertRequest chat-test-mtls-certs-server-csr.privateKeyPem",
            "LocallySignedCert chat-test-mtls-certs-client-partner-a-cert.caPrivateKeyPem",
            "LocallySignedCert chat-test-mtls-certs-server-cert.caPrivateKeyPem",
            "SecretVersion chat-test-mtls-certs-client-partner-a-version.secretString",
            "SecretVersion chat-test-mtls-certs-server-key-version.secretString",
            "SelfSignedCert chat-test-mtls-certs-ca.privateKeyPem",
        ], "keys reach only the signing resources and Secrets Manager: never a task definition, an environment variable or a tag");
    });

    it("alarms to the platform's topic when no gateway task is healthy, one is failing, or no API task runs", async () => {
        const { registrations } = await runWithMocks(() => new MtlsApi("chat-test-mtls", { ...base, settings: settings() }));
        const alarms = ofType(registrations, "aws:cloudwatch/metricAlarm:MetricAlarm");
        assert.deepEqual(alarms.map((a) => a.inputs.name).sort(), ["chat-test-mtls-no-api-task", "chat-test-mtls-no-healthy-gateway", "chat-test-mtls-unhealthy-gateway"]);
        const topic = "arn:aws:sns:us-east-1:123456789012:chat-test-alerts";
        for (const alarm of alarms) assert.deepEqual([alarm.inputs.alarmActions, alarm.inputs.okActions], [[topic], [topic]], alarm.inputs.name);
        const healthy = alarms.find((a) => a.inputs.name === "chat-test-mtls-no-healthy-gateway")!.inputs;
        assert.deepEqual([healthy.namespace, healthy.metricName, healthy.comparisonOperator, healthy.threshold, healthy.treatMissingData], ["AWS/NetworkELB", "HealthyHostCount", "LessThanThreshold", 1, "breaching"]);
        assert.match(healthy.dimensions.LoadBalancer, /^net\//);
        assert.match(healthy.dimensions.TargetGroup, /^targetgroup\//);
    });
});

describe("MtlsCertificates (under mocks)", function () {
    this.timeout(60_000);
    const args = {
        namePrefix: "chat-test", serverDnsNames: ["mtls.example.com"], clients: ["partner-a", "partner-b"], validityDays: 30,
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", tags: {},
    };

    it("stores a given value as a secret even when it arrives in plain text (GeneratedSecret)", async () => {
        let secret: GeneratedSecret | undefined;
        const { registrations } = await runWithMocks(() => { secret = new GeneratedSecret("s", { namePrefix: "x/", description: "d", value: "plain", tags: {} }); });
        assert.equal(await pulumi.isSecret(secret!.value), true);
        assert.equal(ofType(registrations, "random:index/randomPassword:RandomPassword").length, 0, "nothing generated");
        assert.equal(named(registrations, "s-version").inputs.secretString, "plain");
    });

    it("signs with 30-day certificates under a 300-day CA, and renews early", async () => {
        const { registrations } = await runWithMocks(() => new MtlsCertificates("c", args));
        assert.equal(ofType(registrations, "tls:index/selfSignedCert:SelfSignedCert")[0].inputs.validityPeriodHours, 300 * 24);
        for (const cert of ofType(registrations, "tls:index/locallySignedCert:LocallySignedCert")) {
            assert.equal(cert.inputs.validityPeriodHours, 30 * 24, cert.name);
            assert.equal(cert.inputs.earlyRenewalHours, 30 * 24 / 4, cert.name);
        }
    });

    it("protects the AWS Private CA only when asked (deleting it voids every certificate it issued)", async () => {
        for (const protect of [true, false]) {
            let seen: boolean | undefined;
            const capture: pulumi.ResourceTransformation = (a) => {
                if (a.type === "aws:acmpca/certificateAuthority:CertificateAuthority") seen = a.opts.protect;
                return undefined;
            };
            await runWithMocks(() => new MtlsCertificates("c", { ...args, authority: "acm-pca", protect }, { transformations: [capture] }));
            assert.equal(seen, protect);
        }
    });
});

describe("FargateService behind an NLB", () => {
    it("refuses request-count scaling, which only an ALB measures", () => {
        const settings = mtlsServiceSettings({ gatewayCount: 2, apiCount: 2, apiCpu: 512, apiMemory: 1024, environment: {} }).gateway;
        assert.throws(() => new FargateService("gw", {
            settings: { ...settings, requestsPerTarget: 100 },
            family: "gw", clusterArn: "c", clusterName: "c", vpcId: "v", subnetIds: [], containerPort: 443,
            loadBalancer: { type: "network", targetGroupArn: "tg", targetGroupArnSuffix: "targetgroup/x/1", loadBalancerArnSuffix: "net/x/1", securityGroupId: "sg" },
            repositoryArn: "r", repositoryUrl: "u", imageTag: "t", egressPorts: [443], logGroupName: "/ecs/x", logRetentionDays: 30, region: "us-east-1", tags: {},
        }), (e: Error) => e instanceof StagecraftError && /NLB scales on CPU only/.test(e.message));
    });
});

describe("mTLS decisions (pure)", () => {
    it("never runs fewer than two tasks of either service", () => {
        const s = mtlsServiceSettings({ gatewayCount: 2, apiCount: 3, apiCpu: 512, apiMemory: 1024, environment: { PORT: "8080" } });
        assert.deepEqual([s.gateway.minCount, s.gateway.maxCount, s.api.minCount, s.api.maxCount], [2, 6, 3, 9]);
        assert.deepEqual([s.gateway.cpu, s.gateway.memory], [256, 512]);
    });

    it("costs about $89 a month with two partners, $400 more with AWS Private CA", () => {
        const s = mtlsServiceSettings({ gatewayCount: 2, apiCount: 2, apiCpu: 512, apiMemory: 1024, environment: {} });
        const base = mtlsMonthlyCost({ ...s, availabilityZones: 2, clients: 2, privateCa: false });
        assert.equal(base.totalUsd, 88.57);
        assert.deepEqual(base.items.map((i) => i.usd), [18.02, 36.04, 20.81, 7.3, 1.1, 2, 3.3]);
        assert.equal(mtlsMonthlyCost({ ...s, availabilityZones: 2, clients: 2, privateCa: true }).totalUsd, Math.round((base.totalUsd + 400) * 100) / 100);
    });

    it("the target group's health check and the nginx listener agree on PROXY protocol", () => {
        const tg = gatewayTargetGroupSettings("/health");
        assert.equal(tg.proxyProtocolV2, true);
        assert.equal(tg.preserveClientIp, "false");
        assert.ok(tg.healthCheck.timeout < tg.healthCheck.interval, "an NLB needs the timeout below the interval");
    });

    it("alarms watch the NLB's target group and the API's running tasks", () => {
        const specs = mtlsAlarmSpecs({ loadBalancer: "net/a/1", targetGroup: "targetgroup/b/2", clusterName: "c", apiService: "mtls-api" });
        assert.deepEqual(specs.map((s) => `${s.metric!.namespace} ${s.metric!.metricName}`), [
            "AWS/NetworkELB HealthyHostCount", "AWS/NetworkELB UnHealthyHostCount", "ECS/ContainerInsights RunningTaskCount",
        ]);
    });

    it("the dashboard places its four widgets in two columns", () => {
        const body = mtlsDashboardBody({ region: "us-east-1", loadBalancer: "net/a/1", targetGroup: "targetgroup/b/2", clusterName: "c", gatewayService: "g", apiService: "a" });
        assert.deepEqual(body.widgets.map((w) => [w.x, w.y]), [[0, 0], [12, 0], [0, 6], [12, 6]]);
    });
});

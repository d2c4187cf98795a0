import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { MTLS_GATEWAY_LOG_NAME, MTLS_SERVICE_NAMES, type MtlsSettings } from "../../config/mtls";
import { ContainerRepository } from "../../blocks/containers/containerRepository";
import { FargateService } from "../../blocks/containers/fargateService";
import { type CpuArchitecture } from "../../lib/fargate";
import { repositoryName } from "../../blocks/containers/taskDefinition";
import { type PlatformFoundation } from "../phase3/containerPlatform";
import { RuleSetGroup } from "../../blocks/security/securityGroup";
import { metricAlarm } from "../../blocks/observability/metricAlarm";
import { tagsFor } from "../../blocks/shared/tags";
import { MtlsCertificates } from "./certificates";
import { apiPrivateHostname, GATEWAY_VARIABLES, gatewayCommand, gatewayNginxConfig } from "./nginxConfig";
import { mtlsIntents } from "./intents";
import { GATEWAY_PEER, GATEWAY_PORT, gatewayTargetGroupSettings, nlbEgress, nlbIngress } from "./traffic";
import { mtlsAlarmSpecs } from "./alarms";
import { mtlsDashboardBody } from "./dashboard";
import { mtlsServiceSettings } from "./services";

/** What MtlsApi uses of the phase-3 platform (ContainerPlatform.foundation has it all). */
export type MtlsPlatform = Pick<PlatformFoundation, "vpcId" | "publicSubnetIds" | "privateSubnetIds" | "clusterArn" | "clusterName" | "keyArn" | "alertTopicArn">;

export interface MtlsApiArgs {
    /** `<app>-<env>`: names of everything here. Changing it replaces everything. */
    namePrefix: string;
    /** App name and environment: the repositories are `<app>-<env>/mtls-gateway` and `/mtls-api`. */
    appName: string;
    /** See appName. */
    environment: string;
    /** Region of the log groups, the dashboard and the secrets. */
    region: string;
    /** Counts, ports, clients, client CIDRs, certificate authority (config/mtls.ts). */
    settings: MtlsSettings;
    /**
     * The phase-3 platform: VPC and subnets (NLB public, tasks private), cluster, KMS key of the
     * secrets, and the topic the alarms notify.
     */
    foundation: MtlsPlatform;
    /**
     * Apex domain: the gateway is `<subdomain>.<domain>` and its server certificate names it.
     * Without one, the certificate names the NLB's DNS name and partners call that.
     * @default undefined
     */
    domain?: string;
    /** Route53 zone of the domain, for the gateway's alias; without it, point a record at `loadBalancerDnsName` yourself. @default undefined */
    hostedZoneId?: string;
    /** Image tag of the API in its repository (the commit SHA). */
    apiImageTag: string;
    /** Both images exist in their repositories; false starts both services with zero tasks (FargateService imageReady). @default true */
    imageReady?: boolean;
    /** Path nginx answers without a client certificate (and the NLB checks). @default "/health" */
    healthPath?: string;
    /** CPU architecture of both images. @default "X86_64" */
    cpuArchitecture?: CpuArchitecture;
    /** Images kept per repository. @default 30 */
    ecrKeepImages?: number;
    /** Retention of the services' log groups, days. */
    logRetentionDays: number;
    /** Deletion protection on the NLB; the AWS Private CA protected from `pulumi destroy`. */
    protectStateful: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * Seed 002's mTLS API on the phase-3 platform:
 * 1. a Network Load Balancer in the public subnets (cross-zone, deletion protection with
 *    protectStateful), its own security group (TCP 443 from `mtlsClientCidrs` in, only to the
 *    gateway tasks out), a TCP 443 listener that passes TLS through untouched (no certificate,
 *    no TLS policy: the NLB never sees inside), a target group of the gateway tasks (see
 *    gatewayTargetGroupSettings: HTTPS health check on /health, PROXY protocol v2 for the
 *    partner's address), and `<subdomain>.<domain>` aliased to it;
 * 2. the nginx gateway service (2+ tasks, private subnets, no public IP), admitting 443 only
 *    from the NLB's group: it terminates TLS, asks for a client certificate
 *    (`ssl_verify_client optional`), answers /health to anyone and 403 to every other request
 *    without a verified certificate, and proxies the rest to the API with the certificate's
 *    subject in X-Client-DN (nginxConfig.ts). The stock nginx image runs it: the container's
 *    command writes the config (plain, base64 in the environment) and the PEMs (ECS secrets) to
 *    /tmp/mtls on the read-only root's scratch volume, then execs nginx;
 * 3. the API service (2+ tasks) admitting its port only from the gateway's group, registered in
 *    a Cloud Map private DNS namespace (`api.<prefix>.internal`, A records, multivalue);
 * 4. MtlsCertificates: CA (self-signed or AWS Private CA), server and client certificates; the
 *    gateway gets its key and certificates injected from Secrets Manager;
 * 5. ECR repositories for both images (scan on push, immutable tags), log groups
 *    `/ecs/<app>-<env>/nginx` and `/ecs/<app>-<env>/mtls-api` (the platform's own service owns
 *    `/ecs/<app>-<env>/api`), a dashboard (NLB flows and target health; ECS CPU, memory, running
 *    tasks) and three alarms to the platform's topic (mtlsAlarmSpecs).
 * No NLB access logs: AWS writes them for TLS listeners only, and a TCP passthrough listener has
 * none to write; nginx logs every request as JSON with the certificate check instead.
 * There is deliberately no WAF: a web ACL cannot sit on an NLB nor see inside TLS passthrough
 * (the policy pack's wafv2 rules flag an attempt); put an ALB in front where WAF is required.
 *
 * Cost (us-east-1, defaults, mtlsMonthlyCost): gateway 2 × 0.25 vCPU/0.5 GB $18.02, API
 * 2 × 0.5 vCPU/1 GB $36.04, NLB $16.43 + ~1 NLCU $4.38, two public IPv4 $7.30, Cloud Map $1.10,
 * secrets (3 + one per client) × $0.40, alarms and dashboard $3.30: about $89/month with two
 * partners, plus $400/month with AWS Private CA.
 */
export class MtlsApi extends pulumi.ComponentResource {
    /** `https://<subdomain>.<domain>`, or `https://<NLB DNS name>` without a domain. */
    readonly url: pulumi.Output<string>;
    readonly loadBalancerDnsName: pulumi.Output<string>;
    readonly gatewayServiceName: pulumi.Output<string>;
    readonly apiServiceName: pulumi.Output<string>;
    readonly repositoryUrls: { gateway: pulumi.Output<string>; api: pulumi.Output<string> };
    readonly caCertificatePem: pulumi.Output<string>;
    readonly clientSecretArns: Record<string, pulumi.Output<string>>;
    readonly dashboardName: pulumi.Output<string>;
    /** `api.<namespace>`: the API's private name. */
    readonly apiPrivateHostname: string;

    constructor(name: string, args: MtlsApiArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:mtls:MtlsApi", name, {}, opts);
        const child = { parent: this };
        const f = args.foundation;
        const s = args.settings;
        const prefix = args.namePrefix;
        const hostname = args.domain !== undefined ? `${s.subdomain}.${args.domain}` : undefined;
        const healthPath = args.healthPath ?? "/health";
        const sizes = mtlsServiceSettings({ gatewayCount: s.gatewayCount, apiCount: s.apiCount, apiCpu: s.apiCpu, apiMemory: s.apiMemory, environment: { PORT: String(s.apiPort) } });

        // 1. NLB: its group and the gateway's refer to each other, so one is resolved later.
        const gatewayGroup = pulumi.deferredOutput<string>();
        const nlbGroup = new RuleSetGroup(`${name}-nlb-sg`, {
            vpcId: f.vpcId,
            description: `${prefix} mTLS NLB: 443 from the clients, to the gateway tasks only`,
            ingress: nlbIngress(s.clientCidrs),
            egress: nlbEgress(),
            peers: { "gateway-tasks": gatewayGroup[0] },
            tags: args.tags,
        }, child);
        const nlb = new aws.lb.LoadBalancer(`${name}-nlb`, {
            name: `${prefix}-mtls`.slice(0, 32),
            loadBalancerType: "network",
            internal: false,
            subnets: f.publicSubnetIds,
            securityGroups: [nlbGroup.id],
            enableCrossZoneLoadBalancing: true,
            enableDeletionProtection: args.protectStateful,
            ipAddressType: "ipv4",
            tags: tagsFor(args.tags, `${prefix}-mtls`),
        }, child);
        const targetGroupSettings = gatewayTargetGroupSettings(healthPath);
        const targetGroup = new aws.lb.TargetGroup(`${name}-gateway-tg`, {
            name: `${prefix}-mtls-gw`.slice(0, 32),
            ...targetGroupSettings,
            vpcId: f.vpcId,
            tags: tagsFor(args.tags, `${prefix}-mtls-gw`),
        }, child);
        const listener = new aws.lb.Listener(`${name}-tcp-443`, {
            loadBalancerArn: nlb.arn,
            port: GATEWAY_PORT,
            protocol: "TCP",
            defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
            tags: tagsFor(args.tags, `${name}-tcp-443`),
        }, child);
        if (hostname !== undefined && args.hostedZoneId !== undefined) {
            new aws.route53.Record(`${name}-alias`, {
                zoneId: args.hostedZoneId,
                name: hostname,
                type: "A",
                aliases: [{ name: nlb.dnsName, zoneId: nlb.zoneId, evaluateTargetHealth: true }],
            }, child);
        }

        // 4. certificates: the server's names the public hostname, or the NLB's own name.
        const certificates = new MtlsCertificates(`${name}-certs`, {
            namePrefix: prefix,
            serverDnsNames: [hostname ?? nlb.dnsName],
            clients: s.clients,
            validityDays: s.certificateValidityDays,
            authority: s.certificateAuthority,
            kmsKeyArn: f.keyArn,
            protect: args.protectStateful,
            tags: args.tags,
        }, child);

        // 3. Cloud Map
        const namespace = new aws.servicediscovery.PrivateDnsNamespace(`${name}-namespace`, {
            name: `${prefix}.internal`,
            description: `${prefix} private service names`,
            vpc: f.vpcId,
            tags: tagsFor(args.tags, `${prefix}.internal`),
        }, child);
        const discovery = new aws.servicediscovery.Service(`${name}-api-discovery`, {
            name: "api",
            description: "The mTLS API's tasks",
            dnsConfig: {
                namespaceId: namespace.id,
                dnsRecords: [{ type: "A", ttl: 10 }],
                routingPolicy: "MULTIVALUE",
            },
            healthCheckCustomConfig: {},
            tags: tagsFor(args.tags, `${name}-api-discovery`),
        }, child);
        this.apiPrivateHostname = apiPrivateHostname(prefix);

        // 5. repositories
        const repository = (service: string) => new ContainerRepository(`${name}-${service}-repo`, {
            repositoryName: repositoryName(args.appName, args.environment, service),
            keepImages: args.ecrKeepImages,
            tags: args.tags,
        }, child);
        const gatewayRepo = repository(sizes.gateway.name);
        const apiRepo = repository(sizes.api.name);

        // 2. and 3. the services
        const apiGroup = pulumi.deferredOutput<string>();
        const common = {
            clusterArn: f.clusterArn,
            clusterName: f.clusterName,
            vpcId: f.vpcId,
            subnetIds: f.privateSubnetIds,
            egressPorts: [443],
            cpuArchitecture: args.cpuArchitecture,
            imageReady: args.imageReady,
            logRetentionDays: args.logRetentionDays,
            region: args.region,
            tags: args.tags,
        };
        const config = gatewayNginxConfig({ namePrefix: prefix, apiPort: s.apiPort, healthPath });
        const gateway = new FargateService(`${name}-gateway`, {
            ...common,
            settings: sizes.gateway,
            family: `${prefix}-mtls-gateway`,
            containerPort: GATEWAY_PORT,
            loadBalancer: {
                type: "network",
                targetGroupArn: targetGroup.arn,
                targetGroupArnSuffix: targetGroup.arnSuffix,
                loadBalancerArnSuffix: nlb.arnSuffix,
                securityGroupId: nlbGroup.id,
            },
            peers: [{ key: "mtls-api", port: s.apiPort, description: "The mTLS API", securityGroupId: apiGroup[0] }],
            repositoryArn: gatewayRepo.arn,
            repositoryUrl: gatewayRepo.repositoryUrl,
            imageTag: s.gatewayImageTag,
            environment: { [GATEWAY_VARIABLES.config]: Buffer.from(config).toString("base64") },
            secrets: [
                { name: GATEWAY_VARIABLES.serverKey, valueFrom: certificates.serverKeySecretArn, source: "secretsmanager" },
                { name: GATEWAY_VARIABLES.serverCertificate, valueFrom: certificates.serverCertificateSecretArn, source: "secretsmanager" },
                { name: GATEWAY_VARIABLES.caCertificate, valueFrom: certificates.caCertificateSecretArn, source: "secretsmanager" },
            ],
            secretKmsKeyArns: [f.keyArn],
            command: gatewayCommand(),
            logGroupName: `/ecs/${prefix}/${MTLS_GATEWAY_LOG_NAME}`,
        }, { parent: this, dependsOn: [listener] });
        gatewayGroup[1](gateway.securityGroupId);
        const api = new FargateService(`${name}-api`, {
            ...common,
            settings: sizes.api,
            family: `${prefix}-mtls-api`,
            containerPort: s.apiPort,
            ingressFrom: { key: GATEWAY_PEER, description: "the mTLS gateway", securityGroupId: gateway.securityGroupId },
            serviceRegistryArn: discovery.arn,
            repositoryArn: apiRepo.arn,
            repositoryUrl: apiRepo.repositoryUrl,
            imageTag: args.apiImageTag,
            logGroupName: `/ecs/${prefix}/${MTLS_SERVICE_NAMES.api}`,
        }, child);
        apiGroup[1](api.securityGroupId);

        // 5. dashboard and alarms
        const dashboard = new aws.cloudwatch.Dashboard(`${name}-dashboard`, {
            dashboardName: `${prefix}-mtls`,
            dashboardBody: pulumi.all([nlb.arnSuffix, targetGroup.arnSuffix, f.clusterName, gateway.serviceName, api.serviceName])
                .apply(([loadBalancer, tg, clusterName, gatewayService, apiService]) => JSON.stringify(mtlsDashboardBody({
                    region: args.region, loadBalancer, targetGroup: tg, clusterName, gatewayService, apiService,
                }))),
        }, child);
        for (const spec of mtlsAlarmSpecs<pulumi.Input<string>>({ loadBalancer: nlb.arnSuffix, targetGroup: targetGroup.arnSuffix, clusterName: f.clusterName, apiService: api.serviceName })) {
            metricAlarm(`${name}-alarm-${spec.key}`, { alarmName: `${prefix}-mtls-${spec.key}`, spec, topicArn: f.alertTopicArn, tags: args.tags }, child);
        }

        this.url = hostname !== undefined ? pulumi.output(`https://${hostname}`) : pulumi.interpolate`https://${nlb.dnsName}`;
        this.loadBalancerDnsName = nlb.dnsName;
        this.gatewayServiceName = gateway.serviceName;
        this.apiServiceName = api.serviceName;
        this.repositoryUrls = { gateway: gatewayRepo.repositoryUrl, api: apiRepo.repositoryUrl };
        this.caCertificatePem = certificates.caCertificatePem;
        this.clientSecretArns = certificates.clientSecretArns;
        this.dashboardName = dashboard.dashboardName;
        this.registerOutputs({
            // What must work and what must never work, proved by the offline check (docs/intents.md).
            intents: mtlsIntents({ name, apiPort: s.apiPort, clientCidrs: s.clientCidrs, gatewayService: sizes.gateway.name, apiService: sizes.api.name }),
            url: this.url,
            loadBalancerDnsName: this.loadBalancerDnsName,
            gatewayServiceName: this.gatewayServiceName,
            apiServiceName: this.apiServiceName,
            dashboardName: this.dashboardName,
        });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type MtlsSettings } from "../config/mtls";
import { ContainerRepository } from "../containers/containerRepository";
import { FargateService } from "../containers/fargateService";
import { type CpuArchitecture } from "../containers/sizing";
import { repositoryName } from "../containers/taskDefinition";
import { type PlatformFoundation } from "../phase3/containerPlatform";
import { RuleSetGroup } from "../security/securityGroup";
import { tagsFor } from "../shared/tags";
import { MtlsCertificates } from "./certificates";
import { GATEWAY_VARIABLES, gatewayCommand, nginxConfig } from "./nginxConfig";
import { GATEWAY_PEER, GATEWAY_PORT, mtlsDashboardBody, mtlsServiceSettings, nlbEgress, nlbIngress } from "./rules";

export interface MtlsApiArgs {
    /** `<app>-<env>`: names of everything here. */
    namePrefix: string;
    /** App name and environment: the repositories are `<app>-<env>/mtls-gateway` and `/mtls-api`. */
    appName: string;
    /** See appName. */
    environment: string;
    /** Region of the log groups, the dashboard and the secrets. */
    region: string;
    /** Counts, ports, clients, certificate authority (config/mtls.ts). */
    settings: MtlsSettings;
    /** The phase-3 platform: network, cluster, key (secrets), and where alarms go. */
    foundation: PlatformFoundation;
    /** Apex domain: the gateway is `<subdomain>.<domain>`. */
    domain: string;
    /** Route53 zone of the domain, for the gateway's alias. */
    hostedZoneId: string;
    /** Image tag of the API in its repository (the commit SHA). */
    apiImageTag: string;
    /** Path nginx answers without a client certificate (and the NLB checks). @default "/health" */
    healthPath?: string;
    /** CPU architecture of both images. @default "X86_64" */
    cpuArchitecture?: CpuArchitecture;
    /** Images kept per repository. @default 30 */
    ecrKeepImages?: number;
    /** Retention of the services' log groups, days. */
    logRetentionDays: number;
    /** Deletion protection on the NLB; AWS Private CA protected. */
    protectStateful: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * Seed 002's mTLS API on the phase-3 platform:
 * 1. a Network Load Balancer in the public subnets, its own security group (TCP 443 from
 *    `mtlsClientCidrs` in, only to the gateway tasks out), a TCP 443 listener that passes TLS
 *    through untouched, a target group of the gateway tasks checked over HTTPS on /health, and
 *    `<subdomain>.<domain>` aliased to it;
 * 2. the nginx gateway service (2+ tasks, private subnets, no public IP), admitting 443 only
 *    from the NLB's group: it terminates TLS, asks for a client certificate
 *    (`ssl_verify_client optional`), answers /health to anyone and 403 to every other request
 *    without a verified certificate, and proxies the rest to the API (nginxConfig.ts);
 * 3. the API service (2+ tasks) admitting its port only from the gateway's group, registered in
 *    a Cloud Map private DNS namespace (`api.<prefix>.internal`, A records, multivalue);
 * 4. MtlsCertificates: CA (self-signed or AWS Private CA), server and client certificates; the
 *    gateway gets its key and certificates injected from Secrets Manager;
 * 5. ECR repositories for both images (scan on push, immutable tags), log groups
 *    `/ecs/<app>-<env>/nginx` and `/ecs/<app>-<env>/mtls-api`, and a dashboard (NLB flows and
 *    target health; ECS CPU, memory, running tasks).
 * There is deliberately no WAF: a web ACL cannot sit on an NLB nor see inside TLS passthrough
 * (the policy pack's wafv2 rules flag an attempt); put an ALB in front where WAF is required.
 *
 * Cost (us-east-1, defaults): gateway 2 × 0.25 vCPU/0.5 GB $18.02, API 2 × 0.5 vCPU/1 GB $36.04,
 * NLB $16.43 + ~1 NLCU $4.38, two public IPv4 $7.30, secrets 3 + one per client × $0.40: about
 * $83/month (mtlsMonthlyCost), plus $400/month with AWS Private CA.
 */
export class MtlsApi extends pulumi.ComponentResource {
    readonly url: string;
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
        const hostname = `${s.subdomain}.${args.domain}`;
        const healthPath = args.healthPath ?? "/health";
        const sizes = mtlsServiceSettings({ gatewayCount: s.gatewayCount, apiCount: s.apiCount, apiCpu: s.apiCpu, apiMemory: s.apiMemory, environment: { PORT: String(s.apiPort) } });

        const certificates = new MtlsCertificates(`${name}-certs`, {
            namePrefix: prefix,
            serverDnsNames: [hostname],
            clients: s.clients,
            validityDays: s.certificateValidityDays,
            authority: s.certificateAuthority,
            kmsKeyArn: f.keyArn,
            tags: args.tags,
        }, child);

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
        const targetGroup = new aws.lb.TargetGroup(`${name}-gateway-tg`, {
            name: `${prefix}-mtls-gw`.slice(0, 32),
            port: GATEWAY_PORT,
            protocol: "TCP",
            targetType: "ip",
            vpcId: f.vpcId,
            deregistrationDelay: 30,
            healthCheck: {
                protocol: "HTTPS",
                path: healthPath,
                port: "traffic-port",
                matcher: "200",
                interval: 30,
                healthyThreshold: 3,
                unhealthyThreshold: 3,
            },
            tags: tagsFor(args.tags, `${prefix}-mtls-gw`),
        }, child);
        const listener = new aws.lb.Listener(`${name}-tcp-443`, {
            loadBalancerArn: nlb.arn,
            port: GATEWAY_PORT,
            protocol: "TCP",
            defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
            tags: tagsFor(args.tags, `${name}-tcp-443`),
        }, child);
        new aws.route53.Record(`${name}-alias`, {
            zoneId: args.hostedZoneId,
            name: hostname,
            type: "A",
            aliases: [{ name: nlb.dnsName, zoneId: nlb.zoneId, evaluateTargetHealth: true }],
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
        this.apiPrivateHostname = `api.${prefix}.internal`;

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
            logRetentionDays: args.logRetentionDays,
            region: args.region,
            tags: args.tags,
        };
        const config = nginxConfig({ listenPort: GATEWAY_PORT, apiHostname: this.apiPrivateHostname, apiPort: s.apiPort, healthPath });
        const gateway = new FargateService(`${name}-gateway`, {
            ...common,
            settings: sizes.gateway,
            family: `${prefix}-mtls-gateway`,
            containerPort: GATEWAY_PORT,
            loadBalancer: {
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
            logGroupName: `/ecs/${prefix}/nginx`,
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
            logGroupName: `/ecs/${prefix}/mtls-api`,
        }, child);
        apiGroup[1](api.securityGroupId);

        const dashboard = new aws.cloudwatch.Dashboard(`${name}-dashboard`, {
            dashboardName: `${prefix}-mtls`,
            dashboardBody: pulumi.all([nlb.arnSuffix, targetGroup.arnSuffix, f.clusterName, gateway.serviceName, api.serviceName])
                .apply(([loadBalancer, tg, clusterName, gatewayService, apiService]) => JSON.stringify(mtlsDashboardBody({
                    region: args.region, loadBalancer, targetGroup: tg, clusterName, gatewayService, apiService,
                }))),
        }, child);

        this.url = `https://${hostname}`;
        this.loadBalancerDnsName = nlb.dnsName;
        this.gatewayServiceName = gateway.serviceName;
        this.apiServiceName = api.serviceName;
        this.repositoryUrls = { gateway: gatewayRepo.repositoryUrl, api: apiRepo.repositoryUrl };
        this.caCertificatePem = certificates.caCertificatePem;
        this.clientSecretArns = certificates.clientSecretArns;
        this.dashboardName = dashboard.dashboardName;
        this.registerOutputs({
            loadBalancerDnsName: this.loadBalancerDnsName,
            gatewayServiceName: this.gatewayServiceName,
            apiServiceName: this.apiServiceName,
            dashboardName: this.dashboardName,
        });
    }
}

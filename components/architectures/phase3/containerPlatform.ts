import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { platformIntents } from "./intents";
import { publicFilesIntents } from "../../blocks/cdn/publicFiles";
import { UserPool } from "../../blocks/auth/userPool";
import { DnsValidatedCertificate } from "../../blocks/certificates/dnsValidatedCertificate";
import { type PlatformSettings, type ServiceSettings } from "../../config/platform";
import { type WebTierSettings } from "../../config/settings";
import { type WebSettings } from "../../config/web";
import { ContainerRepository } from "../../blocks/containers/containerRepository";
import { FargateService } from "../../blocks/containers/fargateService";
import { ecsLogGroupName, repositoryName } from "../../blocks/containers/taskDefinition";
import { GeneratedSecret } from "../../blocks/data/generatedSecret";
import { RedisCache } from "../../blocks/data/redisCache";
import { REDIS_PORT, replicationGroupId } from "../../blocks/data/redis";
import { SessionTable } from "../../blocks/data/sessionTable";
import { buildWebEdge } from "../../blocks/edge/webEdge";
import { type WebLoadBalancer } from "../../blocks/loadbalancer/webLoadBalancer";
import { type Network } from "../../blocks/network/network";
import { AlertTopic } from "../../blocks/observability/alertTopic";
import { HealthCheckAlarm } from "../../blocks/observability/healthCheck";
import { type AlarmSpec } from "../../blocks/observability/webAlarmRules";
import { WebSocketApi } from "../../blocks/realtime/websocketApi";
import { metricAlarm } from "../../blocks/observability/metricAlarm";
import { tagsFor } from "../../blocks/shared/tags";
import { type AppBuckets } from "../../blocks/storage/appBuckets";
import { cloudFrontWebAcl, WebFirewall } from "../../blocks/waf/webFirewall";
import { cacheNodeIds, platformAlarmSpecs } from "./alarms";
import { platformEnvironment, REDIS_TOKEN_VARIABLE, SESSION_SECRET_VARIABLE } from "./environment";
import { platformHostnames, tenantCertificateDomains } from "./hostnames";
import { platformKeyPolicy } from "./keyPolicy";
import { usEast1Provider } from "../../blocks/shared/providers";

/**
 * What the container platform is built from: the validated stack settings (config/settings.ts),
 * the phase-2 web settings (config/web.ts: subdomains, ALB, CDN, egress ports, alarm thresholds)
 * and the phase-3 platform settings (config/platform.ts). `dns.domain` is the apex domain and
 * `dns.hostedZoneId` its Route53 zone; both are required by the type (config/settings.ts WebTierSettings), and so is a NAT strategy.
 */
export type ContainerPlatformArgs = Pick<WebTierSettings,
    "region" | "environment" | "app" | "network" | "dns" | "storage" | "alertEmail" |
    "logRetentionDays" | "protectStateful" | "tags"> & { web: WebSettings; platform: PlatformSettings };

/** What later pieces built on the platform (the mTLS API, phase 4's tenants) attach to. */
export interface PlatformFoundation {
    vpcId: pulumi.Output<string>;
    /** Known at plan time (from config), so security-group rules built from it are too. */
    vpcCidrBlock: string;
    publicSubnetIds: pulumi.Output<string[]>;
    privateSubnetIds: pulumi.Output<string[]>;
    clusterArn: pulumi.Output<string>;
    clusterName: pulumi.Output<string>;
    /** The ALB: what tenant and app aliases point at. */
    loadBalancer: { dnsName: pulumi.Output<string>; zoneId: pulumi.Output<string> };
    /** Security groups of the platform's services, by service name (`api`, workers). */
    serviceSecurityGroupIds: Record<string, pulumi.Output<string>>;
    /** Task roles of the platform's services, by service name: what grants on later data attach to. */
    serviceTaskRoleNames: Record<string, pulumi.Output<string>>;
    /** The platform's customer-managed key (generated secrets, Redis at rest). */
    keyArn: pulumi.Output<string>;
    alertTopicArn: pulumi.Output<string>;
}


/**
 * Phase 3 (seed 001 "Produção"): the app as ECS Fargate services behind the load balancer,
 * with Redis, DynamoDB sessions, a WebSocket API, Cognito and WAF.
 * 1. network: awsx VPC with public and private subnets, NAT per natStrategy, S3/DynamoDB
 *    gateway endpoints; buckets uploads / static / backups as in phases 1-2, plus the ALB's
 *    access-log bucket; a customer-managed platform key (generated secrets, Redis at rest);
 * 2. WebLoadBalancer (targets of type "ip"): HTTPS with TLS 1.3 policy, HTTP → 301, apex +
 *    wildcard certificate, `app.<domain>` alias; a second certificate for `*.tenant.<domain>` on
 *    the HTTPS listener and the wildcard tenant alias (seed 001); deletion protection with
 *    protectStateful;
 * 3. WAF: a regional web ACL on the ALB (rate limit per IP, geo block, AWS managed groups, logs);
 *    with the CDN on (or publicPrefixes), StaticSiteCdn and PublicFilesCdn behind their own
 *    CLOUDFRONT ACL in us-east-1;
 * 4. Cognito user pool + SPA client; the sessions table; Redis (TLS, AUTH token generated into
 *    Secrets Manager, reachable only from the services' security groups);
 * 5. an ECS cluster with Container Insights; per service an ECR repository and a FargateService
 *    (private subnets, no public IP, secrets injected, circuit breaker, auto scaling); the `api`
 *    service in the ALB's target group;
 * 6. the realtime WebSocket API (Lambda handlers, `ws.<domain>`);
 * 7. an encrypted alert topic and alarms: 5xx rate, unhealthy tasks, service CPU/memory, Redis
 *    memory, realtime function errors; a Route53 HTTPS health check of app.<domain>/health with
 *    its alarm (in us-east-1, where Route53 publishes its metrics).
 * Stateful resources (uploads and backups buckets, Redis, the tables, the user pool) are
 * protected with protectStateful.
 * Deploys: push the image tagged with the commit SHA to the service's repository, set
 * `appImageTag` (or a worker's `tag=`) and run `pulumi up`; a failing release rolls back.
 *
 * Cost (us-east-1, 730 h, seed-sized prod: 2 api tasks of 1 vCPU/2 GB, Redis primary + replica
 * cache.t4g.small, NAT gateway per AZ in 2 AZs, CDN on): Fargate 2 × $36.04 = $72.08; Redis
 * $46.72; ALB $29.57; NAT $73.00; WAF 2 ACLs × (5 + 5 rules) = $20; KMS keys $2; secrets $0.80;
 * alarms $1.10 (8 × $0.10 + $0.30 for the metric-math 5xx alarm); Route53 HTTPS health check
 * $1.50 + its alarm $0.10; Container Insights about $5 (custom metrics per cluster, service and task);
 * DynamoDB, API Gateway, Lambda, Cognito (free to 10,000 MAU), logs and data transfer by use.
 * About $252/month before traffic ($246.87 from platformMonthlyCost + Container Insights), inside
 * seed 001's $500-2000 for phase 3.
 */
export class ContainerPlatform extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;
    readonly loadBalancerDnsName: pulumi.Output<string>;
    readonly clusterName: pulumi.Output<string>;
    /** ECS service names by platform service name (`api`, workers). */
    readonly serviceNames: Record<string, pulumi.Output<string>>;
    /** ECR repository URLs by service: push `<url>:<tag>` there. */
    readonly repositoryUrls: Record<string, pulumi.Output<string>>;
    /** Log groups of the services' containers, by service. */
    readonly serviceLogGroupNames: Record<string, pulumi.Output<string>>;
    /** wss://ws.<domain> */
    readonly websocketUrl: pulumi.Output<string>;
    /** wss://<api id>.execute-api.<region>.amazonaws.com/<stage> */
    readonly websocketApiUrl: pulumi.Output<string>;
    readonly userPoolId: pulumi.Output<string>;
    readonly userPoolClientId: pulumi.Output<string>;
    readonly userPoolIssuerUrl: pulumi.Output<string>;
    readonly sessionsTableName: pulumi.Output<string>;
    readonly redisEndpoint: pulumi.Output<string>;
    /** The Secrets Manager secret holding Redis's AUTH token (for operators; tasks get it injected). */
    readonly redisAuthSecretArn: pulumi.Output<string>;
    readonly webAclArn: pulumi.Output<string>;
    readonly cdnWebAclArn?: pulumi.Output<string>;
    /** https://<tenant>.tenant.<domain>, with `<tenant>` as a placeholder. */
    readonly tenantUrlPattern: string;
    /** `tenant.<domain>`: tenants are `<id>.tenant.<domain>`. */
    readonly tenantZone: string;
    readonly cdnUrl?: pulumi.Output<string>;
    /** https://files.<domain>, undefined unless `publicPrefixes` is set (docs/public-files.md). */
    readonly publicFilesUrl?: pulumi.Output<string>;
    readonly cdnDistributionId?: pulumi.Output<string>;
    readonly bucketNames: { uploads: pulumi.Output<string>; static: pulumi.Output<string>; backups: pulumi.Output<string> };
    readonly accessLogsBucketName?: pulumi.Output<string>;
    readonly alertTopicArn: pulumi.Output<string>;
    readonly natInstanceId?: pulumi.Output<string>;
    /** The network, cluster, service groups, key and alert topic, for what is built on top. */
    readonly foundation: PlatformFoundation;

    constructor(name: string, args: ContainerPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        const domain = args.dns.domain;
        const hostedZoneId = args.dns.hostedZoneId;
        super("stagecraft:phase3:ContainerPlatform", name, {}, opts);
        const child = { parent: this };
        const prefix = `${args.app.name}-${args.environment}`;
        const hosts = platformHostnames(domain, args.web, args.platform);
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;

        // 1. WAF for the CDNs first (they take it through a transformation), then the edge phase 2
        // shares: network, buckets, access logs, load balancer, CDN and public files
        const cdnWaf = (args.web.cdnEnabled || args.storage.publicPrefixes.length > 0) && args.platform.waf.onCdn
            ? new WebFirewall(`${name}-cdn-waf`, {
                aclName: `${prefix}-cdn`,
                scope: "CLOUDFRONT",
                rateLimit: args.platform.waf.rateLimit,
                geoBlockCountries: args.platform.waf.geoBlockCountries,
                logRetentionDays: args.logRetentionDays,
                tags: args.tags,
            }, child)
            : undefined;
        const { network, buckets, accessLogs, lb, cdn, publicFiles } = buildWebEdge(this, {
            name,
            settings: args,
            accountId: identity.accountId,
            hostnames: hosts,
            targetType: "ip",
            cdnOptions: { transformations: cdnWaf !== undefined ? [cloudFrontWebAcl(cdnWaf.arn)] : [] },
        });
        const key = new aws.kms.Key(`${name}-key`, {
            description: `${prefix}: generated secrets and Redis data at rest`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            policy: pulumi.all([partition, identity.accountId]).apply(([p, account]) => platformKeyPolicy(p, account)),
            tags: tagsFor(args.tags, `${name}-key`),
        }, child);

        // 2. tenant certificate and records
        this.createTenantRecords(name, args, hostedZoneId, hosts.tenantZone, hosts.tenantWildcard, lb);

        // 3. WAF on the ALB
        const waf = new WebFirewall(`${name}-waf`, {
            aclName: `${prefix}-alb`,
            scope: "REGIONAL",
            rateLimit: args.platform.waf.rateLimit,
            geoBlockCountries: args.platform.waf.geoBlockCountries,
            associateWith: [lb.loadBalancer.arn],
            logRetentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);

        // 4. users, sessions, generated secrets, Redis
        const { users, sessions, redisToken, sessionSecret, redis, clientGroups } = this.createData(name, args, network, key);

        // 6 (before 5: the services get its URL). realtime WebSocket API
        const realtime = new WebSocketApi(`${name}-realtime`, {
            namePrefix: prefix,
            region: args.region,
            userPoolId: users.userPoolId,
            userPoolClientId: users.clientId,
            throttleRateLimit: args.platform.websocket.throttleRateLimit,
            throttleBurstLimit: args.platform.websocket.throttleBurstLimit,
            customDomain: { hostname: hosts.websocket, certificateArn: lb.certificateArn, hostedZoneId },
            accountLogsRole: args.platform.apiGatewayAccountRole,
            protectTable: args.protectStateful,
            logRetentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);

        // 5. cluster, repositories, services
        const { cluster, serviceSecurityGroupIds, serviceTaskRoleNames, serviceNameOutputs, serviceNames, repositoryUrls, serviceLogGroupNames } = this.createServices(name, args, clientGroups, {
            network, lb, redis, buckets, sessions, users, realtime,
            secrets: { redisToken, sessionSecret, keyArn: key.arn },
            appUrl: `https://${hosts.app}`,
        });

        // 7. alerting
        const alerts = new AlertTopic(`${name}-alerts`, {
            topicName: `${prefix}-alerts`,
            email: args.alertEmail,
            tags: args.tags,
        }, child);
        this.createAlarms(name, args, alerts.arn, platformAlarmSpecs<pulumi.Input<string>>({
            namePrefix: prefix,
            loadBalancer: lb.loadBalancer.arnSuffix,
            targetGroup: lb.targetGroup.arnSuffix,
            clusterName: cluster.name,
            services: args.platform.services.map((s) => s.name),
            cacheNodes: cacheNodeIds(replicationGroupId(`${name}-redis`), 1 + args.platform.redis.replicas),
            functions: realtime.functionNames,
            http5xxPercent: args.web.alarm5xxPercent,
            cpuPercent: args.web.alarmCpuPercent,
        }));
        this.createHealthCheck(name, args, hosts.app, alerts);

        this.url = lb.url;
        this.loadBalancerDnsName = lb.dnsName;
        this.clusterName = cluster.name;
        this.serviceNames = serviceNames;
        this.repositoryUrls = repositoryUrls;
        this.serviceLogGroupNames = serviceLogGroupNames;
        this.websocketUrl = realtime.customUrl ?? realtime.url;
        this.websocketApiUrl = realtime.url;
        this.userPoolId = users.userPoolId;
        this.userPoolClientId = users.clientId;
        this.userPoolIssuerUrl = users.issuerUrl;
        this.sessionsTableName = sessions.tableName;
        this.redisEndpoint = redis.primaryEndpoint;
        this.redisAuthSecretArn = redisToken.arn;
        this.webAclArn = waf.arn;
        this.cdnWebAclArn = cdnWaf?.arn;
        this.tenantUrlPattern = `https://<tenant>.${hosts.tenantZone}`;
        this.tenantZone = hosts.tenantZone;
        this.cdnUrl = cdn?.url;
        this.publicFilesUrl = publicFiles?.url;
        this.cdnDistributionId = cdn?.distributionId;
        this.bucketNames = buckets.bucketNames;
        this.accessLogsBucketName = accessLogs?.bucketName;
        this.alertTopicArn = alerts.arn;
        this.natInstanceId = network.natInstance?.instance.id;
        this.foundation = {
            vpcId: network.vpcId,
            vpcCidrBlock: network.vpcCidrBlock,
            publicSubnetIds: network.publicSubnetIds,
            privateSubnetIds: network.privateSubnetIds,
            clusterArn: cluster.arn,
            clusterName: cluster.name,
            loadBalancer: { dnsName: lb.loadBalancer.dnsName, zoneId: lb.loadBalancer.zoneId },
            serviceSecurityGroupIds,
            serviceTaskRoleNames,
            keyArn: key.arn,
            alertTopicArn: alerts.arn,
        };
        this.registerOutputs({
            // What must work and what must never work, proved by the offline check (docs/intents.md).
            intents: [
                ...platformIntents({
                    name, appName: args.app.name, appPort: args.app.port, service: args.platform.services[0].name, egressPorts: args.web.egressPorts,
                    metricsNamespace: args.platform.metricsNamespace,
                }),
                ...publicFilesIntents(name, args.storage.publicPrefixes),
            ],
            url: this.url,
            loadBalancerDnsName: this.loadBalancerDnsName,
            clusterName: this.clusterName,
            serviceNames: serviceNameOutputs,
            websocketUrl: this.websocketUrl,
            userPoolId: this.userPoolId,
            userPoolClientId: this.userPoolClientId,
            sessionsTableName: this.sessionsTableName,
            redisEndpoint: this.redisEndpoint,
            webAclArn: this.webAclArn,
            cdnWebAclArn: this.cdnWebAclArn,
            cdnUrl: this.cdnUrl,
            publicFilesUrl: this.publicFilesUrl,
            bucketNames: this.bucketNames,
            alertTopicArn: this.alertTopicArn,
        });
    }

    /**
     * `*.tenant.<domain>` (seed 001): a certificate for the tenants' names on the HTTPS listener
     * and an A alias of the wildcard to the ALB (an alias instead of seed 001's CNAME to the app:
     * one lookup less, and alias queries are free).
     */
    private createTenantRecords(name: string, args: ContainerPlatformArgs, hostedZoneId: string, tenantZone: string, wildcard: string, lb: WebLoadBalancer): void {
        const certificate = new DnsValidatedCertificate(`${name}-tenant-cert`, {
            ...tenantCertificateDomains(tenantZone),
            hostedZoneId,
            tags: args.tags,
        }, { parent: this });
        new aws.lb.ListenerCertificate(`${name}-tenant-cert`, {
            listenerArn: lb.httpsListener.arn,
            certificateArn: certificate.certificateArn,
        }, { parent: this });
        new aws.route53.Record(`${name}-tenant-alias`, {
            zoneId: hostedZoneId,
            name: wildcard,
            type: "A",
            aliases: [{ name: lb.dnsName, zoneId: lb.zoneId, evaluateTargetHealth: true }],
        }, { parent: this });
    }

    private createService(name: string, args: ContainerPlatformArgs, service: ServiceSettings, ctx: {
        network: Network;
        cluster: aws.ecs.Cluster;
        repository: ContainerRepository;
        lb: WebLoadBalancer;
        redis: RedisCache;
        buckets: AppBuckets;
        sessions: SessionTable;
        users: UserPool;
        realtime: WebSocketApi;
        secrets: { redisToken: GeneratedSecret; sessionSecret: GeneratedSecret; keyArn: pulumi.Output<string> };
        appUrl: string;
    }): FargateService {
        const { lb } = ctx;
        return new FargateService(`${name}-${service.name}`, {
            settings: service,
            family: `${args.app.name}-${args.environment}-${service.name}`,
            clusterArn: ctx.cluster.arn,
            clusterName: ctx.cluster.name,
            vpcId: ctx.network.vpcId,
            subnetIds: ctx.network.privateSubnetIds,
            containerPort: service.loadBalanced ? args.app.port : undefined,
            loadBalancer: service.loadBalanced
                ? {
                    targetGroupArn: lb.targetGroup.arn,
                    targetGroupArnSuffix: lb.targetGroup.arnSuffix,
                    loadBalancerArnSuffix: lb.loadBalancer.arnSuffix,
                    securityGroupId: lb.securityGroupId,
                }
                : undefined,
            repositoryArn: ctx.repository.arn,
            repositoryUrl: ctx.repository.repositoryUrl,
            imageTag: service.imageTag ?? args.app.initialTag,
            imageReady: args.platform.imageReady,
            environment: platformEnvironment<pulumi.Input<string>>(service, args.app.port, {
                region: args.region,
                appUrl: ctx.appUrl,
                redisHost: ctx.redis.primaryEndpoint,
                redisPort: ctx.redis.port,
                sessionsTable: ctx.sessions.tableName,
                uploadsBucket: ctx.buckets.uploads.bucketName,
                userPoolId: ctx.users.userPoolId,
                userPoolClientId: ctx.users.clientId,
                websocketUrl: ctx.realtime.customUrl ?? ctx.realtime.url,
                metricsNamespace: args.platform.metricsNamespace,
            }),
            secrets: [
                { name: REDIS_TOKEN_VARIABLE, valueFrom: ctx.secrets.redisToken.arn, source: "secretsmanager" },
                { name: SESSION_SECRET_VARIABLE, valueFrom: ctx.secrets.sessionSecret.arn, source: "secretsmanager" },
            ],
            secretKmsKeyArns: [ctx.secrets.keyArn],
            egressPorts: args.web.egressPorts,
            peers: [{ key: "redis", port: REDIS_PORT, description: `Redis ${REDIS_PORT} (TLS)`, securityGroupId: ctx.redis.securityGroupId }],
            taskAccess: { tableArns: [ctx.sessions.arn], readWriteBucketArns: [ctx.buckets.uploads.arn], metricsNamespace: args.platform.metricsNamespace },
            cpuArchitecture: args.platform.cpuArchitecture,
            logGroupName: ecsLogGroupName(args.app.name, args.environment, service.name),
            logRetentionDays: args.logRetentionDays,
            region: args.region,
            tags: args.tags,
        }, { parent: this, dependsOn: service.loadBalanced ? [lb.httpsListener] : [] });
    }

    /**
     * The platform's data: the user pool and the sessions table (protected when stateful resources
     * are), the generated Redis AUTH token and session secret (under the platform key), and Redis,
     * which admits each service's security group once that exists (deferred ids).
     */
    private createData(name: string, args: ContainerPlatformArgs, network: Network, key: aws.kms.Key) {
        const child = { parent: this };
        const stateful = { parent: this, protect: args.protectStateful };
        const prefix = `${args.app.name}-${args.environment}`;
        const users = new UserPool(`${name}-users`, {
            userPoolName: `${prefix}-users`,
            settings: args.platform.cognito,
            region: args.region,
            deletionProtection: args.protectStateful,
            tags: args.tags,
        }, stateful);
        const sessions = new SessionTable(`${name}-sessions`, {
            tableName: `${prefix}-sessions`,
            deletionProtection: args.protectStateful,
            tags: args.tags,
        }, stateful);
        const redisToken = new GeneratedSecret(`${name}-redis-auth`, {
            namePrefix: `${prefix}/redis-auth-token-`,
            description: `AUTH token of ${prefix}'s Redis, injected into the services as ${REDIS_TOKEN_VARIABLE}`,
            kmsKeyArn: key.arn,
            tags: args.tags,
        }, child);
        const sessionSecret = new GeneratedSecret(`${name}-session-secret`, {
            namePrefix: `${prefix}/session-secret-`,
            description: `Session-cookie signing secret of ${prefix}, injected into the services as ${SESSION_SECRET_VARIABLE}`,
            kmsKeyArn: key.arn,
            tags: args.tags,
        }, child);
        const services = args.platform.services;
        // The services' security groups exist only once the services do, and the services need
        // the cache's group and endpoint: the cache admits deferred group ids, resolved below.
        const clientGroups = services.map((s) => ({ service: s, deferred: pulumi.deferredOutput<string>() }));
        const redis = new RedisCache(`${name}-redis`, {
            vpcId: network.vpcId,
            subnetIds: network.privateSubnetIds,
            availabilityZones: args.network.availabilityZones,
            clients: Object.fromEntries(clientGroups.map((c) => [`service-${c.service.name}`, c.deferred[0]])),
            authToken: redisToken.value,
            engine: args.platform.redis.engine,
            nodeType: args.platform.redis.nodeType,
            replicas: args.platform.redis.replicas,
            snapshotRetentionDays: args.platform.redis.snapshotRetentionDays,
            kmsKeyArn: key.arn,
            finalSnapshot: args.protectStateful,
            logRetentionDays: args.logRetentionDays,
            tags: args.tags,
        }, stateful);
        return { users, sessions, redisToken, sessionSecret, redis, clientGroups };
    }

    /** The ECS cluster, and per configured service its ECR repository and Fargate service. */
    private createServices(name: string, args: ContainerPlatformArgs, clientGroups: Array<{ service: ServiceSettings; deferred: ReturnType<typeof pulumi.deferredOutput<string>> }>, shared: Omit<Parameters<ContainerPlatform["createService"]>[3], "cluster" | "repository">) {
        const child = { parent: this };
        const prefix = `${args.app.name}-${args.environment}`;
        const cluster = new aws.ecs.Cluster(`${name}-cluster`, {
            name: prefix,
            settings: [{ name: "containerInsights", value: args.platform.containerInsights }],
            tags: tagsFor(args.tags, `${name}-cluster`),
        }, child);
        const serviceNames: Record<string, pulumi.Output<string>> = {};
        const repositoryUrls: Record<string, pulumi.Output<string>> = {};
        const serviceLogGroupNames: Record<string, pulumi.Output<string>> = {};
        const serviceNameOutputs: pulumi.Output<string>[] = [];
        const serviceSecurityGroupIds: Record<string, pulumi.Output<string>> = {};
        const serviceTaskRoleNames: Record<string, pulumi.Output<string>> = {};
        for (const { service, deferred } of clientGroups) {
            const repository = new ContainerRepository(`${name}-${service.name}-repo`, {
                repositoryName: repositoryName(args.app.name, args.environment, service.name),
                keepImages: args.platform.ecrKeepImages,
                tags: args.tags,
            }, child);
            const fargate = this.createService(name, args, service, { ...shared, cluster, repository });
            deferred[1](fargate.securityGroupId);
            serviceSecurityGroupIds[service.name] = fargate.securityGroupId;
            serviceTaskRoleNames[service.name] = fargate.taskRoleName;
            serviceNames[service.name] = fargate.serviceName;
            repositoryUrls[service.name] = repository.repositoryUrl;
            serviceLogGroupNames[service.name] = fargate.logGroupName;
            serviceNameOutputs.push(fargate.serviceName);
        }
        return { cluster, serviceSecurityGroupIds, serviceTaskRoleNames, serviceNameOutputs, serviceNames, repositoryUrls, serviceLogGroupNames };
    }

    /**
     * Seed 001's "Route 53 (DNS e Health Checks)": an HTTPS health check of app.<domain>/health
     * from Route53's regions and its alarm. Route53 publishes health-check metrics only in
     * us-east-1, so elsewhere the check, its alarm and an alert topic of their own live there.
     */
    private createHealthCheck(name: string, args: ContainerPlatformArgs, appHostname: string, alerts: AlertTopic): void {
        const prefix = `${args.app.name}-${args.environment}`;
        let topicArn = alerts.arn;
        let opts: pulumi.ComponentResourceOptions = { parent: this };
        const usEast1 = usEast1Provider(`${name}-us-east-1`, this, args.region);
        if (usEast1 !== undefined) {
            opts = { parent: this, providers: { aws: usEast1 } };
            topicArn = new AlertTopic(`${name}-health-alerts`, { topicName: `${prefix}-health-alerts`, email: args.alertEmail, tags: args.tags }, opts).arn;
        }
        new HealthCheckAlarm(`${name}-health`, {
            target: { protocol: "HTTPS", fqdn: appHostname, port: 443, path: args.app.healthPath },
            alarmName: `${prefix}-health`,
            topicArn,
            tags: args.tags,
        }, opts);
    }

    private createAlarms(name: string, args: ContainerPlatformArgs, topicArn: pulumi.Output<string>, specs: AlarmSpec<pulumi.Input<string>>[]): void {
        const prefix = `${args.app.name}-${args.environment}`;
        for (const spec of specs) {
            metricAlarm(`${name}-alarm-${spec.key}`, { alarmName: `${prefix}-${spec.key}`, spec, topicArn, tags: args.tags }, { parent: this });
        }
    }
}

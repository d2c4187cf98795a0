/**
 * Phase 3 decisions (pure): the platform's hostnames, the environment every service gets, the
 * platform key's policy, the alarms, and the monthly cost before traffic.
 */
import { type PlatformSettings, type ServiceSettings } from "../../config/platform";
import { type NatStrategy } from "../../config/settings";
import { type WebSettings, webHostnames } from "../../config/web";
import { fargateMonthlyCost } from "../../lib/fargate";
import { cacheMonthlyCost } from "../../blocks/data/rules";
import { natMonthlyCost } from "../../blocks/network/layout";
import { type AlarmSpec, http5xxRateAlarm, unhealthyTargetsAlarm } from "../../blocks/observability/webAlarmRules";
import { MANAGED_RULE_GROUPS, webAclMonthlyCost } from "../../blocks/waf/rules";

export interface PlatformHostnames {
    /** app.<domain>: the ALB (api service). */
    app: string;
    /** cdn.<domain>: CloudFront in front of the static bucket. */
    cdn: string;
    /** ws.<domain>: the WebSocket API. */
    websocket: string;
    /** tenant.<domain>: the tenants' zone (and its certificate's main name). */
    tenantZone: string;
    /** *.tenant.<domain>: every tenant's hostname, aliased to the ALB (seed 001). */
    tenantWildcard: string;
}

export function platformHostnames(domain: string, web: Pick<WebSettings, "appSubdomain" | "cdnSubdomain">, platform: Pick<PlatformSettings, "tenantSubdomain" | "websocket">): PlatformHostnames {
    const { app, cdn } = webHostnames(domain, web);
    const tenantZone = `${platform.tenantSubdomain}.${domain}`;
    return { app, cdn, websocket: `${platform.websocket.subdomain}.${domain}`, tenantZone, tenantWildcard: `*.${tenantZone}` };
}

/**
 * The tenants' certificate: `*.<domain>` on the load balancer's own certificate covers one label
 * only, so `acme.tenant.example.com` needs `*.tenant.example.com` (with `tenant.example.com` as
 * its main name, validated through the same DNS record).
 */
export function tenantCertificateDomains(tenantZone: string): { domainName: string; subjectAlternativeNames: string[] } {
    return { domainName: tenantZone, subjectAlternativeNames: [`*.${tenantZone}`] };
}

/** Where the app finds the platform, in the container's environment (no secrets: those are injected). */
export interface PlatformEndpoints<A> {
    region: string;
    appUrl: string;
    redisHost: A;
    redisPort: number;
    sessionsTable: A;
    uploadsBucket: A;
    userPoolId: A;
    userPoolClientId: A;
    websocketUrl: A;
}

/**
 * The environment every service gets (the user's containerEnvironment is merged over it): the
 * region, the app's URL, Redis over TLS, the sessions table, the uploads bucket, the Cognito ids
 * and the WebSocket URL; PORT for a load-balanced service.
 */
export function platformEnvironment<A>(service: Pick<ServiceSettings, "loadBalanced">, appPort: number, e: PlatformEndpoints<A>): Record<string, A | string> {
    return {
        ...(service.loadBalanced ? { PORT: String(appPort) } : {}),
        AWS_REGION: e.region,
        APP_URL: e.appUrl,
        REDIS_HOST: e.redisHost,
        REDIS_PORT: String(e.redisPort),
        REDIS_TLS: "true",
        SESSIONS_TABLE: e.sessionsTable,
        UPLOADS_BUCKET: e.uploadsBucket,
        COGNITO_USER_POOL_ID: e.userPoolId,
        COGNITO_CLIENT_ID: e.userPoolClientId,
        WEBSOCKET_URL: e.websocketUrl,
    };
}

/** Names of the secrets the platform generates and injects into every service. */
export const REDIS_TOKEN_VARIABLE = "REDIS_AUTH_TOKEN";
export const SESSION_SECRET_VARIABLE = "SESSION_SECRET";

/**
 * Key policy of the platform's CMK (generated secrets, Redis at rest): AWS's default root
 * statement only, so IAM policies decide who uses it (the execution roles, through Secrets
 * Manager only).
 */
export function platformKeyPolicy(partition: string, accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "AccountAdministersKey",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
            Action: "kms:*",
            Resource: "*",
        }],
    });
}

export interface PlatformAlarmInput<A> {
    namePrefix: string;
    loadBalancer: A;
    targetGroup: A;
    clusterName: A;
    /** Service names (as ECS knows them). */
    services: readonly string[];
    /** ElastiCache node ids (`<replication group>-001`, ...). */
    cacheNodes: readonly string[];
    /** The realtime functions' names. */
    functions: readonly A[];
    http5xxPercent: number;
    cpuPercent: number;
}

/** ElastiCache names the nodes of a replication group `<id>-001`, `<id>-002`, ... */
export function cacheNodeIds(replicationGroupId: string, nodes: number): string[] {
    return Array.from({ length: nodes }, (_, i) => `${replicationGroupId}-${String(i + 1).padStart(3, "0")}`);
}

/**
 * The platform's alarms: the ALB's 5xx rate (phase 2's metric math) and unhealthy tasks; CPU and
 * memory per service; memory per cache node; errors per realtime function.
 */
export function platformAlarmSpecs<A>(input: PlatformAlarmInput<A>): AlarmSpec<A | string>[] {
    const specs: AlarmSpec<A | string>[] = [
        http5xxRateAlarm<A>(input.loadBalancer, input.http5xxPercent),
        unhealthyTargetsAlarm<A>("unhealthy-tasks", "task", input.loadBalancer, input.targetGroup),
    ];
    for (const service of input.services) {
        for (const [metricName, label] of [["CPUUtilization", "cpu"], ["MemoryUtilization", "memory"]] as const) {
            specs.push({
                key: `${service}-${label}-high`,
                description: `Average ${label} of the ${service} service above ${input.cpuPercent}% for 15 minutes (scaling should have added tasks: check the maximum count)`,
                comparisonOperator: "GreaterThanThreshold",
                threshold: input.cpuPercent,
                evaluationPeriods: 3,
                datapointsToAlarm: 3,
                treatMissingData: "missing",
                metric: {
                    namespace: "AWS/ECS",
                    metricName,
                    dimensions: { ClusterName: input.clusterName, ServiceName: service },
                    statistic: "Average",
                    period: 300,
                },
            });
        }
    }
    for (const node of input.cacheNodes) {
        specs.push({
            key: `${node}-memory-high`,
            description: `Redis node ${node} uses more than 80% of its memory for 15 minutes (evictions follow: a larger node type or shorter TTLs)`,
            comparisonOperator: "GreaterThanThreshold",
            threshold: 80,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "missing",
            metric: {
                namespace: "AWS/ElastiCache",
                metricName: "DatabaseMemoryUsagePercentage",
                dimensions: { CacheClusterId: node },
                statistic: "Maximum",
                period: 300,
            },
        });
    }
    input.functions.forEach((fn, i) => {
        specs.push({
            key: `realtime-errors-${i + 1}`,
            description: "A realtime WebSocket function failed 5 or more times in 5 minutes",
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            threshold: 5,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            metric: {
                namespace: "AWS/Lambda",
                metricName: "Errors",
                dimensions: { FunctionName: fn },
                statistic: "Sum",
                period: 300,
            },
        });
    });
    return specs;
}

export interface PlatformCostInput {
    services: readonly ServiceSettings[];
    platform: Pick<PlatformSettings, "cpuArchitecture" | "redis" | "waf">;
    natStrategy: NatStrategy;
    availabilityZones: number;
    cdnEnabled: boolean;
}

/** us-east-1 monthly prices of the fixed parts (730 h). */
export const FIXED_MONTHLY_USD = {
    /** ALB hour $16.43 + about one LCU $5.84 + two public IPv4 addresses $7.30 (WebLoadBalancer). */
    loadBalancer: 29.57,
    /** Two customer-managed keys: the alert topic's and the platform's. */
    kmsKeys: 2,
    /** Two generated secrets (Redis AUTH token, session secret) at $0.40. */
    secrets: 0.8,
    /** Route53 health check of an AWS endpoint over HTTPS ($0.50 + $1.00) and its alarm ($0.10). */
    healthCheck: 1.6,
    /** A standard alarm; a metric-math alarm costs this per metric (the 5xx rate reads 3). */
    alarm: 0.1,
};

/**
 * What the platform costs a month before traffic, item by item (us-east-1 on-demand): every
 * service's desired tasks, the cache nodes, the load balancer, NAT, the web ACLs, keys,
 * secrets, alarms and the health check. Usage-priced parts come on top: Container Insights
 * metrics (about $5 for a small cluster), CloudWatch Logs, DynamoDB, API Gateway messages,
 * Lambda, Cognito beyond 10,000 MAU, S3 and data transfer.
 */
export function platformMonthlyCost(input: PlatformCostInput): { items: { item: string; usd: number }[]; totalUsd: number } {
    const items: { item: string; usd: number }[] = input.services.map((s) => ({
        item: `${s.name}: ${s.desiredCount} × Fargate ${s.cpu / 1024} vCPU / ${s.memory / 1024} GB (${input.platform.cpuArchitecture})`,
        usd: fargateMonthlyCost(s.cpu, s.memory, s.desiredCount, input.platform.cpuArchitecture),
    }));
    const nodes = 1 + input.platform.redis.replicas;
    items.push({
        item: `${input.platform.redis.engine}: ${nodes} × ${input.platform.redis.nodeType}`,
        usd: cacheMonthlyCost(input.platform.redis.nodeType, nodes, input.platform.redis.engine) ?? 0,
    });
    items.push({ item: "application load balancer", usd: FIXED_MONTHLY_USD.loadBalancer });
    items.push({ item: `NAT (${input.natStrategy})`, usd: natMonthlyCost(input.natStrategy, input.availabilityZones).monthlyUsd });
    const rules = 1 + (input.platform.waf.geoBlockCountries.length > 0 ? 1 : 0) + MANAGED_RULE_GROUPS.length;
    const acls = input.cdnEnabled && input.platform.waf.onCdn ? 2 : 1;
    items.push({ item: `WAF: ${acls} web ACL(s) × ${rules} rules`, usd: acls * webAclMonthlyCost(rules) });
    items.push({ item: "KMS keys (alerts, platform)", usd: FIXED_MONTHLY_USD.kmsKeys });
    items.push({ item: "Secrets Manager (Redis token, session secret)", usd: FIXED_MONTHLY_USD.secrets });
    // 5xx rate (3 metrics) + unhealthy tasks + CPU and memory per service + memory per node + 3 functions.
    const alarmUnits = 3 + 1 + 2 * input.services.length + nodes + 3;
    items.push({ item: `CloudWatch alarms (${alarmUnits} alarm-metrics)`, usd: Math.round(alarmUnits * FIXED_MONTHLY_USD.alarm * 100) / 100 });
    items.push({ item: "Route53 HTTPS health check + alarm", usd: FIXED_MONTHLY_USD.healthCheck });
    const totalUsd = Math.round(items.reduce((sum, i) => sum + i.usd, 0) * 100) / 100;
    return { items, totalUsd };
}

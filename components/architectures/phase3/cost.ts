/**
 * The platform's monthly cost in us-east-1 (pure).
 */
import { type PlatformSettings, type ServiceSettings } from "../../config/platform";
import { type NatStrategy } from "../../config/settings";
import { fargateMonthlyCost } from "../../lib/fargate";
import { cacheMonthlyCost } from "../../blocks/data/redis";
import { natMonthlyCost } from "../../blocks/network/layout";
import { webAclMonthlyCost } from "../../blocks/waf/cost";
import { MANAGED_RULE_GROUPS } from "../../blocks/waf/webAclRules";
import { HOURS_PER_MONTH, LOAD_BALANCER_HOURLY, MONTHLY_FEES, PUBLIC_IPV4_HOURLY, USAGE_PRICES } from "../../lib/prices";

export interface PlatformCostInput {
    services: readonly ServiceSettings[];
    platform: Pick<PlatformSettings, "cpuArchitecture" | "redis" | "waf">;
    natStrategy: NatStrategy;
    availabilityZones: number;
    cdnEnabled: boolean;
}

const month = (hourly: number) => Math.round(hourly * HOURS_PER_MONTH * 100) / 100;

/** us-east-1 monthly prices of the fixed parts (730 h), from the one price table. */
export const FIXED_MONTHLY_USD = {
    /** ALB hour $16.43 + about one LCU $5.84 (an assumed light load) + two public IPv4 addresses $7.30 (WebLoadBalancer). */
    loadBalancer: Math.round((month(LOAD_BALANCER_HOURLY.application) + month(USAGE_PRICES.albLcuHourly) + 2 * month(PUBLIC_IPV4_HOURLY)) * 100) / 100,
    /** Two customer-managed keys: the alert topic's and the platform's. */
    kmsKeys: 2 * MONTHLY_FEES.kmsKey,
    /** Two generated secrets (Redis AUTH token, session secret). */
    secrets: 2 * MONTHLY_FEES.secret,
    /** Route53 health check of an AWS endpoint over HTTPS ($0.50 + $1.00) and its alarm ($0.10). */
    healthCheck: MONTHLY_FEES.healthCheck + MONTHLY_FEES.healthCheckFeature + MONTHLY_FEES.alarmMetric,
    /** A standard alarm; a metric-math alarm costs this per metric (the 5xx rate reads 3). */
    alarm: MONTHLY_FEES.alarmMetric,
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

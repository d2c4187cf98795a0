/**
 * The mTLS API's monthly cost in us-east-1 (pure).
 */
import { type ServiceSettings } from "../../config/platform";
import { fargateMonthlyCost } from "../../lib/fargate";
import { HOURS_PER_MONTH, LOAD_BALANCER_HOURLY, MONTHLY_FEES, PUBLIC_IPV4_HOURLY, USAGE_PRICES } from "../../lib/prices";

/**
 * us-east-1 prices a month: NLB hours ($0.0225 × 730) and one NLCU ($0.006 × 730), a public IPv4
 * per AZ ($0.005 × 730), Cloud Map (the namespace's private hosted zone, each registered API
 * task, a million DNS queries: nginx re-resolves every 10 s per worker), a secret, an
 * alarm, a dashboard (beyond the free three), an AWS Private CA in general-purpose mode.
 */
const month = (hourly: number) => Math.round(hourly * HOURS_PER_MONTH * 100) / 100;
export const MTLS_MONTHLY_USD = {
    nlb: month(LOAD_BALANCER_HOURLY.network),
    nlcu: month(USAGE_PRICES.nlbLcuHourly),
    publicIpv4: month(PUBLIC_IPV4_HOURLY),
    cloudMapZone: MONTHLY_FEES.hostedZone,
    cloudMapInstance: USAGE_PRICES.cloudMapInstanceMonth,
    dnsMillionQueries: USAGE_PRICES.dnsPerMillionQueries,
    secret: MONTHLY_FEES.secret,
    alarm: MONTHLY_FEES.alarmMetric,
    dashboard: MONTHLY_FEES.dashboard,
    privateCa: MONTHLY_FEES.privateCaGeneralPurpose,
};

export function mtlsMonthlyCost(input: {
    gateway: ServiceSettings;
    api: ServiceSettings;
    availabilityZones: number;
    clients: number;
    privateCa: boolean;
}): { items: { item: string; usd: number }[]; totalUsd: number } {
    const p = MTLS_MONTHLY_USD;
    const items = [
        { item: `gateway: ${input.gateway.desiredCount} × ${input.gateway.cpu}/${input.gateway.memory}`, usd: fargateMonthlyCost(input.gateway.cpu, input.gateway.memory, input.gateway.desiredCount) },
        { item: `api: ${input.api.desiredCount} × ${input.api.cpu}/${input.api.memory}`, usd: fargateMonthlyCost(input.api.cpu, input.api.memory, input.api.desiredCount) },
        { item: "NLB (hour + 1 NLCU)", usd: p.nlb + p.nlcu },
        { item: `public IPv4 × ${input.availabilityZones}`, usd: p.publicIpv4 * input.availabilityZones },
        { item: `Cloud Map: hosted zone, ${input.api.desiredCount} instances, ~1M queries`, usd: p.cloudMapZone + p.cloudMapInstance * input.api.desiredCount + p.dnsMillionQueries },
        { item: `Secrets Manager × ${3 + input.clients}`, usd: p.secret * (3 + input.clients) },
        { item: "CloudWatch: 3 alarms, 1 dashboard", usd: 3 * p.alarm + p.dashboard },
    ];
    if (input.privateCa) items.push({ item: "AWS Private CA (general purpose)", usd: p.privateCa });
    const round = (n: number) => Math.round(n * 100) / 100;
    return { items: items.map((i) => ({ ...i, usd: round(i.usd) })), totalUsd: round(items.reduce((sum, i) => sum + i.usd, 0)) };
}

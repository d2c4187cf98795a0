/**
 * The mTLS API's decisions as data (pure): the security-group chain, the tasks' sizes, the
 * dashboard and the monthly cost.
 */
import { type ServiceSettings } from "../config/platform";
import { fargateMonthlyCost } from "../containers/sizing";
import { inTwoColumns, metricWidget, type Widget } from "../observability/dashboard";
import { type RuleSpec } from "../security/rules";

/** Port nginx listens on; the NLB forwards TCP 443 to it unchanged. */
export const GATEWAY_PORT = 443;
/** Key of the NLB's security group in the gateway group's peers. */
export const NLB_PEER = "nlb";
/** Key of the gateway's security group in the API group's peers. */
export const GATEWAY_PEER = "gateway";

/** The NLB's group: TCP 443 from the clients' CIDRs in; to the gateway tasks' group out only. */
export function nlbIngress(clientCidrs: readonly string[]): RuleSpec[] {
    return clientCidrs.length === 0 ? [] : [{
        description: "mTLS clients on 443 (TLS passes through to the gateway)",
        protocol: "tcp",
        fromPort: GATEWAY_PORT,
        toPort: GATEWAY_PORT,
        cidrs: [...clientCidrs],
    }];
}

export function nlbEgress(): RuleSpec[] {
    return [{
        description: "To the gateway tasks (traffic and health checks)",
        protocol: "tcp",
        fromPort: GATEWAY_PORT,
        toPort: GATEWAY_PORT,
        securityGroupKey: "gateway-tasks",
    }];
}

/** Sizes of the two services: small, fixed counts with CPU scaling; never fewer than 2 tasks. */
export function mtlsServiceSettings(input: {
    gatewayCount: number;
    apiCount: number;
    apiCpu: number;
    apiMemory: number;
    environment: Record<string, string>;
}): { gateway: ServiceSettings; api: ServiceSettings } {
    const base = { environment: {}, secrets: [], readonlyRootFilesystem: true, cpuTarget: 60 };
    return {
        gateway: {
            ...base,
            name: "mtls-gateway",
            loadBalanced: true,
            cpu: 256,
            memory: 512,
            desiredCount: input.gatewayCount,
            minCount: input.gatewayCount,
            maxCount: input.gatewayCount * 3,
            imageTag: undefined,
        },
        api: {
            ...base,
            name: "mtls-api",
            loadBalanced: false,
            cpu: input.apiCpu,
            memory: input.apiMemory,
            desiredCount: input.apiCount,
            minCount: input.apiCount,
            maxCount: input.apiCount * 3,
            environment: { ...input.environment },
        },
    };
}

export interface MtlsDashboardInput {
    region: string;
    /** `net/<name>/<id>` */
    loadBalancer: string;
    /** `targetgroup/<name>/<id>` */
    targetGroup: string;
    clusterName: string;
    gatewayService: string;
    apiService: string;
}

/** NLB flows and target health; CPU, memory and running tasks of both services. */
export function mtlsDashboardBody(input: MtlsDashboardInput): { widgets: Widget[] } {
    const nlb = "AWS/NetworkELB";
    const lb = ["LoadBalancer", input.loadBalancer];
    const lbTg = ["TargetGroup", input.targetGroup, "LoadBalancer", input.loadBalancer];
    const ecs = (service: string) => ["ClusterName", input.clusterName, "ServiceName", service];
    const services = [input.gatewayService, input.apiService];
    return {
        widgets: inTwoColumns([
            metricWidget("NLB flows", input.region, [
                [nlb, "ActiveFlowCount", ...lb, { stat: "Average", label: "active flows" }],
                [nlb, "NewFlowCount", ...lb, { stat: "Sum", label: "new flows" }],
                [nlb, "TCP_Client_Reset_Count", ...lb, { stat: "Sum", label: "client resets", yAxis: "right" }],
            ]),
            metricWidget("Gateway targets", input.region, [
                [nlb, "HealthyHostCount", ...lbTg, { stat: "Minimum", label: "healthy" }],
                [nlb, "UnHealthyHostCount", ...lbTg, { stat: "Maximum", label: "unhealthy" }],
            ]),
            metricWidget("CPU and memory (%)", input.region, services.flatMap((s) => [
                ["AWS/ECS", "CPUUtilization", ...ecs(s), { stat: "Average", label: `${s} CPU` }],
                ["AWS/ECS", "MemoryUtilization", ...ecs(s), { stat: "Average", label: `${s} memory` }],
            ])),
            metricWidget("Running tasks", input.region, services.map((s) =>
                ["ECS/ContainerInsights", "RunningTaskCount", ...ecs(s), { stat: "Minimum", label: s }])),
        ]),
    };
}

/** us-east-1 prices: NLB hour and one NLCU, a public IPv4 per AZ, Cloud Map, secrets, AWS Private CA. */
export const MTLS_MONTHLY_USD = { nlb: 16.43, nlcu: 4.38, publicIpv4: 3.65, cloudMapNamespace: 0, secret: 0.4, privateCa: 400 };

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
        { item: `Secrets Manager × ${3 + input.clients}`, usd: p.secret * (3 + input.clients) },
    ];
    if (input.privateCa) items.push({ item: "AWS Private CA (general purpose)", usd: p.privateCa });
    const round = (n: number) => Math.round(n * 100) / 100;
    return { items: items.map((i) => ({ ...i, usd: round(i.usd) })), totalUsd: round(items.reduce((sum, i) => sum + i.usd, 0)) };
}

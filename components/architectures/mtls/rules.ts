/**
 * The mTLS API's decisions as data (pure): the security-group chain, the NLB's target group, the
 * tasks' sizes, the dashboard, the alarms and the monthly cost.
 */
import { MTLS_SERVICE_NAMES } from "../../config/mtls";
import { type ServiceSettings } from "../../config/platform";
import { fargateMonthlyCost } from "../../lib/fargate";
import { inTwoColumns, metricWidget, type Widget } from "../../blocks/observability/dashboard";
import { type AlarmSpec } from "../../blocks/observability/webAlarmRules";
import { type RuleSpec } from "../../blocks/security/rules";

/** Port nginx listens on; the NLB forwards TCP 443 to it unchanged. */
export const GATEWAY_PORT = 443;
/** Key of the NLB's security group in the gateway group's peers. */
export const NLB_PEER = "nlb";
/** Key of the gateway's security group in the API group's peers. */
export const GATEWAY_PEER = "gateway";

/**
 * The NLB's target group of gateway tasks (type ip, TCP 443):
 * - client IP preservation off (the AWS default for ip targets over TCP, pinned): the tasks see
 *   the NLB's private addresses, so the gateway's group can admit the NLB's group alone;
 * - PROXY protocol v2 on, so nginx still logs and forwards the partner's address (nginxConfig's
 *   `proxyProtocol` must match);
 * - health check over HTTPS on /health at the traffic port: it passes only when nginx completes a
 *   TLS handshake with the mounted key and certificate and answers, which a TCP check would not
 *   prove; /health needs no client certificate (`ssl_verify_client optional`). Every 10 s, 2 in a
 *   row either way, so a new task takes traffic (and a failed one stops) in about 20 s.
 */
export function gatewayTargetGroupSettings(healthPath: string) {
    return {
        port: GATEWAY_PORT,
        protocol: "TCP",
        targetType: "ip",
        preserveClientIp: "false",
        proxyProtocolV2: true,
        deregistrationDelay: 30,
        healthCheck: {
            protocol: "HTTPS",
            path: healthPath,
            port: "traffic-port",
            matcher: "200",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 2,
        },
    };
}

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
            name: MTLS_SERVICE_NAMES.gateway,
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
            name: MTLS_SERVICE_NAMES.api,
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

export interface MtlsAlarmInput<A> {
    /** `net/<name>/<id>` */
    loadBalancer: A;
    /** `targetgroup/<name>/<id>` */
    targetGroup: A;
    clusterName: A;
    apiService: A;
}

/**
 * What pages someone: no healthy gateway task behind the NLB (the API is down for every
 * partner), a gateway task failing its checks, no API task running (every call a 502).
 */
export function mtlsAlarmSpecs<A>(input: MtlsAlarmInput<A>): AlarmSpec<A>[] {
    const targets = { LoadBalancer: input.loadBalancer, TargetGroup: input.targetGroup };
    return [
        {
            key: "no-healthy-gateway",
            description: "No gateway task passes the NLB's health check for 2 minutes: partners cannot connect",
            comparisonOperator: "LessThanThreshold",
            threshold: 1,
            evaluationPeriods: 2,
            datapointsToAlarm: 2,
            treatMissingData: "breaching",
            metric: { namespace: "AWS/NetworkELB", metricName: "HealthyHostCount", dimensions: targets, statistic: "Minimum", period: 60 },
        },
        {
            key: "unhealthy-gateway",
            description: "At least one gateway task failed the NLB's HTTPS health check for 3 minutes",
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "notBreaching",
            metric: { namespace: "AWS/NetworkELB", metricName: "UnHealthyHostCount", dimensions: targets, statistic: "Maximum", period: 60 },
        },
        {
            key: "no-api-task",
            description: "No task of the mTLS API service running for 3 minutes: the gateway answers 502 (Container Insights metric)",
            comparisonOperator: "LessThanThreshold",
            threshold: 1,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "missing",
            metric: {
                namespace: "ECS/ContainerInsights",
                metricName: "RunningTaskCount",
                dimensions: { ClusterName: input.clusterName, ServiceName: input.apiService },
                statistic: "Minimum",
                period: 60,
            },
        },
    ];
}

/**
 * us-east-1 prices a month: NLB hours ($0.0225 × 730) and one NLCU ($0.006 × 730), a public IPv4
 * per AZ ($0.005 × 730), Cloud Map (the namespace's private hosted zone, each registered API
 * task, a million DNS queries: nginx re-resolves every 10 s per worker), a secret, an
 * alarm, a dashboard (beyond the free three), an AWS Private CA in general-purpose mode.
 */
export const MTLS_MONTHLY_USD = { nlb: 16.43, nlcu: 4.38, publicIpv4: 3.65, cloudMapZone: 0.5, cloudMapInstance: 0.1, dnsMillionQueries: 0.4, secret: 0.4, alarm: 0.1, dashboard: 3, privateCa: 400 };

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

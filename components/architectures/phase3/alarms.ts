/**
 * The platform's alarms as specs (pure): load balancer, services, cache and realtime functions.
 */
import { type AlarmSpec, http5xxRateAlarm, unhealthyTargetsAlarm } from "../../blocks/observability/webAlarmRules";

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

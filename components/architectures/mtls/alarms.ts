/**
 * The mTLS API's alarms as specs (pure).
 */
import { type AlarmSpec } from "../../blocks/observability/webAlarmRules";

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

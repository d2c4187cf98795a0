/**
 * The web tier's alarms as data (pure): what each watches, its threshold and how long it must
 * hold. The WebMonitoring component turns each spec into an aws.cloudwatch.MetricAlarm that
 * notifies the stack's alert topic on ALARM and on OK.
 *
 * Generic in `A`, the type of the dimension values (ARN suffixes and the group name): strings in
 * tests, outputs in components.
 */

export interface WebAlarmInput<A> {
    /** Prefix of the alarm names, e.g. `chat-staging`. */
    namePrefix: string;
    /** The load balancer's ARN suffix (`app/<name>/<id>`), the `LoadBalancer` dimension. */
    loadBalancer: A;
    /** The target group's ARN suffix (`targetgroup/<name>/<id>`), the `TargetGroup` dimension. */
    targetGroup: A;
    /** The Auto Scaling group's name, the `AutoScalingGroupName` dimension. */
    autoScalingGroupName: A;
    /** Share of 5xx answers among requests that raises the alarm, percent. */
    http5xxPercent: number;
    /** Average CPU of the group that raises the alarm, percent. */
    cpuPercent: number;
}

/** A metric query of a metric-math alarm. */
export interface AlarmQuery<A> {
    id: string;
    expression?: string;
    label?: string;
    returnData?: boolean;
    metric?: { namespace: string; metricName: string; dimensions: Record<string, A>; stat: string; period: number };
}

export interface AlarmSpec<A> {
    /** Suffix of the alarm's name and logical name, e.g. `5xx-rate`. */
    key: string;
    description: string;
    comparisonOperator: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold";
    threshold: number;
    evaluationPeriods: number;
    datapointsToAlarm: number;
    treatMissingData: "missing" | "notBreaching" | "breaching" | "ignore";
    /** A single metric... */
    metric?: { namespace: string; metricName: string; dimensions: Record<string, A>; statistic: string; period: number };
    /** ...or metric math. */
    metricQueries?: AlarmQuery<A>[];
}

/** Below this many requests a minute, a few errors are noise: the 5xx rate counts as 0. */
export const MIN_REQUESTS_FOR_5XX_RATE = 10;

/** The share of requests the load balancer or its targets answered 5xx (metric math over the ALB's counts). */
export function http5xxRateAlarm<A>(loadBalancer: A, http5xxPercent: number): AlarmSpec<A> {
    const albMetric = (id: string, metricName: string): AlarmQuery<A> => ({
        id,
        returnData: false,
        metric: { namespace: "AWS/ApplicationELB", metricName, dimensions: { LoadBalancer: loadBalancer }, stat: "Sum", period: 60 },
    });
    return {
        key: "5xx-rate",
        description: `More than ${http5xxPercent}% of requests answered 5xx (by the load balancer or the app) in 3 of 5 minutes`,
        comparisonOperator: "GreaterThanThreshold",
        threshold: http5xxPercent,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        treatMissingData: "notBreaching",
        metricQueries: [
            albMetric("requests", "RequestCount"),
            albMetric("target5xx", "HTTPCode_Target_5XX_Count"),
            albMetric("elb5xx", "HTTPCode_ELB_5XX_Count"),
            {
                id: "rate",
                label: "5xx share of requests (%)",
                expression: `IF(requests >= ${MIN_REQUESTS_FOR_5XX_RATE}, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)`,
                returnData: true,
            },
        ],
    };
}

/** At least one target (`noun`: instance, task) of the target group failing its health check for 3 minutes. */
export function unhealthyTargetsAlarm<A>(key: string, noun: string, loadBalancer: A, targetGroup: A): AlarmSpec<A> {
    return {
        key,
        description: `At least one ${noun} failed the load balancer's health check for 3 minutes`,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: "notBreaching",
        metric: {
            namespace: "AWS/ApplicationELB",
            metricName: "UnHealthyHostCount",
            dimensions: { LoadBalancer: loadBalancer, TargetGroup: targetGroup },
            statistic: "Maximum",
            period: 60,
        },
    };
}

export function webAlarmSpecs<A>(input: WebAlarmInput<A>): AlarmSpec<A>[] {
    return [
        http5xxRateAlarm(input.loadBalancer, input.http5xxPercent),
        unhealthyTargetsAlarm("unhealthy-hosts", "instance", input.loadBalancer, input.targetGroup),
        {
            key: "high-cpu",
            description: `Average CPU of the instances above ${input.cpuPercent}% for 15 minutes (scaling is by requests; this catches CPU-bound work)`,
            comparisonOperator: "GreaterThanThreshold",
            threshold: input.cpuPercent,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "missing",
            metric: {
                namespace: "AWS/EC2",
                metricName: "CPUUtilization",
                dimensions: { AutoScalingGroupName: input.autoScalingGroupName },
                statistic: "Average",
                period: 300,
            },
        },
    ];
}

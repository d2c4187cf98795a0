/**
 * The web tier's CloudWatch dashboard body (pure): traffic, errors and latency at the load
 * balancer, target health, the Auto Scaling group's size and CPU, the CDN when there is one,
 * and the alarms' states. Returns the object; the component serialises it.
 */

export interface WebDashboardInput {
    /** Region of the load balancer and the instances. */
    region: string;
    /** The load balancer's ARN suffix (`app/<name>/<id>`). */
    loadBalancer: string;
    /** The target group's ARN suffix (`targetgroup/<name>/<id>`). */
    targetGroup: string;
    autoScalingGroupName: string;
    /** CloudFront distribution id, when a CDN exists (its metrics live in us-east-1). */
    distributionId?: string;
    /** ARNs of the alarms shown in the status widget. */
    alarmArns: string[];
}

export interface Widget {
    type: "metric" | "alarm";
    x: number;
    y: number;
    width: number;
    height: number;
    properties: Record<string, unknown>;
}

export type MetricLine = (string | Record<string, unknown>)[];

export function metricWidget(title: string, region: string, metrics: MetricLine[], extra: Record<string, unknown> = {}): Omit<Widget, "x" | "y"> {
    return {
        type: "metric",
        width: 12,
        height: 6,
        properties: { title, region, view: "timeSeries", stacked: false, period: 60, metrics, ...extra },
    };
}

export function webDashboardBody(input: WebDashboardInput): { widgets: Widget[] } {
    const lb = ["LoadBalancer", input.loadBalancer];
    const lbTg = ["TargetGroup", input.targetGroup, "LoadBalancer", input.loadBalancer];
    const elb = "AWS/ApplicationELB";
    const widgets: Omit<Widget, "x" | "y">[] = [
        metricWidget("Requests and errors", input.region, [
            [elb, "RequestCount", ...lb, { stat: "Sum", label: "requests" }],
            [elb, "HTTPCode_Target_5XX_Count", ...lb, { stat: "Sum", label: "app 5xx" }],
            [elb, "HTTPCode_ELB_5XX_Count", ...lb, { stat: "Sum", label: "load balancer 5xx" }],
            [elb, "HTTPCode_Target_4XX_Count", ...lb, { stat: "Sum", label: "app 4xx" }],
        ]),
        metricWidget("Response time (s)", input.region, [
            [elb, "TargetResponseTime", ...lb, { stat: "p50", label: "p50" }],
            [elb, "TargetResponseTime", ...lb, { stat: "p95", label: "p95" }],
            [elb, "TargetResponseTime", ...lb, { stat: "p99", label: "p99" }],
        ]),
        metricWidget("Target health", input.region, [
            [elb, "HealthyHostCount", ...lbTg, { stat: "Minimum", label: "healthy" }],
            [elb, "UnHealthyHostCount", ...lbTg, { stat: "Maximum", label: "unhealthy" }],
            [elb, "RequestCountPerTarget", ...lbTg, { stat: "Sum", label: "requests per target (scaling metric)", yAxis: "right" }],
        ]),
        metricWidget("Instances", input.region, [
            ["AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", input.autoScalingGroupName, { stat: "Maximum", label: "in service" }],
            ["AWS/AutoScaling", "GroupDesiredCapacity", "AutoScalingGroupName", input.autoScalingGroupName, { stat: "Maximum", label: "desired" }],
            ["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", input.autoScalingGroupName, { stat: "Average", label: "CPU % (average)", yAxis: "right" }],
        ]),
    ];
    if (input.distributionId !== undefined) {
        const cf = ["DistributionId", input.distributionId, "Region", "Global"];
        widgets.push(metricWidget("CDN (CloudFront)", "us-east-1", [
            ["AWS/CloudFront", "Requests", ...cf, { stat: "Sum", label: "requests" }],
            ["AWS/CloudFront", "BytesDownloaded", ...cf, { stat: "Sum", label: "bytes out", yAxis: "right" }],
            ["AWS/CloudFront", "5xxErrorRate", ...cf, { stat: "Average", label: "5xx %" }],
            ["AWS/CloudFront", "4xxErrorRate", ...cf, { stat: "Average", label: "4xx %" }],
        ], { period: 300 }));
    }
    widgets.push({ type: "alarm", width: 12, height: 6, properties: { title: "Alarms", alarms: [...input.alarmArns] } });
    return { widgets: inTwoColumns(widgets) };
}

/** Places widgets in two columns, rows of 6 units. */
export function inTwoColumns(widgets: Omit<Widget, "x" | "y">[]): Widget[] {
    return widgets.map((w, i) => ({ ...w, x: (i % 2) * 12, y: Math.floor(i / 2) * 6 }));
}

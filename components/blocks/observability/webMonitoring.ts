import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { metricAlarm } from "./metricAlarm";
import { webDashboardBody } from "./dashboard";
import { webAlarmSpecs } from "./webAlarmRules";

export interface WebMonitoringArgs {
    /**
     * Prefix of the alarm and dashboard names; alarms are named `<prefix>-<alarm>`.
     * @example "chat-staging"
     */
    namePrefix: string;
    /** Region of the load balancer and the instances (the dashboard's default region). */
    region: string;
    /** SNS topic told on ALARM and on OK (AlertTopic, in the same region). */
    topicArn: pulumi.Input<string>;
    /** The load balancer's ARN suffix (`app/<name>/<id>`). */
    loadBalancerArnSuffix: pulumi.Input<string>;
    /** The target group's ARN suffix (`targetgroup/<name>/<id>`). */
    targetGroupArnSuffix: pulumi.Input<string>;
    /** The Auto Scaling group whose CPU is watched. */
    autoScalingGroupName: pulumi.Input<string>;
    /** CloudFront distribution shown on the dashboard. @default undefined (no CDN widget) */
    distributionId?: pulumi.Input<string>;
    /** Share of 5xx answers that raises the 5xx alarm, percent. @default 5 */
    http5xxPercent?: number;
    /** Average CPU that raises the high-CPU alarm, percent. @default 80 */
    cpuPercent?: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * Alarms and a dashboard for the load-balanced web tier:
 * 1. a 5xx-rate alarm (metric math over the ALB's and the targets' 5xx counts per request),
 *    an unhealthy-hosts alarm and a high-CPU alarm on the Auto Scaling group, each notifying
 *    the alert topic on ALARM and on OK;
 * 2. a CloudWatch dashboard: requests and errors, response-time percentiles, target health,
 *    instances and CPU, the CDN, and the alarms' states.
 *
 * Cost: $0.10/month per standard alarm and $0.30 for the metric-math alarm (3 metrics),
 * so $0.50; the dashboard is free (three dashboards per account are; $3/month beyond).
 */
export class WebMonitoring extends pulumi.ComponentResource {
    readonly alarms: aws.cloudwatch.MetricAlarm[];
    readonly dashboard: aws.cloudwatch.Dashboard;
    readonly dashboardName: pulumi.Output<string>;

    constructor(name: string, args: WebMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:observability:WebMonitoring", name, {}, opts);
        const child = { parent: this };

        const specs = webAlarmSpecs<pulumi.Input<string>>({
            namePrefix: args.namePrefix,
            loadBalancer: args.loadBalancerArnSuffix,
            targetGroup: args.targetGroupArnSuffix,
            autoScalingGroupName: args.autoScalingGroupName,
            http5xxPercent: args.http5xxPercent ?? 5,
            cpuPercent: args.cpuPercent ?? 80,
        });
        this.alarms = specs.map((spec) => metricAlarm(`${name}-${spec.key}`, {
            alarmName: `${args.namePrefix}-${spec.key}`,
            spec,
            topicArn: args.topicArn,
            tags: args.tags,
        }, child));

        const body = pulumi.all([
            args.loadBalancerArnSuffix, args.targetGroupArnSuffix, args.autoScalingGroupName, args.distributionId,
            pulumi.all(this.alarms.map((a) => a.arn)),
        ]).apply(([loadBalancer, targetGroup, autoScalingGroupName, distributionId, alarmArns]) => JSON.stringify(webDashboardBody({
            region: args.region, loadBalancer, targetGroup, autoScalingGroupName, distributionId, alarmArns,
        })));
        this.dashboard = new aws.cloudwatch.Dashboard(`${name}-dashboard`, {
            dashboardName: args.namePrefix,
            dashboardBody: body,
        }, child);
        this.dashboardName = this.dashboard.dashboardName;

        this.registerOutputs({ alarmArns: this.alarms.map((a) => a.arn), dashboardName: this.dashboardName });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";

/** What to probe; `fqdn` is required for HTTPS (SNI and certificate name). */
export type HealthTarget =
    | { protocol: "HTTP"; ipAddress: pulumi.Input<string>; fqdn?: undefined; port: number; path: string }
    | { protocol: "HTTPS"; fqdn: string; ipAddress?: pulumi.Input<string>; port: number; path: string };

export interface HealthCheckAlarmArgs {
    /** What to probe: HTTP on an IP address, or HTTPS on a name (SNI). */
    target: HealthTarget;
    /** Alarm name, e.g. `chat-health-dev` (seed 004's `auraxis-health-prod`). */
    alarmName: string;
    /** SNS topic told on ALARM and on OK. Must live in us-east-1, like the alarm. */
    topicArn: pulumi.Input<string>;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** The health check's settings as a pure function of the target. */
export function healthCheckSettings(target: Pick<HealthTarget, "protocol" | "port" | "path" | "fqdn">) {
    return {
        type: target.protocol,
        port: target.port,
        resourcePath: target.path,
        fqdn: target.fqdn,
        // HTTPS checks verify the name the certificate was issued for.
        enableSni: target.protocol === "HTTPS" ? true : undefined,
        failureThreshold: 3,
        requestInterval: 30,
        measureLatency: false,
    };
}

/**
 * A Route53 health check on the app's health path and a CloudWatch alarm on it.
 * Route53 publishes health-check metrics only in us-east-1, so pass a us-east-1 provider in
 * opts.providers when the stack runs elsewhere.
 *
 * Cost: $0.50/month for a health check of an AWS endpoint, +$1/month when it uses HTTPS (an
 * optional feature; latency measurement, another $1, stays off), and $0.10/month for the alarm.
 */
export class HealthCheckAlarm extends pulumi.ComponentResource {
    readonly healthCheck: aws.route53.HealthCheck;
    readonly alarm: aws.cloudwatch.MetricAlarm;

    constructor(name: string, args: HealthCheckAlarmArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:observability:HealthCheckAlarm", name, {}, opts);
        const child = { parent: this };

        this.healthCheck = new aws.route53.HealthCheck(name, {
            ...healthCheckSettings(args.target),
            ipAddress: args.target.ipAddress,
            tags: tagsFor(args.tags, name),
        }, child);

        this.alarm = new aws.cloudwatch.MetricAlarm(`${name}-alarm`, {
            name: args.alarmName,
            alarmDescription: `${args.target.protocol} ${args.target.path} on port ${args.target.port} failed from several Route53 regions`,
            namespace: "AWS/Route53",
            metricName: "HealthCheckStatus",
            dimensions: { HealthCheckId: this.healthCheck.id },
            statistic: "Minimum",
            period: 60,
            evaluationPeriods: 2,
            threshold: 1,
            comparisonOperator: "LessThanThreshold",
            treatMissingData: "breaching",
            actionsEnabled: true,
            alarmActions: [args.topicArn],
            okActions: [args.topicArn],
            tags: tagsFor(args.tags, args.alarmName),
        }, child);

        this.registerOutputs({ healthCheckId: this.healthCheck.id, alarmArn: this.alarm.arn });
    }
}

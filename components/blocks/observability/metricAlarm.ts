/**
 * One alarm spec (webAlarmRules.ts AlarmSpec) as a CloudWatch alarm: every composition turns its
 * specs into alarms here, so they all notify the same way (alarm and OK to the topic) and are
 * named and tagged alike.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { type AlarmSpec } from "./webAlarmRules";

export interface MetricAlarmInput {
    /** The alarm's name in CloudWatch (a physical name: changing it replaces the alarm). */
    alarmName: string;
    spec: AlarmSpec<pulumi.Input<string>>;
    /** The SNS topic told when the alarm fires and when it clears. */
    topicArn: pulumi.Input<string>;
    tags: Record<string, string>;
}

/** A MetricAlarm with the spec's metric or metric math, alarm and OK actions on the topic. */
export function metricAlarm(logicalName: string, input: MetricAlarmInput, opts: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm {
    const { spec } = input;
    return new aws.cloudwatch.MetricAlarm(logicalName, {
        name: input.alarmName,
        alarmDescription: spec.description,
        comparisonOperator: spec.comparisonOperator,
        threshold: spec.threshold,
        evaluationPeriods: spec.evaluationPeriods,
        datapointsToAlarm: spec.datapointsToAlarm,
        treatMissingData: spec.treatMissingData,
        ...(spec.metric !== undefined ? spec.metric : {}),
        metricQueries: spec.metricQueries,
        actionsEnabled: true,
        alarmActions: [input.topicArn],
        okActions: [input.topicArn],
        tags: tagsFor(input.tags, input.alarmName),
    }, opts);
}

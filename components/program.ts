import * as pulumi from "@pulumi/pulumi";
import { type Settings } from "./config/settings";
import { SingleHost } from "./phase1/singleHost";

/** The stack outputs a user needs after `pulumi up`. */
export interface StackOutputs {
    phase: number;
    environment: string;
    url: pulumi.Output<string>;
    publicIp: pulumi.Output<string>;
    instanceId: pulumi.Output<string>;
    ssmSessionCommand: pulumi.Output<string>;
    deployCommand: pulumi.Output<string>;
    rollbackCommand: pulumi.Output<string>;
    buckets: { uploads: pulumi.Output<string>; static: pulumi.Output<string>; backups: pulumi.Output<string> };
    healthCheckId: pulumi.Output<string>;
    logGroupName: pulumi.Output<string>;
    alertTopicArn: pulumi.Output<string>;
}

/** Builds the architecture phase the settings select and returns the stack outputs. */
export function buildStack(settings: Settings): StackOutputs {
    const name = `${settings.app.name}-${settings.environment}`;
    // Only phase 1 exists in this version; config validation rejects the others before this point.
    const host = new SingleHost(name, settings);
    const region = settings.region;
    return {
        phase: settings.phase,
        environment: settings.environment,
        url: host.url,
        publicIp: host.publicIp,
        instanceId: host.instanceId,
        ssmSessionCommand: pulumi.interpolate`aws ssm start-session --region ${region} --target ${host.instanceId}`,
        deployCommand: pulumi.interpolate`aws ssm send-command --region ${region} --document-name ${host.deployDocumentName} --targets Key=InstanceIds,Values=${host.instanceId} --parameters gitRef=<ref>`,
        rollbackCommand: pulumi.interpolate`aws ssm send-command --region ${region} --document-name ${host.rollbackDocumentName} --targets Key=InstanceIds,Values=${host.instanceId}`,
        buckets: host.bucketNames,
        healthCheckId: host.healthCheckId,
        logGroupName: host.logGroupName,
        alertTopicArn: host.alertTopicArn,
    };
}

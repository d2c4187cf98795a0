import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { amiQuery, architectureOf, isBurstable } from "../../blocks/compute/ami";
import { type AmiFamily } from "../../config/settings";
import { type AutoScalingSettings } from "../../config/web";
import { RuleSetGroup } from "../../blocks/security/securityGroup";
import { tagsFor } from "../../blocks/shared/tags";
import { LOAD_BALANCER_PEER, requestCountResourceLabel, requestCountTargetTracking } from "../../blocks/loadbalancer/targets";
import { autoScalingGroupSettings } from "./scaling";
import { instanceEgress, instanceIngress } from "./traffic";

export interface AppFleetArgs {
    /** VPC of the instances and their security group. */
    vpcId: pulumi.Input<string>;
    /** Private subnets the group launches instances into, one per AZ. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Port the app listens on; the only port open, and only to the load balancer's group. */
    appPort: number;
    /** The load balancer's security group: the only source admitted. */
    loadBalancerSecurityGroupId: pulumi.Input<string>;
    /** The load balancer's ARN suffix (`app/<name>/<id>`), for the request-count metric. */
    loadBalancerArnSuffix: pulumi.Input<string>;
    /** Target group the group registers its instances in. */
    targetGroupArn: pulumi.Input<string>;
    /** The target group's ARN suffix (`targetgroup/<name>/<id>`), for the request-count metric. */
    targetGroupArnSuffix: pulumi.Input<string>;
    /** Instance profile the instances run with (InstanceRole). */
    instanceProfileName: pulumi.Input<string>;
    /** EC2 instance type; Graviton (…g) types boot an arm64 image. @example "t3.small" */
    instanceType: string;
    /** Operating system of the image. */
    amiFamily: AmiFamily;
    /** Size of the encrypted gp3 root volume, GiB. */
    rootVolumeSizeGb: number;
    /** One-minute EC2 metrics ($2.10/month per instance). */
    detailedMonitoring: boolean;
    /** First-boot script, plain text (base64-encoded here); a change rolls the group (instance refresh). */
    userData: string;
    /** Size, health and scaling target of the group. */
    scaling: AutoScalingSettings;
    /** TCP ports the instances may open to the internet (through NAT). @example [443, 80] */
    egressPorts: number[];
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The app's instances behind the load balancer (seed 001 phase 2, Auto Scaling):
 * 1. a security group from a rule list: the app port only from the load balancer's group, out
 *    only the configured ports (443/80) through NAT;
 * 2. a launch template: newest image of the family, IMDSv2 required with hop limit 1, an
 *    encrypted gp3 root volume, no public IP, the instance profile, the user data;
 * 3. an Auto Scaling group in the private subnets (ELB health checks with a grace period,
 *    rolling instance refresh when the template changes, tags propagated at launch);
 * 4. target tracking on ALBRequestCountPerTarget.
 * `desiredCapacity` is ignored after creation: the scaling policy owns it, and `pulumi up`
 * must not undo a scale-out.
 *
 * Cost (us-east-1, 730 h, on demand): per instance t3.micro $7.59, t3.small $15.18, plus
 * $0.08/GB-month of gp3 ($2.40 for 30 GB); two t3.small with 30 GB ≈ $35.17/month.
 * Scaling policies and group metrics are free.
 */
export class AppFleet extends pulumi.ComponentResource {
    readonly securityGroupId: pulumi.Output<string>;
    readonly launchTemplate: aws.ec2.LaunchTemplate;
    readonly autoScalingGroup: aws.autoscaling.Group;
    readonly autoScalingGroupName: pulumi.Output<string>;
    readonly scalingPolicy: aws.autoscaling.Policy;

    constructor(name: string, args: AppFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:phase2:AppFleet", name, {}, opts);

        this.securityGroupId = this.createSecurityGroup(name, args);
        this.launchTemplate = this.createLaunchTemplate(name, args);
        this.autoScalingGroup = this.createGroup(name, args);
        this.autoScalingGroupName = this.autoScalingGroup.name;
        this.scalingPolicy = this.createScalingPolicy(name, args);

        this.registerOutputs({
            securityGroupId: this.securityGroupId,
            launchTemplateId: this.launchTemplate.id,
            autoScalingGroupName: this.autoScalingGroupName,
        });
    }

    private createSecurityGroup(name: string, args: AppFleetArgs): pulumi.Output<string> {
        return new RuleSetGroup(`${name}-sg`, {
            vpcId: args.vpcId,
            description: "App instances: app port from the load balancer only, web egress through NAT",
            ingress: instanceIngress(args.appPort),
            egress: instanceEgress(args.egressPorts),
            peers: { [LOAD_BALANCER_PEER]: args.loadBalancerSecurityGroupId },
            tags: args.tags,
        }, { parent: this }).id;
    }

    private createLaunchTemplate(name: string, args: AppFleetArgs): aws.ec2.LaunchTemplate {
        const ami = aws.ec2.getAmiOutput(amiQuery(args.amiFamily, architectureOf(args.instanceType)), { parent: this });
        const rootDevice = args.amiFamily === "al2023" ? "/dev/xvda" : "/dev/sda1";
        return new aws.ec2.LaunchTemplate(`${name}-lt`, {
            description: "App instances behind the load balancer",
            imageId: ami.id,
            instanceType: args.instanceType,
            iamInstanceProfile: { name: args.instanceProfileName },
            // IMDSv2 only, one hop: the app runs on the host network (compose hostNetwork), so it
            // still reaches the role while a bridged container could not.
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
            blockDeviceMappings: [{
                deviceName: rootDevice,
                ebs: { volumeType: "gp3", volumeSize: args.rootVolumeSizeGb, encrypted: "true", deleteOnTermination: "true" },
            }],
            networkInterfaces: [{
                deviceIndex: 0,
                associatePublicIpAddress: "false",
                deleteOnTermination: "true",
                securityGroups: [this.securityGroupId],
            }],
            ebsOptimized: "true",
            monitoring: { enabled: args.detailedMonitoring },
            creditSpecification: isBurstable(args.instanceType) ? { cpuCredits: "standard" } : undefined,
            userData: Buffer.from(args.userData, "utf8").toString("base64"),
            updateDefaultVersion: true,
            tagSpecifications: [
                { resourceType: "volume", tags: tagsFor(args.tags, `${name}-root`) },
                { resourceType: "network-interface", tags: tagsFor(args.tags, `${name}-eni`) },
            ],
            tags: tagsFor(args.tags, `${name}-lt`),
        }, { parent: this });
    }

    private createGroup(name: string, args: AppFleetArgs): aws.autoscaling.Group {
        const tags = tagsFor(args.tags, `${name}-instance`);
        return new aws.autoscaling.Group(`${name}-asg`, {
            ...autoScalingGroupSettings(args.scaling),
            vpcZoneIdentifiers: args.privateSubnetIds,
            launchTemplate: { id: this.launchTemplate.id, version: this.launchTemplate.latestVersion.apply((v) => `${v}`) },
            targetGroupArns: [args.targetGroupArn],
            instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 50 } },
            enabledMetrics: ["GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances", "GroupPendingInstances", "GroupTerminatingInstances"],
            metricsGranularity: "1Minute",
            tags: Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
        }, { parent: this, ignoreChanges: ["desiredCapacity"] });
    }

    private createScalingPolicy(name: string, args: AppFleetArgs): aws.autoscaling.Policy {
        const label = pulumi.all([args.loadBalancerArnSuffix, args.targetGroupArnSuffix])
            .apply(([lb, tg]) => requestCountResourceLabel(lb, tg));
        return new aws.autoscaling.Policy(`${name}-requests-per-target`, {
            autoscalingGroupName: this.autoScalingGroup.name,
            policyType: "TargetTrackingScaling",
            targetTrackingConfiguration: requestCountTargetTracking(label, args.scaling.requestCountTarget),
        }, { parent: this });
    }
}

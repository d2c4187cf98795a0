import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { releaseParameterName } from "../../blocks/compute/deployScript";
import { containerLogGroupName } from "../../blocks/compute/userData";
import { DeployDocuments } from "../../blocks/deploy/deployDocuments";
import { tagsFor } from "../../blocks/shared/tags";
import { fleetFiles } from "./firstBoot";
import { webTierIntents } from "./intents";
import { publicFilesIntents } from "../../blocks/cdn/publicFiles";
import { type WebTierSettings } from "../../config/settings";
import { type WebSettings, webHostnames } from "../../config/web";
import { InstanceRole } from "../../blocks/iam/instanceRole";
import { buildWebEdge } from "../../blocks/edge/webEdge";
import { AlertTopic } from "../../blocks/observability/alertTopic";
import { LogGroup } from "../../blocks/observability/logGroup";
import { WebMonitoring } from "../../blocks/observability/webMonitoring";
import { AppFleet } from "./appFleet";

/**
 * What the load-balanced web tier is built from: the validated stack settings (see
 * config/settings.ts) and the phase-2 settings (config/web.ts). `dns.domain` is the apex domain
 * and `dns.hostedZoneId` its Route53 zone; both are required by the type (WebTierSettings).
 */
export type ScalableWebArgs = Pick<WebTierSettings,
    "region" | "environment" | "app" | "network" | "host" | "dns" | "storage" | "alertEmail" |
    "logRetentionDays" | "protectStateful" | "tags"> & { web: WebSettings };

/** Prefix ELB writes access logs under, inside the access-log bucket. */

/**
 * Phase 2 (seed 001 "MVP/Staging", seed 003 "Escalabilidade Futura"): the app on an Auto
 * Scaling group behind an application load balancer, static assets on CloudFront.
 * 1. network: awsx VPC with public and private subnets in the configured AZs, NAT per
 *    natStrategy (a NAT instance or NAT gateways), free S3/DynamoDB gateway endpoints;
 * 2. buckets uploads / static / backups as in phase 1 (private, encrypted, TLS-only), plus a
 *    bucket for the load balancer's access logs;
 * 3. log group `/<app>/<env>/containers` and the instance role (phase 1's least privilege + SSM);
 * 4. WebLoadBalancer: ALB in the public subnets, 80 → 301 to 443, TLS 1.3 policy, apex +
 *    wildcard certificate validated in Route53, target group on the app port with /health
 *    every 30 s, `app.<domain>` alias; deletion protection with protectStateful;
 * 5. AppFleet: launch template (IMDSv2 hop 1, encrypted gp3, no public IP, the app without the
 *    TLS proxy on the host network) and an Auto Scaling group in the private subnets (ELB health
 *    checks, 300 s grace, target tracking on requests per target), reachable only from the ALB;
 * 6. StaticSiteCdn (when cdnEnabled): CloudFront with origin access control in front of the
 *    static bucket, whose policy admits only that distribution; `cdn.<domain>` alias;
 * 7. an encrypted alert topic, alarms (5xx rate, unhealthy hosts, high CPU) and a dashboard;
 * 8. SSM deploy, rollback and status documents (phase 1's, run on every instance of the group),
 *    and the release parameter `/<app>/<env>/STAGECRAFT_RELEASE`.
 * Deploys: the release workflow (or the `deployCommand` output) runs the deploy document on the
 * instances tagged `environment=<env>`: health and smoke checks per instance, each restoring its
 * previous release on failure. A successful deploy or rollback records `<tag> <template tag>` in
 * the release parameter (the instance role may write that parameter only), and an instance the
 * group launches later (scale-out, replacement) boots that release instead of the launch
 * template's tag, unless the template's tag changed since: changing `appImageTag` and running
 * `pulumi up` rolls the group onto the new tag (instance refresh, at least half the instances
 * healthy throughout), as before.
 *
 * Cost (us-east-1, 730 h, seed 001 staging: 2 × t3.small, NAT instance, 100 GB via CDN):
 * ALB $16.43 + ~1 LCU $5.84 + two public IPv4 $7.30; instances 2 × ($15.18 + 30 GB gp3 $2.40)
 * = $35.17; NAT instance $7.36 (one NAT gateway instead: $36.50 + $0.045/GB); alert key $1;
 * alarms $0.50; CDN $0 within the free tier; S3, logs and data transfer by use. About $74/month
 * before traffic, inside seed 001's $100-200 for phase 2 (its $60 MongoDB Atlas M10 is outside AWS).
 */
export class ScalableWeb extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;
    readonly cdnUrl?: pulumi.Output<string>;
    /** https://files.<domain>, undefined unless `publicPrefixes` is set (docs/public-files.md). */
    readonly publicFilesUrl?: pulumi.Output<string>;
    readonly cdnDistributionId?: pulumi.Output<string>;
    readonly loadBalancerDnsName: pulumi.Output<string>;
    readonly autoScalingGroupName: pulumi.Output<string>;
    readonly bucketNames: { uploads: pulumi.Output<string>; static: pulumi.Output<string>; backups: pulumi.Output<string> };
    readonly accessLogsBucketName?: pulumi.Output<string>;
    readonly logGroupName: pulumi.Output<string>;
    readonly alertTopicArn: pulumi.Output<string>;
    readonly dashboardName: pulumi.Output<string>;
    readonly natInstanceId?: pulumi.Output<string>;
    readonly deployDocumentName: pulumi.Output<string>;
    readonly rollbackDocumentName: pulumi.Output<string>;
    /** Read-only: what each instance runs (release, previous release, last smoke checks, containers). */
    readonly statusDocumentName: pulumi.Output<string>;
    /** The SSM parameter holding the fleet's release (`<tag> <template tag>`). */
    readonly releaseParameterName: pulumi.Output<string>;

    constructor(name: string, args: ScalableWebArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:phase2:ScalableWeb", name, {}, opts);
        const child = { parent: this };
        const app = args.app.name;
        const env = args.environment;
        const hostnames = webHostnames(args.dns.domain, args.web);
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;

        // 1-2. network, buckets, access logs, load balancer and CDN: the edge phase 3 shares
        const { network, buckets, accessLogs, lb, cdn, publicFiles } = buildWebEdge(this, {
            name, settings: args, accountId: identity.accountId, hostnames, targetType: "instance",
        });

        // 3. logs and identity
        const logGroup = new LogGroup(`${name}-containers`, {
            logGroupName: containerLogGroupName(app, env),
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);
        // The fleet's release: Pulumi creates it (tagged, deleted with the stack) and leaves its value to the deploy tool.
        const releaseParameter = new aws.ssm.Parameter(`${name}-release-parameter`, {
            name: releaseParameterName(app, env),
            description: "The release the app fleet runs and the launch template tag it was deployed over; instances launched later boot it (stagecraft-deploy boot)",
            type: "String",
            value: `${args.app.initialTag} ${args.app.initialTag}`,
            tags: tagsFor(args.tags, `${name}-release-parameter`),
        }, { parent: this, ignoreChanges: ["value"] });
        const role = new InstanceRole(`${name}-instance-role`, {
            access: {
                ...buckets.hostAccess(logGroup.arn, pulumi.interpolate`arn:${partition}:ssm:${args.region}:${identity.accountId}:parameter/${app}/${env}`),
                releaseParameterArn: releaseParameter.arn,
            },
            tags: args.tags,
        }, child);

        // 4. instances
        const fleet = new AppFleet(`${name}-app`, {
            vpcId: network.vpcId,
            privateSubnetIds: network.privateSubnetIds,
            appPort: args.app.port,
            loadBalancerSecurityGroupId: lb.securityGroupId,
            loadBalancerArnSuffix: lb.loadBalancer.arnSuffix,
            targetGroupArn: lb.targetGroup.arn,
            targetGroupArnSuffix: lb.targetGroup.arnSuffix,
            instanceProfileName: role.instanceProfile.name,
            instanceType: args.host.instanceType,
            amiFamily: args.host.amiFamily,
            rootVolumeSizeGb: args.host.rootVolumeSizeGb,
            detailedMonitoring: args.host.detailedMonitoring,
            userData: fleetFiles(args).userData,
            scaling: args.web.asg,
            egressPorts: args.web.egressPorts,
            tags: args.tags,
        }, { parent: this, dependsOn: [logGroup, releaseParameter] });

        // 5. alerting
        const alerts = new AlertTopic(`${name}-alerts`, {
            topicName: `${app}-${env}-alerts`,
            email: args.alertEmail,
            tags: args.tags,
        }, child);
        const monitoring = new WebMonitoring(`${name}-monitoring`, {
            namePrefix: `${app}-${env}`,
            region: args.region,
            topicArn: alerts.arn,
            loadBalancerArnSuffix: lb.loadBalancer.arnSuffix,
            targetGroupArnSuffix: lb.targetGroup.arnSuffix,
            autoScalingGroupName: fleet.autoScalingGroupName,
            distributionId: cdn?.distributionId,
            http5xxPercent: args.web.alarm5xxPercent,
            cpuPercent: args.web.alarmCpuPercent,
            tags: args.tags,
        }, child);

        // 6. deploys through SSM, on every instance of the group
        const documents = new DeployDocuments(`${name}-release`, { appName: app, environment: env, tags: args.tags }, child);

        this.url = lb.url;
        this.cdnUrl = cdn?.url;
        this.publicFilesUrl = publicFiles?.url;
        this.cdnDistributionId = cdn?.distributionId;
        this.loadBalancerDnsName = lb.dnsName;
        this.autoScalingGroupName = fleet.autoScalingGroupName;
        this.bucketNames = buckets.bucketNames;
        this.accessLogsBucketName = accessLogs?.bucketName;
        this.logGroupName = logGroup.name;
        this.alertTopicArn = alerts.arn;
        this.dashboardName = monitoring.dashboardName;
        this.natInstanceId = network.natInstance?.instance.id;
        this.deployDocumentName = documents.deployDocumentName;
        this.rollbackDocumentName = documents.rollbackDocumentName;
        this.statusDocumentName = documents.statusDocumentName;
        this.releaseParameterName = releaseParameter.name;

        this.registerOutputs({
            // What must work and what must never work, proved by the offline check (docs/intents.md).
            intents: [
                ...webTierIntents({ name, appName: app, appPort: args.app.port, egressPorts: args.web.egressPorts }),
                ...publicFilesIntents(name, args.storage.publicPrefixes),
            ],
            url: this.url,
            cdnUrl: this.cdnUrl,
            publicFilesUrl: this.publicFilesUrl,
            cdnDistributionId: this.cdnDistributionId,
            loadBalancerDnsName: this.loadBalancerDnsName,
            autoScalingGroupName: this.autoScalingGroupName,
            bucketNames: this.bucketNames,
            accessLogsBucketName: this.accessLogsBucketName,
            logGroupName: this.logGroupName,
            alertTopicArn: this.alertTopicArn,
            dashboardName: this.dashboardName,
            natInstanceId: this.natInstanceId,
            deployDocumentName: this.deployDocumentName,
            rollbackDocumentName: this.rollbackDocumentName,
            statusDocumentName: this.statusDocumentName,
            releaseParameterName: this.releaseParameterName,
        });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type Settings } from "../../config/settings";
import { amiQuery, architectureOf, isBurstable } from "../../blocks/compute/ami";
import { containerLogGroupName } from "../../blocks/compute/userData";
import { hostHoldsData, needsRuntime, singleHostAgent, singleHostFiles } from "./firstBoot";
import { backupKeyPrefix } from "../../blocks/compute/backup";
import { HostDatabase } from "../../blocks/storage/hostDatabase";
import { DeployDocuments } from "../../blocks/deploy/deployDocuments";
import { InstanceRole } from "../../blocks/iam/instanceRole";
import { Network } from "../../blocks/network/network";
import { AlertTopic } from "../../blocks/observability/alertTopic";
import { HealthCheckAlarm, type HealthTarget } from "../../blocks/observability/healthCheck";
import { hostAlarmSpecs } from "../../blocks/observability/hostMetrics";
import { metricAlarm } from "../../blocks/observability/metricAlarm";
import { LogGroup } from "../../blocks/observability/logGroup";
import { RuleSetGroup } from "../../blocks/security/securityGroup";
import { tagsFor } from "../../blocks/shared/tags";
import { AppBuckets } from "../../blocks/storage/appBuckets";
import { publicPrefixesGrant } from "../../blocks/cdn/grant";
import { PublicFilesCdn } from "../../blocks/cdn/publicFilesCdn";
import { PUBLIC_FILES_SUBDOMAIN } from "../../config/publicPrefixes";
import { singleHostEgress, singleHostIngress } from "./traffic";
import { singleHostIntents } from "./intents";
import { usEast1Provider } from "../../blocks/shared/providers";

/**
 * What the single host is built from: the validated stack settings (see config/settings.ts for
 * every field, its default and what is allowed).
 */
export type SingleHostArgs = Pick<Settings,
    "region" | "environment" | "app" | "network" | "host" | "dns" | "storage" | "alertEmail" |
    "logRetentionDays" | "protectStateful" | "tags" | "web" | "data" | "serving">;

/**
 * Phase 1 (seeds 000, 001 phase 1, 003, 004): one EC2 host running the app with Docker Compose.
 * 1. network: an awsx VPC with public subnets only and no NAT, the default security group emptied;
 * 2. security group from a rule list: 80/443, the app port, SSH only from admin CIDRs (or none);
 * 3. buckets uploads / static / backups (private, encrypted, TLS-only; backups versioned with
 *    a lifecycle that expires old versions and, in prod, moves backups to cheaper classes);
 * 4. log group `/<app>/<env>/containers` with retention;
 * 5. instance role (least privilege + SSM core) and instance profile;
 * 6. the instance: newest AMI of the family, IMDSv2 only, encrypted gp3 root volume, user data
 *    that installs Docker + Compose, the host firewall and the app; an Elastic IP;
 * 7. a DNS record when a hosted zone is configured;
 * 8. an encrypted SNS alert topic, a Route53 health check on /health (HTTP, or HTTPS with TLS)
 *    and its CloudWatch alarm;
 * 9. SSM documents to deploy a git ref and to roll back;
 * 10. with `database`, PostgreSQL 15 in the Compose project on a separate encrypted gp3 EBS
 *    volume that survives instance replacement, its password in SSM (HostDatabase), and a
 *    restore document; with `database` or `backupPaths`, a nightly backup timer on the host that
 *    uploads under <app>/<env>/ in the backups bucket (docs/data.md);
 * 11. host alarms to the alert topic: CPU (AWS/EC2) and, on burstable types, CPU credits; with
 *    `hostMetrics`, the CloudWatch agent publishes memory and disk use of / (and of the data
 *    volume) to `<app>/<env>/host`, each with an alarm; outside us-east-1 they notify a topic in
 *    the host's region (docs/metrics.md);
 * 12. with `publicPrefixes`, a CloudFront distribution with origin access control that serves
 *    those prefixes of the uploads bucket to anyone; the bucket stays private (PublicFilesCdn).
 *
 * Cost (us-east-1, 730 h): t3.micro $7.59 (free tier: $0), 30 GB gp3 $2.40, public IPv4 of the
 * Elastic IP $3.65, alert key $1, health check $0.50 (+$1 with HTTPS), health alarm $0.10, S3 and
 * logs by use. The database's data volume is gp3 at $0.08/GB-month (dataVolumeMonthlyUsd). Host
 * alarms $0.10 each (CPU, credits), the agent's metrics $0.30 each with a $0.10 alarm (memory, /,
 * the data volume); outside us-east-1 the host's topic adds a $1 key. The public-files
 * distribution is priced by use. The dev stack's total is in the README, generated from its plan.
 */
export class SingleHost extends pulumi.ComponentResource {
    readonly instanceId: pulumi.Output<string>;
    readonly publicIp: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly bucketNames: { uploads: pulumi.Output<string>; static: pulumi.Output<string>; backups: pulumi.Output<string> };
    /** Base URL of the uploads bucket's public prefixes; undefined unless `publicPrefixes` is set. */
    readonly publicFilesUrl?: pulumi.Output<string>;
    readonly healthCheckId: pulumi.Output<string>;
    readonly logGroupName: pulumi.Output<string>;
    readonly alertTopicArn: pulumi.Output<string>;
    /** The topic the host's alarms notify: alertTopicArn in us-east-1, a topic in the host's region elsewhere. */
    readonly hostAlertTopicArn: pulumi.Output<string>;
    /** The CloudWatch namespace of the agent's metrics, undefined when `hostMetrics` is off. */
    readonly metricsNamespace?: string;
    readonly deployDocumentName: pulumi.Output<string>;
    readonly rollbackDocumentName: pulumi.Output<string>;
    readonly statusDocumentName: pulumi.Output<string>;
    /** Undefined unless `database` is on. */
    readonly restoreDocumentName?: pulumi.Output<string>;
    /** The database's data volume, undefined unless `database` is on. */
    readonly dataVolumeId?: pulumi.Output<string>;

    constructor(name: string, args: SingleHostArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:phase1:SingleHost", name, {}, opts);
        const child = { parent: this };
        const stateful = { parent: this, protect: args.protectStateful };
        const app = args.app.name;
        const env = args.environment;

        // 1. network
        const network = new Network(`${name}-network`, {
            cidrBlock: args.network.cidrBlock,
            availabilityZones: args.network.availabilityZones,
            privateSubnets: false,
            natStrategy: "none",
            ipv6: args.network.ipv6,
            flowLogs: args.network.flowLogs,
            flowLogRetentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);

        // 2. security group
        const ingress = singleHostIngress({
            appPort: args.app.port,
            appPortCidrs: args.host.appPortCidrs,
            sshCidrs: args.host.sshCidrs,
            ipv6: args.network.ipv6,
        });
        const securityGroup = new RuleSetGroup(`${name}-host-sg`, {
            vpcId: network.vpcId,
            description: `${app} ${env} single host: web, app port and admin access`,
            ingress,
            egress: singleHostEgress(args.network.ipv6, args.web.egressPorts),
            tags: args.tags,
        }, child);

        // 3. buckets (11. the public prefixes' grant joins the uploads bucket's one policy)
        const prefixes = args.storage.publicPrefixes;
        const grant = prefixes.length > 0 ? publicPrefixesGrant(prefixes) : undefined;
        const buckets = new AppBuckets(`${name}`, {
            appName: app,
            environment: env,
            storage: args.storage,
            protectStateful: args.protectStateful,
            uploadsPolicyStatements: grant?.statements,
            tags: args.tags,
        }, child);
        const publicFiles = grant !== undefined ? this.createPublicFiles(name, args, buckets, grant) : undefined;

        // 4. logs
        const logGroup = new LogGroup(`${name}-containers`, {
            logGroupName: containerLogGroupName(app, env),
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);

        // 5. identity; alerts first, since failed backups publish to them. Route53 health-check
        // metrics exist only in us-east-1, so the topic lives there.
        const usEast1 = usEast1Provider(`${name}-us-east-1`, this, args.region);
        const alarmOpts: pulumi.ComponentResourceOptions = usEast1 === undefined ? child : { parent: this, providers: { aws: usEast1 } };
        const alerts = new AlertTopic(`${name}-alerts`, {
            topicName: `${app}-${env}-alerts`,
            email: args.alertEmail,
            tags: args.tags,
        }, alarmOpts);
        const holdsData = hostHoldsData(args);
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;
        // The agent's metrics: the role may put them into their namespace only.
        const agent = singleHostAgent(args);
        const access = {
            ...buckets.hostAccess(logGroup.arn, pulumi.interpolate`arn:${partition}:ssm:${args.region}:${identity.accountId}:parameter/${app}/${env}`, backupKeyPrefix(app, env)),
            ...(agent !== undefined ? { metricsNamespace: agent.namespace } : {}),
        };
        const role = new InstanceRole(`${name}-host-role`, {
            access: holdsData ? { ...access, alerts: { topicArn: alerts.arn, keyArn: alerts.keyArn } } : access,
            tags: args.tags,
        }, child);

        // 6. instance + Elastic IP
        const tlsDomain = args.dns.tls ? args.dns.domain : undefined;
        const ami = aws.ec2.getAmiOutput(amiQuery(args.host.amiFamily, architectureOf(args.host.instanceType)), child);
        const subnetId = network.publicSubnetIds.apply((ids) => ids[0]);
        // 10. the database's volume and password, before the host whose first boot waits for it
        const database = args.data.database.enabled
            ? new HostDatabase(`${name}-db`, {
                appName: app,
                environment: env,
                availabilityZone: network.firstPublicSubnetZone,
                sizeGb: args.data.database.volumeSizeGb,
                protectStateful: args.protectStateful,
                tags: args.tags,
            }, child)
            : undefined;
        const userData = needsRuntime(args)
            ? pulumi.all([database?.volumeId ?? "", buckets.backups.bucketName, buckets.assets.bucketName, alerts.arn]).apply(([dataVolumeId, backupsBucket, staticBucket, alertTopicArn]) =>
                singleHostFiles(args, { dataVolumeId, backupsBucket, staticBucket, alertTopicArn }).userData)
            : singleHostFiles(args).userData;
        const instance = new aws.ec2.Instance(`${name}-host`, {
            ami: ami.id,
            instanceType: args.host.instanceType,
            subnetId,
            vpcSecurityGroupIds: [securityGroup.id],
            iamInstanceProfile: role.instanceProfile.name,
            // IMDSv2 only. Hop limit 2 lets the app container reach the role (it writes to S3 as in
            // seed 003); the role is scoped to this stack's buckets, log group and parameters.
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2, instanceMetadataTags: "disabled" },
            rootBlockDevice: {
                volumeType: "gp3",
                volumeSize: args.host.rootVolumeSizeGb,
                encrypted: true,
                deleteOnTermination: !args.protectStateful,
                tags: tagsFor(args.tags, `${name}-host-root`),
            },
            ebsOptimized: true,
            monitoring: args.host.detailedMonitoring,
            disableApiTermination: args.protectStateful,
            // Standard credits: a busy t-class host slows down instead of running up a bill.
            creditSpecification: isBurstable(args.host.instanceType) ? { cpuCredits: "standard" } : undefined,
            ipv6AddressCount: args.network.ipv6 ? 1 : undefined,
            userData,
            userDataReplaceOnChange: false,
            tags: tagsFor(args.tags, `${name}-host`),
        }, {
            ...stateful,
            dependsOn: [logGroup],
            // A newer AMI must not replace a running host by surprise: roll it deliberately with
            // `pulumi up --replace <instance urn>`.
            ignoreChanges: ["ami"],
        });
        database?.attach(instance);
        const eip = new aws.ec2.Eip(`${name}-ip`, {
            domain: "vpc",
            instance: instance.id,
            tags: tagsFor(args.tags, `${name}-ip`),
        }, stateful);

        // 7. DNS
        if (args.dns.hostedZoneId !== undefined && args.dns.domain !== undefined) {
            new aws.route53.Record(`${name}-a`, {
                zoneId: args.dns.hostedZoneId,
                name: args.dns.domain,
                type: "A",
                ttl: 300,
                records: [eip.publicIp],
            }, child);
            if (args.network.ipv6) {
                new aws.route53.Record(`${name}-aaaa`, {
                    zoneId: args.dns.hostedZoneId,
                    name: args.dns.domain,
                    type: "AAAA",
                    ttl: 300,
                    records: [instance.ipv6Addresses.apply((a) => a[0])],
                }, child);
            }
        }

        // 8. alerting (the topic is created with the identity: backups publish to it)
        const target: HealthTarget = tlsDomain !== undefined
            ? { protocol: "HTTPS", fqdn: tlsDomain, port: 443, path: args.app.healthPath }
            : { protocol: "HTTP", ipAddress: eip.publicIp, port: 80, path: args.app.healthPath };
        const health = new HealthCheckAlarm(`${name}-health`, {
            target,
            alarmName: `${app}-health-${env}`,
            topicArn: alerts.arn,
            tags: args.tags,
        }, alarmOpts);

        // 8b. host alarms: CPU (and credits on burstable types) from AWS/EC2, memory and disk from
        // the agent. EC2 and agent metrics live in the host's region and an alarm notifies only a
        // topic of its own region: outside us-east-1 the host gets a topic of its own there.
        const hostTopicArn = usEast1 === undefined ? alerts.arn : new AlertTopic(`${name}-host-alerts`, {
            topicName: `${app}-${env}-host-alerts`,
            email: args.alertEmail,
            tags: args.tags,
        }, child).arn;
        const metrics = args.host.metrics;
        for (const spec of hostAlarmSpecs({
            instanceId: instance.id,
            cpuPercent: args.web.alarmCpuPercent,
            burstable: isBurstable(args.host.instanceType),
            cpuCreditBalance: metrics.cpuCreditBalance,
            agent: agent !== undefined ? { ...agent, memoryPercent: metrics.memoryPercent, diskPercent: metrics.diskPercent } : undefined,
        })) {
            metricAlarm(`${name}-alarm-${spec.key}`, { alarmName: `${app}-${env}-host-${spec.key}`, spec, topicArn: hostTopicArn, tags: args.tags }, child);
        }

        // 9. deploys through SSM
        const documents = new DeployDocuments(`${name}-release`, { appName: app, environment: env, restore: database !== undefined, tags: args.tags }, child);

        this.instanceId = instance.id;
        this.publicIp = eip.publicIp;
        this.url = tlsDomain !== undefined
            ? pulumi.output(`https://${tlsDomain}`)
            : args.dns.domain !== undefined && args.dns.hostedZoneId !== undefined
                ? pulumi.output(`http://${args.dns.domain}`)
                : pulumi.interpolate`http://${eip.publicIp}`;
        this.bucketNames = buckets.bucketNames;
        this.publicFilesUrl = publicFiles?.url;
        this.healthCheckId = health.healthCheck.id;
        this.logGroupName = logGroup.name;
        this.alertTopicArn = alerts.arn;
        this.hostAlertTopicArn = hostTopicArn;
        this.metricsNamespace = agent?.namespace;
        this.deployDocumentName = documents.deployDocumentName;
        this.rollbackDocumentName = documents.rollbackDocumentName;
        this.statusDocumentName = documents.statusDocumentName;
        this.restoreDocumentName = documents.restoreDocumentName;
        this.dataVolumeId = database?.volumeId;

        this.registerOutputs({
            instanceId: this.instanceId,
            publicIp: this.publicIp,
            url: this.url,
            bucketNames: this.bucketNames,
            healthCheckId: this.healthCheckId,
            logGroupName: this.logGroupName,
            alertTopicArn: this.alertTopicArn,
            hostAlertTopicArn: this.hostAlertTopicArn,
            metricsNamespace: this.metricsNamespace,
            deployDocumentName: this.deployDocumentName,
            rollbackDocumentName: this.rollbackDocumentName,
            statusDocumentName: this.statusDocumentName,
            restoreDocumentName: this.restoreDocumentName,
            dataVolumeId: this.dataVolumeId,
            publicFilesUrl: this.publicFilesUrl,
            // What must work and what must never work, proved by the offline check (docs/intents.md).
            intents: singleHostIntents({
                name, appName: app, environment: env, appPort: args.app.port, appPortCidrs: args.host.appPortCidrs, sshCidrs: args.host.sshCidrs, egressPorts: args.web.egressPorts,
                database: database !== undefined,
                metricsNamespace: agent?.namespace,
                publicPrefixes: prefixes,
            }),
        });
    }

    /** 11. The public prefixes' distribution, at files.<domain> when the stack has a hosted zone. */
    private createPublicFiles(name: string, args: SingleHostArgs, buckets: AppBuckets, grant: ReturnType<typeof publicPrefixesGrant>): PublicFilesCdn {
        const zone = args.dns.hostedZoneId !== undefined && args.dns.domain !== undefined
            ? { hostname: `${PUBLIC_FILES_SUBDOMAIN}.${args.dns.domain}`, hostedZoneId: args.dns.hostedZoneId }
            : {};
        const cdn = new PublicFilesCdn(`${name}-public-files`, {
            bucketRegionalDomainName: buckets.uploads.bucket.bucketRegionalDomainName,
            prefixes: args.storage.publicPrefixes,
            ...zone,
            priceClass: args.web.cdnPriceClass,
            ipv6: args.network.ipv6,
            tags: args.tags,
        }, { parent: this });
        grant.connect(cdn.distributionArn);
        return cdn;
    }
}

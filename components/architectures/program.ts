import * as pulumi from "@pulumi/pulumi";
import { type Settings, type SingleHostSettings, type WebTierSettings } from "../config/settings";
import { generatedTextProblems } from "./generatedTexts";
import { CostGuardrails } from "../blocks/governance/costGuardrails";
import { ConfigError } from "../lib/errors";
import { SingleHost } from "./phase1/singleHost";
import { ScalableWeb } from "./phase2/scalableWeb";
import { Enterprise, type TenantOutputs } from "./enterprise/enterprise";
import { MtlsApi } from "./mtls/mtlsApi";
import { ContainerPlatform } from "./phase3/containerPlatform";

type Out = pulumi.Output<string>;

/** What every phase outputs. */
interface CommonOutputs {
    phase: number;
    environment: string;
    url: Out;
    buckets: { uploads: Out; static: Out; backups: Out };
    /** With `publicPrefixes`: the base URL of the public files (`<url>/<key>` for a key under a public prefix). */
    publicFilesUrl?: Out;
    logGroupName: Out;
    alertTopicArn: Out;
    /** The monthly cost budget, when one is configured. */
    budgetName?: Out;
    /** The Cost Anomaly Detection monitor this stack created: the account's other stacks set `costAnomalyMonitorArn` to it. */
    costAnomalyMonitorArn?: Out;
}

/** Phase 1: the host, its SSM commands and its health check. */
export interface SingleHostOutputs extends CommonOutputs {
    phase: 1;
    publicIp: Out;
    instanceId: Out;
    ssmSessionCommand: Out;
    deployCommand: Out;
    rollbackCommand: Out;
    /** Read-only: what the host runs (release, previous release, containers). */
    statusCommand: Out;
    /** With `database`: restore the newest backup (docs/data.md). */
    restoreCommand?: Out;
    healthCheckId: Out;
    /** With `hostMetrics`: the CloudWatch namespace of the agent's memory and disk metrics (docs/metrics.md). */
    metricsNamespace?: string;
    /** Outside us-east-1: the topic in the host's region its CPU, memory and disk alarms notify. */
    hostAlertTopicArn?: Out;
}

/** Phase 2: the load balancer, the fleet, the CDN and the dashboard. */
export interface ScalableWebOutputs extends CommonOutputs {
    phase: 2;
    loadBalancerDnsName: Out;
    autoScalingGroupName: Out;
    /** Instance ids of the fleet, then `aws ssm start-session --target <id>`. */
    instancesCommand: Out;
    /** Deploy a ref on every instance of the group, half of them at a time, stopping at the first failure. */
    deployCommand: Out;
    rollbackCommand: Out;
    /** Read-only: what each instance runs (release, previous release, last smoke checks, containers). */
    statusCommand: Out;
    /** The SSM parameter holding the fleet's release; instances launched later boot it. */
    releaseParameterName: Out;
    dashboardUrl: Out;
    cdnUrl?: Out;
    cdnDistributionId?: Out;
    accessLogsBucketName?: Out;
    natInstanceId?: Out;
}

/** Phase 3: the cluster and its services, the realtime API, the user pool, the cache and WAF. */
export interface ContainerPlatformOutputs extends CommonOutputs {
    phase: 3;
    loadBalancerDnsName: Out;
    clusterName: Out;
    /** ECS service names by platform service (`api`, workers). */
    serviceNames: Record<string, Out>;
    /** ECR repository URLs by service: push `<url>:<tag>` there before `pulumi up`. */
    repositoryUrls: Record<string, Out>;
    /** Log groups of the services' containers, by service. */
    serviceLogGroupNames: Record<string, Out>;
    /**
     * Restarts the api service's tasks with the same task definition (`--force-new-deployment`):
     * ECS injects secrets when a task starts, so run it after a secret rotates. New releases go
     * through `stagecraft:appImageTag` and `pulumi up` instead (tags are immutable).
     */
    restartCommand: Out;
    /**
     * What to do next: while `imageReady` is false, push the first images (the release workflow)
     * and set it true; afterwards, how releases reach the services (docs/releases.md).
     */
    nextStep: Out;
    websocketUrl: Out;
    userPoolId: Out;
    userPoolClientId: Out;
    userPoolIssuerUrl: Out;
    sessionsTableName: Out;
    redisEndpoint: Out;
    redisAuthSecretArn: Out;
    webAclArn: Out;
    /** `https://<tenant>.tenant.<domain>`, with `<tenant>` as a placeholder. */
    tenantUrlPattern: string;
    cdnUrl?: Out;
    cdnDistributionId?: Out;
    accessLogsBucketName?: Out;
    natInstanceId?: Out;
    /** Seed 002's mTLS API, when `mtlsApi` is on. */
    mtls?: MtlsOutputs;
}

export interface MtlsOutputs {
    url: Out;
    loadBalancerDnsName: Out;
    gatewayServiceName: Out;
    apiServiceName: Out;
    repositoryUrls: { gateway: Out; api: Out };
    /** The CA clients must present certificates from; give it to partners with their bundle. */
    caCertificatePem: Out;
    /** Secrets Manager secrets with each client's certificate and key. */
    clientSecretArns: Record<string, Out>;
    dashboardName: Out;
}

/** Phase 4: the platform's outputs, plus the organisation, the baseline and the tenants. */
export interface EnterpriseOutputs extends Omit<ContainerPlatformOutputs, "phase"> {
    phase: 4;
    organizationId?: Out;
    organizationalUnitIds: Record<string, Out>;
    accountIds: Record<string, Out>;
    trailArn?: Out;
    guardDutyDetectorId?: Out;
    /** The configured tenants: URL, uploads bucket, database endpoint and its RDS-managed secret. */
    tenants: Record<string, TenantOutputs>;
    /** Start a tenant: `aws stepfunctions start-execution --state-machine-arn <arn> --input '{"tenant":{"id":"acme","plan":"starter"}}'`. */
    provisioningStateMachineArn?: Out;
}

/** The stack outputs a user needs after `pulumi up`, by phase. */
export type StackOutputs = SingleHostOutputs | ScalableWebOutputs | ContainerPlatformOutputs | EnterpriseOutputs;

/** Builds the architecture phase the settings select and returns the stack outputs. */
export function buildStack(settings: Settings): StackOutputs {
    // Texts larger than AWS accepts fail here, before the first resource is registered.
    const tooLarge = generatedTextProblems(settings, settings.project);
    if (tooLarge.length > 0) throw new ConfigError(tooLarge);
    const name = `${settings.app.name}-${settings.environment}`;
    const outputs = buildPhase(name, settings);
    const cost = buildCostGuardrails(name, settings);
    return withoutUndefined(cost === undefined ? outputs : { ...outputs, budgetName: cost.budgetName, costAnomalyMonitorArn: cost.anomalyMonitorArn });
}

/**
 * The outputs without the optional ones this stack does not have (no NAT instance, no CDN, ...):
 * Pulumi warns on every undefined stack output, which would drown the warnings that matter.
 */
function withoutUndefined<T extends object>(outputs: T): T {
    return Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined)) as T;
}

function buildPhase(name: string, settings: Settings): StackOutputs {
    switch (settings.phase) {
        case 1:
            return singleHostOutputs(settings, new SingleHost(name, settings));
        case 2:
            return scalableWebOutputs(settings, new ScalableWeb(name, settings));
        case 3: {
            const platform = new ContainerPlatform(name, settings);
            return containerPlatformOutputs(settings, platform, buildMtlsApi(name, settings, platform));
        }
        case 4:
            return enterpriseOutputs(settings, name);
        default: {
            // Every phase of the Settings type has a builder: a new phase fails to compile here.
            const unbuilt: never = settings;
            return unbuilt;
        }
    }
}

/** Cost alerts for every phase; config validation guarantees a recipient when they are on. */
function buildCostGuardrails(name: string, settings: Settings): CostGuardrails | undefined {
    const { monthlyBudgetUsd, anomalyMonitor, anomalyMonitorArn, anomalyThresholdUsd } = settings.cost;
    if (monthlyBudgetUsd === 0 || settings.alertEmail === undefined) return undefined;
    return new CostGuardrails(`${name}-cost`, {
        budgetName: `${name}-monthly`,
        monthlyLimitUsd: monthlyBudgetUsd,
        emails: [settings.alertEmail],
        anomalyMonitor,
        anomalyMonitorArn,
        anomalyThresholdUsd,
        tags: settings.tags,
    });
}

function singleHostOutputs(settings: SingleHostSettings, host: SingleHost): SingleHostOutputs {
    const region = settings.region;
    const onHost = pulumi.interpolate`--targets Key=InstanceIds,Values=${host.instanceId}`;
    return {
        phase: 1,
        environment: settings.environment,
        url: host.url,
        publicIp: host.publicIp,
        instanceId: host.instanceId,
        ssmSessionCommand: pulumi.interpolate`aws ssm start-session --region ${region} --target ${host.instanceId}`,
        deployCommand: sendCommand(region, host.deployDocumentName, onHost, "gitRef=<ref>"),
        rollbackCommand: sendCommand(region, host.rollbackDocumentName, onHost),
        statusCommand: sendCommand(region, host.statusDocumentName, onHost),
        ...(host.restoreDocumentName !== undefined ? { restoreCommand: sendCommand(region, host.restoreDocumentName, onHost, "backupKey=latest") } : {}),
        buckets: host.bucketNames,
        ...(host.publicFilesUrl !== undefined ? { publicFilesUrl: host.publicFilesUrl } : {}),
        healthCheckId: host.healthCheckId,
        logGroupName: host.logGroupName,
        alertTopicArn: host.alertTopicArn,
        ...(host.metricsNamespace !== undefined ? { metricsNamespace: host.metricsNamespace } : {}),
        ...(region !== "us-east-1" ? { hostAlertTopicArn: host.hostAlertTopicArn } : {}),
    };
}

/** The `aws ssm send-command` a stack output prints: one document, to `targets`, with its parameters. */
function sendCommand(region: string, documentName: Out, targets: Out, parameters?: string): Out {
    return pulumi.interpolate`aws ssm send-command --region ${region} --document-name ${documentName} ${targets}${parameters === undefined ? "" : ` --parameters ${parameters}`}`;
}

function scalableWebOutputs(settings: WebTierSettings, web: ScalableWeb): ScalableWebOutputs {
    const region = settings.region;
    // Every instance of the group (the tag Auto Scaling puts on each); half at a time keeps the
    // others serving, and the first failure stops the rest (the failed instance restores itself).
    const fleet = pulumi.interpolate`--targets Key=tag:aws:autoscaling:groupName,Values=${web.autoScalingGroupName} --max-concurrency 50% --max-errors 0`;
    return {
        phase: 2,
        environment: settings.environment,
        url: web.url,
        loadBalancerDnsName: web.loadBalancerDnsName,
        autoScalingGroupName: web.autoScalingGroupName,
        instancesCommand: pulumi.interpolate`aws autoscaling describe-auto-scaling-groups --region ${region} --auto-scaling-group-names ${web.autoScalingGroupName} --query "AutoScalingGroups[0].Instances[].InstanceId"`,
        deployCommand: sendCommand(region, web.deployDocumentName, fleet, "gitRef=<ref>"),
        rollbackCommand: sendCommand(region, web.rollbackDocumentName, fleet),
        statusCommand: sendCommand(region, web.statusDocumentName, fleet),
        releaseParameterName: web.releaseParameterName,
        dashboardUrl: pulumi.interpolate`https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${web.dashboardName}`,
        cdnUrl: web.cdnUrl,
        ...(web.publicFilesUrl !== undefined ? { publicFilesUrl: web.publicFilesUrl } : {}),
        cdnDistributionId: web.cdnDistributionId,
        accessLogsBucketName: web.accessLogsBucketName,
        natInstanceId: web.natInstanceId,
        buckets: web.bucketNames,
        logGroupName: web.logGroupName,
        alertTopicArn: web.alertTopicArn,
    };
}

function enterpriseOutputs(settings: WebTierSettings, name: string): EnterpriseOutputs {
    const platform = new ContainerPlatform(name, settings);
    const enterprise = new Enterprise(`${name}-enterprise`, {
        namePrefix: name,
        appName: settings.app.name,
        region: settings.region,
        settings: settings.enterprise,
        foundation: platform.foundation,
        hostedZoneId: settings.dns.hostedZoneId,
        tenantZone: platform.tenantZone,
        alertEmail: settings.alertEmail,
        logRetentionDays: settings.logRetentionDays,
        protectStateful: settings.protectStateful,
        tags: settings.tags,
    });
    return {
        ...containerPlatformOutputs(settings, platform, buildMtlsApi(name, settings, platform)),
        phase: 4,
        organizationId: enterprise.organizationId,
        organizationalUnitIds: enterprise.organizationalUnitIds,
        accountIds: enterprise.accountIds,
        trailArn: enterprise.trailArn,
        guardDutyDetectorId: enterprise.guardDutyDetectorId,
        tenants: enterprise.tenants,
        provisioningStateMachineArn: enterprise.provisioningStateMachineArn,
    };
}

/**
 * The `nextStep` output: with empty repositories (imageReady false), the images to push (and
 * their tags) before the services can start; afterwards, that releases go through the workflow.
 */
function nextStepOf(settings: WebTierSettings, platform: ContainerPlatform, mtls: MtlsOutputs | undefined): Out {
    const images = [
        ...settings.platform.services.map((s) => pulumi.interpolate`${platform.repositoryUrls[s.name]}:${s.imageTag ?? settings.app.initialTag}`),
        ...(mtls !== undefined && settings.mtls !== undefined
            ? [pulumi.interpolate`${mtls.repositoryUrls.gateway}:${settings.mtls.gatewayImageTag}`, pulumi.interpolate`${mtls.repositoryUrls.api}:${settings.mtls.apiImageTag}`]
            : []),
    ];
    if (settings.platform.imageReady) {
        return pulumi.output("Services run. Releases: push to main (or run the release workflow) builds, scans and pushes the images tagged with the commit SHA and rolls the services; then set appImageTag to that SHA so `pulumi up` keeps it (docs/releases.md).");
    }
    return pulumi.all(images).apply((list) => `The repositories are empty, so every service runs 0 tasks. Push ${list.join(", ")} (the release workflow with the stack's tags, docs/releases.md), then \`pulumi config set stagecraft:imageReady true\` and \`pulumi up\`: the services scale to their minimum.`);
}

/** Seed 002's mTLS API on the platform, when the stack selects it. */
function buildMtlsApi(name: string, settings: WebTierSettings, platform: ContainerPlatform): MtlsOutputs | undefined {
    if (settings.mtls === undefined) return undefined;
    const api = new MtlsApi(`${name}-mtls`, {
        namePrefix: name,
        appName: settings.app.name,
        environment: settings.environment,
        region: settings.region,
        settings: settings.mtls,
        foundation: platform.foundation,
        domain: settings.dns.domain,
        hostedZoneId: settings.dns.hostedZoneId,
        apiImageTag: settings.mtls.apiImageTag,
        imageReady: settings.platform.imageReady,
        healthPath: settings.app.healthPath,
        cpuArchitecture: settings.platform.cpuArchitecture,
        ecrKeepImages: settings.platform.ecrKeepImages,
        logRetentionDays: settings.logRetentionDays,
        protectStateful: settings.protectStateful,
        tags: settings.tags,
    });
    return {
        url: api.url,
        loadBalancerDnsName: api.loadBalancerDnsName,
        gatewayServiceName: api.gatewayServiceName,
        apiServiceName: api.apiServiceName,
        repositoryUrls: api.repositoryUrls,
        caCertificatePem: api.caCertificatePem,
        clientSecretArns: api.clientSecretArns,
        dashboardName: api.dashboardName,
    };
}

function containerPlatformOutputs(settings: WebTierSettings, platform: ContainerPlatform, mtls: MtlsOutputs | undefined): ContainerPlatformOutputs {
    const region = settings.region;
    const apiService = settings.platform.services[0].name;
    return {
        phase: 3,
        environment: settings.environment,
        url: platform.url,
        loadBalancerDnsName: platform.loadBalancerDnsName,
        clusterName: platform.clusterName,
        serviceNames: platform.serviceNames,
        repositoryUrls: platform.repositoryUrls,
        serviceLogGroupNames: platform.serviceLogGroupNames,
        restartCommand: pulumi.interpolate`aws ecs update-service --region ${region} --cluster ${platform.clusterName} --service ${platform.serviceNames[apiService]} --force-new-deployment`,
        nextStep: nextStepOf(settings, platform, mtls),
        websocketUrl: platform.websocketUrl,
        userPoolId: platform.userPoolId,
        userPoolClientId: platform.userPoolClientId,
        userPoolIssuerUrl: platform.userPoolIssuerUrl,
        sessionsTableName: platform.sessionsTableName,
        redisEndpoint: platform.redisEndpoint,
        redisAuthSecretArn: platform.redisAuthSecretArn,
        webAclArn: platform.webAclArn,
        tenantUrlPattern: platform.tenantUrlPattern,
        cdnUrl: platform.cdnUrl,
        ...(platform.publicFilesUrl !== undefined ? { publicFilesUrl: platform.publicFilesUrl } : {}),
        cdnDistributionId: platform.cdnDistributionId,
        accessLogsBucketName: platform.accessLogsBucketName,
        natInstanceId: platform.natInstanceId,
        mtls,
        buckets: platform.bucketNames,
        logGroupName: platform.serviceLogGroupNames[apiService],
        alertTopicArn: platform.alertTopicArn,
    };
}

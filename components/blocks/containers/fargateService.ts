import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type ServiceSettings } from "../../config/platform";
import { LogGroup } from "../observability/logGroup";
import { LOAD_BALANCER_PEER, requestCountResourceLabel } from "../loadbalancer/targets";
import { RuleSetGroup } from "../security/securityGroup";
import { StagecraftError } from "../../lib/errors";
import { tagsFor } from "../shared/tags";
import { parameterArn, secretArnForPolicy, type SecretSource } from "../../lib/secretSources";
import { ecsTasksTrustPolicy, executionRolePolicy, type TaskAccess, taskRolePolicy } from "./documents";
import { ecsScalingResourceId, serviceCounts, serviceScalingPolicies } from "./scaling";
import { type PeerEgress, serviceEgress, serviceIngress } from "./traffic";
import { type CpuArchitecture } from "../../lib/fargate";
import { containerDefinitions, fargateTaskSettings, imageUri } from "./taskDefinition";
import { appendOutput } from "../shared/outputs";

/** A variable ECS injects into the container from Secrets Manager or SSM Parameter Store. */
export interface InjectedSecret {
    /** Environment variable name in the container. */
    name: string;
    /** Secrets Manager secret ARN (optionally `:json-key::`), SSM parameter ARN, or SSM parameter name of this region. */
    valueFrom: pulumi.Input<string>;
    /** Which store `valueFrom` points at (the execution role is granted exactly that). */
    source: SecretSource;
}

/** The load balancer a service registers its tasks with. */
export interface ServiceLoadBalancer {
    /**
     * An ALB, or an NLB (which has no request count: the service scales on CPU only, and
     * `requestsPerTarget` is refused).
     * @default "application"
     */
    type?: "application" | "network";
    /** Target group of type "ip" on the container port. */
    targetGroupArn: pulumi.Input<string>;
    /** `targetgroup/<name>/<id>`, for requests-per-task scaling. */
    targetGroupArnSuffix: pulumi.Input<string>;
    /** `app/<name>/<id>` (`net/...` for an NLB), for requests-per-task scaling. */
    loadBalancerArnSuffix: pulumi.Input<string>;
    /** The load balancer's security group: the only source the tasks admit. */
    securityGroupId: pulumi.Input<string>;
}

/** An in-VPC destination the tasks talk to, by security group (e.g. Redis on 6379). */
export interface ServicePeer extends PeerEgress {
    /** The destination's security group id. */
    securityGroupId: pulumi.Input<string>;
}

export interface FargateServiceArgs {
    /** The service's sizes, counts, environment and secrets (config/platform.ts). */
    settings: ServiceSettings;
    /** Task definition family, e.g. `chat-prod-api`. Changing it starts a new family (new revision 1). */
    family: string;
    /** Cluster the service runs in. */
    clusterArn: pulumi.Input<string>;
    /** The cluster's name (Application Auto Scaling addresses the service as `service/<cluster>/<service>`). */
    clusterName: pulumi.Input<string>;
    /** VPC of the tasks' security group. */
    vpcId: pulumi.Input<string>;
    /** Private subnets the tasks run in (no public IPs; egress through NAT). */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Port the container listens on; required for a load-balanced service or one with ingressFrom. @default undefined (a worker) */
    containerPort?: number;
    /**
     * A service behind no load balancer that other tasks call (e.g. the mTLS API behind its
     * gateway): the only security group admitted on the container port.
     * @default undefined
     */
    ingressFrom?: { key: string; description: string; securityGroupId: pulumi.Input<string> };
    /** Cloud Map service the tasks register in (private DNS names for callers). @default undefined */
    serviceRegistryArn?: pulumi.Input<string>;
    /** Overrides the image's CMD. @default the image's */
    command?: string[];
    /** The load balancer of a load-balanced service. @default undefined (a worker) */
    loadBalancer?: ServiceLoadBalancer;
    /** ECR repository of the service's image: the execution role may pull from it alone. */
    repositoryArn: pulumi.Input<string>;
    /** `<registry>/<repository>`; the image is `<repositoryUrl>:<imageTag>`. */
    repositoryUrl: pulumi.Input<string>;
    /** Immutable image tag to run (e.g. the commit SHA). Changing it rolls the service. */
    imageTag: string;
    /**
     * The image exists in the repository. False (a new stack's empty repository) starts the
     * service with zero tasks and a 0-0 scaling range, so it never crash-loops on a missing image.
     * @default true
     */
    imageReady?: boolean;
    /** Platform-provided non-secret environment (endpoints, table and bucket names), merged with the service's own. @default {} */
    environment?: Record<string, pulumi.Input<string>>;
    /** Platform-provided secrets (e.g. the Redis AUTH token), besides the service's configured ones. @default [] */
    secrets?: InjectedSecret[];
    /** Customer-managed KMS keys that encrypt the injected secrets (kms:Decrypt through Secrets Manager/SSM only). @default [] */
    secretKmsKeyArns?: pulumi.Input<string>[];
    /** TCP ports the tasks may open to the internet through NAT. @example [443] */
    egressPorts: number[];
    /** In-VPC destinations by security group. @default [] */
    peers?: ServicePeer[];
    /** What the app's code may touch (its task role). @default nothing (an empty task role) */
    taskAccess?: TaskAccess<pulumi.Input<string>>;
    /** CPU architecture of the image. @default "X86_64" */
    cpuArchitecture?: CpuArchitecture;
    /** The log group's name, e.g. `/ecs/chat-prod/api`. */
    logGroupName: string;
    /** Retention of the log group, days (a CloudWatch retention value). */
    logRetentionDays: number;
    /** Region of the log group and the secrets. */
    region: string;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * One ECS service on Fargate (seed 001 phase 3, seed 002's services):
 * 1. a security group: the container port from the load balancer's group only, or from the one
 *    calling service's group (`ingressFrom`), nothing for a worker; out only the configured ports
 *    to the internet and the peers' groups;
 * 2. a log group with retention, the only place the containers log to (awslogs);
 * 3. an execution role (ECR pull from the service's repository, its log streams, the injected
 *    secrets and their keys) and a separate task role (the app's own access, empty by default),
 *    both assumable only by this account's ECS tasks in this region;
 * 4. a task definition: awsvpc, Fargate, the configured CPU/memory and architecture, one
 *    container (see containerDefinitions: secrets from Secrets Manager / SSM, read-only root,
 *    awslogs, never privileged);
 * 5. the service: private subnets without public IPs, LATEST platform, the target group for a
 *    load-balanced service, the Cloud Map registration (`serviceRegistryArn`), rolling deploys at 100 %/200 % with the deployment circuit breaker
 *    rolling back a failed release, ECS Exec off, tags propagated to tasks;
 * 6. auto scaling between min and max: target tracking on CPU, plus requests per task behind an
 *    ALB. The desired count is left to scaling after creation (ignoreChanges). Until the image
 *    exists (`imageReady` false), zero tasks and a 0-0 range (scaling.ts serviceCounts).
 *
 * Cost (us-east-1, 730 h): per always-running task 730 × ($0.04048/vCPU-h + $0.004445/GB-h) on
 * x86 — seed 001's 1 vCPU / 2 GB is $36.04 (ARM64 $28.84); logs $0.50/GB ingested; roles,
 * security group and scaling are free.
 */
export class FargateService extends pulumi.ComponentResource {
    readonly service: aws.ecs.Service;
    readonly serviceName: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly taskDefinitionArn: pulumi.Output<string>;
    readonly executionRoleArn: pulumi.Output<string>;
    readonly taskRoleArn: pulumi.Output<string>;
    /** The task role's name: what later grants (phase 4's tenants) attach policies to. */
    readonly taskRoleName: pulumi.Output<string>;
    readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        const s = args.settings;
        const reachable = args.loadBalancer !== undefined || args.ingressFrom !== undefined;
        if (s.loadBalanced !== (args.loadBalancer !== undefined) || reachable !== (args.containerPort !== undefined)) {
            throw new StagecraftError(`service ${s.name}: a load-balanced service needs a load balancer and a container port, a service called by peers (ingressFrom) a container port, a worker neither`);
        }
        if (args.loadBalancer?.type === "network" && s.requestsPerTarget !== undefined) {
            throw new StagecraftError(`service ${s.name}: requestsPerTarget scales on an ALB's request count; a service behind an NLB scales on CPU only (leave requestsPerTarget undefined)`);
        }
        super("stagecraft:containers:FargateService", name, {}, opts);
        const child = { parent: this };
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;

        const securityGroup = this.createSecurityGroup(name, args);
        const logGroup = new LogGroup(`${name}-logs`, {
            logGroupName: args.logGroupName,
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);
        const secrets = this.resolveSecrets(args, partition, identity.accountId);
        const trust = pulumi.all([partition, identity.accountId]).apply(([p, account]) => ecsTasksTrustPolicy(p, args.region, account));
        const executionRole = this.createExecutionRole(name, args, trust, logGroup.arn, secrets);
        const taskRole = this.createTaskRole(name, args, trust);
        const taskDefinition = this.createTaskDefinition(name, args, secrets, executionRole.arn, taskRole.arn);
        this.service = this.createService(name, args, securityGroup.id, taskDefinition.arn);
        this.createScaling(name, args);

        this.serviceName = this.service.name;
        this.securityGroupId = securityGroup.id;
        this.taskDefinitionArn = taskDefinition.arn;
        this.executionRoleArn = executionRole.arn;
        this.taskRoleArn = taskRole.arn;
        this.taskRoleName = taskRole.name;
        this.logGroupName = logGroup.name;
        this.registerOutputs({
            serviceName: this.serviceName,
            securityGroupId: this.securityGroupId,
            taskDefinitionArn: this.taskDefinitionArn,
            executionRoleArn: this.executionRoleArn,
            taskRoleArn: this.taskRoleArn,
            logGroupName: this.logGroupName,
        });
    }

    private createSecurityGroup(name: string, args: FargateServiceArgs): RuleSetGroup {
        const peers: Record<string, pulumi.Input<string>> = {};
        if (args.loadBalancer !== undefined) peers[LOAD_BALANCER_PEER] = args.loadBalancer.securityGroupId;
        if (args.ingressFrom !== undefined) peers[args.ingressFrom.key] = args.ingressFrom.securityGroupId;
        for (const p of args.peers ?? []) peers[p.key] = p.securityGroupId;
        const source = args.ingressFrom !== undefined ? { key: args.ingressFrom.key, description: args.ingressFrom.description } : undefined;
        return new RuleSetGroup(`${name}-sg`, {
            vpcId: args.vpcId,
            description: `${args.family} tasks: ${args.containerPort !== undefined ? `port ${args.containerPort} from ${source?.description ?? "the load balancer"}` : "no inbound"}, HTTPS and peers out`,
            ingress: serviceIngress(args.containerPort, source),
            egress: serviceEgress(args.egressPorts, args.peers ?? []),
            peers,
            tags: args.tags,
        }, { parent: this });
    }

    /** Every injected secret with a full ARN (SSM names become ARNs of this account and region). */
    private resolveSecrets(args: FargateServiceArgs, partition: pulumi.Output<string>, accountId: pulumi.Output<string>): InjectedSecret[] {
        const configured: InjectedSecret[] = args.settings.secrets.map((s) => ({ name: s.name, valueFrom: s.valueFrom, source: s.source }));
        return [...(args.secrets ?? []), ...configured].map((s) => ({
            ...s,
            valueFrom: s.source === "ssm"
                ? pulumi.all([s.valueFrom, partition, accountId]).apply(([v, p, account]) => parameterArn(v, p, args.region, account))
                : s.valueFrom,
        }));
    }

    private createExecutionRole(name: string, args: FargateServiceArgs, trust: pulumi.Input<string>, logGroupArn: pulumi.Output<string>, secrets: InjectedSecret[]): aws.iam.Role {
        const role = new aws.iam.Role(`${name}-execution`, {
            description: `ECS task execution role of ${args.family}: pull its image, write its logs, read its injected secrets`,
            assumeRolePolicy: trust,
            tags: tagsFor(args.tags, `${name}-execution`),
        }, { parent: this });
        new aws.iam.RolePolicy(`${name}-execution-access`, {
            role: role.name,
            policy: executionRolePolicy<pulumi.Input<string>>({
                repositoryArns: [args.repositoryArn],
                logGroupArn,
                secretArns: secrets.filter((s) => s.source === "secretsmanager").map((s) => pulumi.output(s.valueFrom).apply(secretArnForPolicy)),
                parameterArns: secrets.filter((s) => s.source === "ssm").map((s) => s.valueFrom),
                kmsKeyArns: args.secretKmsKeyArns ?? [],
                region: args.region,
            }, appendOutput),
        }, { parent: this });
        return role;
    }

    private createTaskRole(name: string, args: FargateServiceArgs, trust: pulumi.Input<string>): aws.iam.Role {
        const role = new aws.iam.Role(`${name}-task`, {
            description: `Task role of ${args.family}: what the app's code may touch`,
            assumeRolePolicy: trust,
            tags: tagsFor(args.tags, `${name}-task`),
        }, { parent: this });
        const policy = taskRolePolicy<pulumi.Input<string>>(args.taskAccess ?? { tableArns: [], readWriteBucketArns: [] }, appendOutput);
        if (policy !== undefined) {
            new aws.iam.RolePolicy(`${name}-task-access`, { role: role.name, policy }, { parent: this });
        }
        return role;
    }

    private createTaskDefinition(name: string, args: FargateServiceArgs, secrets: InjectedSecret[], executionRoleArn: pulumi.Output<string>, taskRoleArn: pulumi.Output<string>): aws.ecs.TaskDefinition {
        const s = args.settings;
        const architecture = args.cpuArchitecture ?? "X86_64";
        const environment: pulumi.Output<Record<string, string>> = pulumi.output({ ...(args.environment ?? {}), ...s.environment });
        const resolvedSecrets = pulumi.all(secrets.map((x) => pulumi.all([x.name, x.valueFrom])));
        const definitions = pulumi.all([args.repositoryUrl, environment, resolvedSecrets]).apply(([repositoryUrl, env, resolved]) => JSON.stringify(containerDefinitions({
            name: s.name,
            image: imageUri(repositoryUrl, args.imageTag),
            port: args.containerPort,
            environment: env,
            secrets: resolved.map(([n, valueFrom]) => ({ name: n, valueFrom })),
            logGroupName: args.logGroupName,
            region: args.region,
            readonlyRootFilesystem: s.readonlyRootFilesystem,
            healthCheckCommand: s.healthCheckCommand,
            command: args.command,
        })));
        return new aws.ecs.TaskDefinition(`${name}-task-def`, {
            family: args.family,
            ...fargateTaskSettings(s.cpu, s.memory, architecture, s.readonlyRootFilesystem),
            executionRoleArn,
            taskRoleArn,
            containerDefinitions: definitions,
            tags: tagsFor(args.tags, args.family),
        }, { parent: this });
    }

    private createService(name: string, args: FargateServiceArgs, securityGroupId: pulumi.Output<string>, taskDefinitionArn: pulumi.Output<string>): aws.ecs.Service {
        const s = args.settings;
        const lb = args.loadBalancer;
        return new aws.ecs.Service(name, {
            name: s.name,
            cluster: args.clusterArn,
            taskDefinition: taskDefinitionArn,
            desiredCount: serviceCounts(s, args.imageReady ?? true).desired,
            launchType: "FARGATE",
            platformVersion: "LATEST",
            networkConfiguration: {
                subnets: args.subnetIds,
                securityGroups: [securityGroupId],
                assignPublicIp: false,
            },
            loadBalancers: lb !== undefined
                ? [{ targetGroupArn: lb.targetGroupArn, containerName: s.name, containerPort: args.containerPort as number }]
                : [],
            healthCheckGracePeriodSeconds: lb !== undefined ? 60 : undefined,
            serviceRegistries: args.serviceRegistryArn !== undefined ? { registryArn: args.serviceRegistryArn } : undefined,
            deploymentCircuitBreaker: { enable: true, rollback: true },
            deploymentMinimumHealthyPercent: 100,
            deploymentMaximumPercent: 200,
            availabilityZoneRebalancing: "ENABLED",
            enableExecuteCommand: false,
            enableEcsManagedTags: true,
            propagateTags: "SERVICE",
            waitForSteadyState: false,
            tags: tagsFor(args.tags, `${args.family}`),
        }, { parent: this, ignoreChanges: ["desiredCount"] });
    }

    private createScaling(name: string, args: FargateServiceArgs): void {
        const s = args.settings;
        const counts = serviceCounts(s, args.imageReady ?? true);
        const target = new aws.appautoscaling.Target(`${name}-scaling`, {
            serviceNamespace: "ecs",
            scalableDimension: "ecs:service:DesiredCount",
            resourceId: pulumi.all([args.clusterName, this.service.name]).apply(([cluster, service]) => ecsScalingResourceId(cluster, service)),
            minCapacity: counts.min,
            maxCapacity: counts.max,
            tags: tagsFor(args.tags, `${name}-scaling`),
        }, { parent: this });
        const lb = args.loadBalancer;
        const requests = lb !== undefined && s.requestsPerTarget !== undefined
            ? {
                resourceLabel: pulumi.all([lb.loadBalancerArnSuffix, lb.targetGroupArnSuffix]).apply(([l, t]) => requestCountResourceLabel(l, t)),
                perTarget: s.requestsPerTarget,
            }
            : undefined;
        for (const policy of serviceScalingPolicies<pulumi.Input<string>>(s.cpuTarget, requests)) {
            new aws.appautoscaling.Policy(`${name}-scale-${policy.key}`, {
                name: `${args.family}-${policy.key}`,
                policyType: "TargetTrackingScaling",
                serviceNamespace: target.serviceNamespace,
                scalableDimension: target.scalableDimension,
                resourceId: target.resourceId,
                targetTrackingScalingPolicyConfiguration: policy.targetTrackingScalingPolicyConfiguration,
            }, { parent: this });
        }
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { type RedisEngine } from "../../config/platform";
import { LogGroup } from "../observability/logGroup";
import { RuleSetGroup } from "../security/securityGroup";
import { tagsFor } from "../shared/tags";
import { ENGINE_VERSIONS, REDIS_PORT, redisIngress, redisTopology, replicationGroupId } from "./redis";

export interface RedisCacheArgs {
    /** VPC of the cache's security group. */
    vpcId: pulumi.Input<string>;
    /** Private subnets the nodes live in (one per AZ). Changing them replaces the subnet group. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** How many AZs `subnetIds` span (Multi-AZ needs two). */
    availabilityZones: number;
    /**
     * Security groups allowed to connect on 6379, by a key used in rule names and descriptions
     * (the services' groups). Nothing else reaches the cache.
     * @example { "service-api": apiSecurityGroupId }
     */
    clients: Record<string, pulumi.Input<string>>;
    /** AUTH token (a Pulumi secret, e.g. GeneratedSecret.value): 16-128 printable characters. */
    authToken: pulumi.Input<string>;
    /** "redis" (seed 001) or "valkey" (the same protocol, 20 % cheaper). Changing it upgrades in place. @default "redis" */
    engine?: RedisEngine;
    /** Node type. @default "cache.t4g.small" @example "cache.r7g.large" */
    nodeType?: string;
    /** Read replicas besides the primary; 1 or more turns on automatic failover (and Multi-AZ with two AZs). @default 1 */
    replicas?: number;
    /** Days of daily snapshots kept; 0 turns backups off. @default 1 */
    snapshotRetentionDays?: number;
    /** Customer-managed KMS key for encryption at rest (snapshots included). Changing it replaces the group. @default undefined (AWS-managed) */
    kmsKeyArn?: pulumi.Input<string>;
    /** Take a final snapshot when the group is deleted. @default false */
    finalSnapshot?: boolean;
    /** Retention of the slow-log group, days (a CloudWatch retention value). */
    logRetentionDays: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * ElastiCache Redis for sessions, cache and the socket.io adapter (seed 001 phase 3):
 * 1. a security group that admits 6379 only from the client groups and allows nothing out;
 * 2. a subnet group over the private subnets;
 * 3. a slow-log group with retention (JSON slow-log delivery);
 * 4. a replication group: encryption at rest (optionally a CMK) and in transit (TLS required,
 *    so clients connect with `rediss://`), AUTH token with an explicit ROTATE update strategy
 *    (a changed token is added beside the old one, so running tasks keep working until they
 *    restart with the new one), a primary plus replicas with automatic failover and Multi-AZ,
 *    daily snapshots, minor version upgrades in the maintenance window.
 * Pass `protect` in opts for production (the group and its settings are protected together).
 *
 * Cost (us-east-1, 730 h, Redis OSS on-demand): cache.t4g.micro $11.68, cache.t4g.small $23.36
 * per node; seed-sized prod (primary + 1 replica of cache.t4g.small) $46.72; Valkey 20 % less;
 * one day of snapshots is free, more is $0.085/GB-month; the slow log costs its CloudWatch ingestion.
 */
export class RedisCache extends pulumi.ComponentResource {
    readonly replicationGroup: aws.elasticache.ReplicationGroup;
    readonly securityGroupId: pulumi.Output<string>;
    /** Hostname of the primary (writes); connect with TLS on `port`. */
    readonly primaryEndpoint: pulumi.Output<string>;
    /** Hostname that spreads reads over the replicas. */
    readonly readerEndpoint: pulumi.Output<string>;
    readonly port: number;
    readonly replicationGroupId: pulumi.Output<string>;

    constructor(name: string, args: RedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:data:RedisCache", name, {}, opts);
        const child = { parent: this };
        const id = replicationGroupId(name);
        const engine = args.engine ?? "redis";

        const securityGroup = new RuleSetGroup(`${name}-sg`, {
            vpcId: args.vpcId,
            description: `${id}: Redis ${REDIS_PORT} from the app's tasks only`,
            ingress: redisIngress(Object.keys(args.clients)),
            egress: [],
            peers: args.clients,
            tags: args.tags,
        }, child);

        const subnetGroup = new aws.elasticache.SubnetGroup(`${name}-subnets`, {
            name: id,
            description: `Private subnets of ${id}`,
            subnetIds: args.subnetIds,
            tags: tagsFor(args.tags, `${name}-subnets`),
        }, child);

        const slowLog = new LogGroup(`${name}-slow-log`, {
            logGroupName: `/elasticache/${id}/slow-log`,
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);

        const snapshotRetentionDays = args.snapshotRetentionDays ?? 1;
        this.replicationGroup = new aws.elasticache.ReplicationGroup(name, {
            replicationGroupId: id,
            description: `${id}: sessions, cache and socket.io adapter`,
            engine,
            engineVersion: ENGINE_VERSIONS[engine],
            nodeType: args.nodeType ?? "cache.t4g.small",
            port: REDIS_PORT,
            ...redisTopology(args.replicas ?? 1, args.availabilityZones),
            subnetGroupName: subnetGroup.name,
            securityGroupIds: [securityGroup.id],
            atRestEncryptionEnabled: true,
            kmsKeyId: args.kmsKeyArn,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            authToken: args.authToken,
            authTokenUpdateStrategy: "ROTATE",
            snapshotRetentionLimit: snapshotRetentionDays,
            snapshotWindow: snapshotRetentionDays > 0 ? "03:00-04:00" : undefined,
            finalSnapshotIdentifier: (args.finalSnapshot ?? false) ? `${id}-final` : undefined,
            maintenanceWindow: "sun:05:00-sun:06:00",
            autoMinorVersionUpgrade: true,
            applyImmediately: false,
            logDeliveryConfigurations: [{
                destination: slowLog.name,
                destinationType: "cloudwatch-logs",
                logFormat: "json",
                logType: "slow-log",
            }],
            tags: tagsFor(args.tags, id),
        }, child);

        this.securityGroupId = securityGroup.id;
        this.primaryEndpoint = this.replicationGroup.primaryEndpointAddress;
        this.readerEndpoint = this.replicationGroup.readerEndpointAddress;
        this.port = REDIS_PORT;
        this.replicationGroupId = this.replicationGroup.replicationGroupId;
        this.registerOutputs({
            securityGroupId: this.securityGroupId,
            primaryEndpoint: this.primaryEndpoint,
            readerEndpoint: this.readerEndpoint,
            replicationGroupId: this.replicationGroupId,
        });
    }
}

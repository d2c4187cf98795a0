/**
 * The Redis cache as data (pure): who reaches it, its topology, engine, id and monthly cost.
 */
import { type RedisEngine } from "../../config/platform";
import { type RuleSpec } from "../security/ruleSpecs";
import { ELASTICACHE_HOURLY, HOURS_PER_MONTH, VALKEY_FACTOR } from "../../lib/prices";

/** The port clients use (the well-known Redis/Valkey port; security groups, not obscurity, guard it). */
export const REDIS_PORT = 6379;

/** In: 6379 from each client security group (by peer key), nothing else. */
export function redisIngress(clientKeys: readonly string[]): RuleSpec[] {
    return clientKeys.map((key) => ({
        description: `Redis ${REDIS_PORT} (TLS) from ${key}`,
        protocol: "tcp",
        fromPort: REDIS_PORT,
        toPort: REDIS_PORT,
        securityGroupKey: key,
    }));
}

/**
 * Nodes and failover: one primary plus `replicas` read replicas. With a replica, automatic
 * failover promotes it when the primary fails; with subnets in two or more AZs the replicas go
 * to other AZs than the primary (Multi-AZ).
 */
export function redisTopology(replicas: number, availabilityZones: number) {
    const failover = replicas >= 1;
    return {
        numCacheClusters: 1 + replicas,
        automaticFailoverEnabled: failover,
        multiAzEnabled: failover && availabilityZones >= 2,
    };
}

/** Engine versions this program was written against (both speak the Redis protocol and AUTH). */
export const ENGINE_VERSIONS: Readonly<Record<RedisEngine, string>> = { redis: "7.1", valkey: "8.0" };

/**
 * A replication group id from a logical name: 1-40 lower-case letters, digits and hyphens,
 * starting with a letter, no trailing or double hyphen.
 */
export function replicationGroupId(logicalName: string): string {
    const clean = logicalName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^[^a-z]+/, "");
    return clean.slice(0, 40).replace(/-+$/, "") || "cache";
}

/** On-demand price per node-hour in us-east-1 (Redis OSS; Valkey is 20 % less): the one price table. */
export const CACHE_NODE_HOURLY: Readonly<Record<string, number>> = ELASTICACHE_HOURLY;

/** Monthly cost (730 h) of the group's nodes, e.g. 2 × cache.t4g.small = $46.72; undefined for unpriced types. */
export function cacheMonthlyCost(nodeType: string, nodes: number, engine: RedisEngine): number | undefined {
    const hourly = CACHE_NODE_HOURLY[nodeType];
    if (hourly === undefined) return undefined;
    const factor = engine === "valkey" ? VALKEY_FACTOR : 1;
    return Math.round(nodes * hourly * factor * HOURS_PER_MONTH * 100) / 100;
}

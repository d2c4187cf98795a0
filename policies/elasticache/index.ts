/**
 * ElastiCache (Redis/Valkey replication groups): encrypted at rest and in transit, with AUTH or RBAC.
 */
import type { PackPolicy } from "../lib/policy";
import { replicationGroupAuthRequired } from "./replicationGroupAuthRequired";
import { replicationGroupEncrypted } from "./replicationGroupEncrypted";

/** In table order. */
export const elasticachePolicies: readonly PackPolicy[] = [replicationGroupEncrypted, replicationGroupAuthRequired];

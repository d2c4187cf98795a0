/**
 * ElastiCache (Redis/Valkey replication groups): encrypted at rest and in transit, with AUTH or RBAC.
 */
import type { PackPolicy } from "../lib/policy";
import { replicationGroupAuthRequired } from "./replicationGroupAuthRequired";
import { replicationGroupEncrypted } from "./replicationGroupEncrypted";
import { replicationGroupCustomerManagedKey } from "./replicationGroupCustomerManagedKey";
import { replicationGroupFailoverEnabled } from "./replicationGroupFailoverEnabled";
import { replicationGroupBackupsEnabled } from "./replicationGroupBackupsEnabled";
import { replicationGroupMinorVersionUpgradeEnabled } from "./replicationGroupMinorVersionUpgradeEnabled";
import { replicationGroupSubnetGroupRequired } from "./replicationGroupSubnetGroupRequired";

/** In table order. */
export const elasticachePolicies: readonly PackPolicy[] = [replicationGroupEncrypted, replicationGroupAuthRequired, replicationGroupCustomerManagedKey, replicationGroupFailoverEnabled, replicationGroupBackupsEnabled, replicationGroupMinorVersionUpgradeEnabled, replicationGroupSubnetGroupRequired];

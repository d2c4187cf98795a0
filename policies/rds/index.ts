/**
 * RDS and Aurora: encrypted storage, no public address, deletion protection, automated backups, IAM authentication, minor upgrades, Performance Insights keys.
 */
import type { PackPolicy } from "../lib/policy";
import { clusterStorageEncrypted } from "./clusterStorageEncrypted";
import { instanceBackupsEnabled } from "./instanceBackupsEnabled";
import { instanceDeletionProtected } from "./instanceDeletionProtected";
import { instanceIamAuthenticationEnabled } from "./instanceIamAuthenticationEnabled";
import { instanceMinorVersionUpgradeEnabled } from "./instanceMinorVersionUpgradeEnabled";
import { instanceNoPublicAccess } from "./instanceNoPublicAccess";
import { instancePerformanceInsightsCustomerManagedKey } from "./instancePerformanceInsightsCustomerManagedKey";
import { instanceStorageEncrypted } from "./instanceStorageEncrypted";

/** In table order. */
export const rdsPolicies: readonly PackPolicy[] = [
    instanceStorageEncrypted,
    clusterStorageEncrypted,
    instanceNoPublicAccess,
    instanceDeletionProtected,
    instanceBackupsEnabled,
    instanceIamAuthenticationEnabled,
    instanceMinorVersionUpgradeEnabled,
    instancePerformanceInsightsCustomerManagedKey,
];

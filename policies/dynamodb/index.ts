/**
 * DynamoDB: point-in-time recovery on every table.
 */
import type { PackPolicy } from "../lib/policy";
import { tablePointInTimeRecovery } from "./tablePointInTimeRecovery";
import { tableCustomerManagedKey } from "./tableCustomerManagedKey";

/** In table order. */
export const dynamodbPolicies: readonly PackPolicy[] = [tablePointInTimeRecovery, tableCustomerManagedKey];

/**
 * DynamoDB: point-in-time recovery on every table.
 */
import type { PackPolicy } from "../lib/policy";
import { tablePointInTimeRecovery } from "./tablePointInTimeRecovery";

/** In table order. */
export const dynamodbPolicies: readonly PackPolicy[] = [tablePointInTimeRecovery];

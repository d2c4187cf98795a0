/**
 * CloudWatch Logs: every log group has a retention period (never "forever" by omission).
 */
import type { PackPolicy } from "../lib/policy";
import { logGroupRetentionRequired } from "./logGroupRetentionRequired";
import { logGroupCustomerManagedKey } from "./logGroupCustomerManagedKey";
import { metricAlarmActionsEnabled } from "./metricAlarmActionsEnabled";

/** In table order. */
export const cloudwatchPolicies: readonly PackPolicy[] = [logGroupRetentionRequired, logGroupCustomerManagedKey, metricAlarmActionsEnabled];

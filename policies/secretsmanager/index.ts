/**
 * Secrets Manager: secrets encrypted with a customer-managed key (a cost trade-off: advisory).
 */
import type { PackPolicy } from "../lib/policy";
import { secretCustomerManagedKey } from "./secretCustomerManagedKey";
import { secretRotationPolicy } from "./secretRotationPolicy";

/** In table order. */
export const secretsmanagerPolicies: readonly PackPolicy[] = [secretCustomerManagedKey, secretRotationPolicy];

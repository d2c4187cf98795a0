/**
 * SSM Parameter Store: parameters that hold secrets are SecureString.
 */
import type { PackPolicy } from "../lib/policy";
import { parameterSecretsSecureString } from "./parameterSecretsSecureString";
import { parameterCustomerManagedKey } from "./parameterCustomerManagedKey";

/** In table order. */
export const ssmPolicies: readonly PackPolicy[] = [parameterSecretsSecureString, parameterCustomerManagedKey];

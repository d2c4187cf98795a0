/**
 * Lambda: no secrets in environment variables; invoke permissions are never public and always
 * scoped to their source.
 */
import type { PackPolicy } from "../lib/policy";
import { functionNoSecretsInEnvironment } from "./functionNoSecretsInEnvironment";
import { permissionNoPublicInvoke } from "./permissionNoPublicInvoke";
import { functionTracingEnabled } from "./functionTracingEnabled";
import { functionEnvironmentCustomerManagedKey } from "./functionEnvironmentCustomerManagedKey";
import { functionConcurrencyRequired } from "./functionConcurrencyRequired";
import { functionDeadLetterQueueRequired } from "./functionDeadLetterQueueRequired";
import { functionVpcRequired } from "./functionVpcRequired";
import { functionCodeSigningRequired } from "./functionCodeSigningRequired";
import { functionNoDeprecatedRuntime } from "./functionNoDeprecatedRuntime";
import { functionUrlNoPublicAccess } from "./functionUrlNoPublicAccess";

/** In table order. */
export const lambdaPolicies: readonly PackPolicy[] = [functionNoSecretsInEnvironment, permissionNoPublicInvoke, functionTracingEnabled, functionEnvironmentCustomerManagedKey, functionConcurrencyRequired, functionDeadLetterQueueRequired, functionVpcRequired, functionCodeSigningRequired, functionNoDeprecatedRuntime, functionUrlNoPublicAccess];

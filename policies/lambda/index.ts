/**
 * Lambda: no secrets in environment variables; invoke permissions are never public and always
 * scoped to their source.
 */
import type { PackPolicy } from "../lib/policy";
import { functionNoSecretsInEnvironment } from "./functionNoSecretsInEnvironment";
import { permissionNoPublicInvoke } from "./permissionNoPublicInvoke";

/** In table order. */
export const lambdaPolicies: readonly PackPolicy[] = [functionNoSecretsInEnvironment, permissionNoPublicInvoke];

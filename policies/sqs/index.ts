/**
 * SQS: queues encrypted at rest, queue policies never public.
 */
import type { PackPolicy } from "../lib/policy";
import { queueEncrypted } from "./queueEncrypted";
import { queuePolicyNoPublicPrincipal } from "./queuePolicyNoPublicPrincipal";

/** In table order. */
export const sqsPolicies: readonly PackPolicy[] = [
    queueEncrypted,
    queuePolicyNoPublicPrincipal,
];

/**
 * SQS: queues encrypted at rest, queue policies never public.
 */
import type { PackPolicy } from "../lib/policy";
import { queueEncrypted } from "./queueEncrypted";

/** In table order. */
export const sqsPolicies: readonly PackPolicy[] = [
    queueEncrypted,
];

/**
 * Kinesis Data Streams: records encrypted at rest.
 */
import type { PackPolicy } from "../lib/policy";
import { streamEncrypted } from "./streamEncrypted";

/** In table order. */
export const kinesisPolicies: readonly PackPolicy[] = [
    streamEncrypted,
];

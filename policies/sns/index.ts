/**
 * SNS: topics are encrypted with KMS.
 */
import type { PackPolicy } from "../lib/policy";
import { topicEncrypted } from "./topicEncrypted";

/** In table order. */
export const snsPolicies: readonly PackPolicy[] = [topicEncrypted];

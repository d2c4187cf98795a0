/**
 * SNS: topics are encrypted with KMS.
 */
import type { PackPolicy } from "../lib/policy";
import { topicEncrypted } from "./topicEncrypted";
import { topicPolicyNoPublicPrincipal } from "./topicPolicyNoPublicPrincipal";

/** In table order. */
export const snsPolicies: readonly PackPolicy[] = [topicEncrypted, topicPolicyNoPublicPrincipal];

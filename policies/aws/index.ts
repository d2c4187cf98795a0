/**
 * Tagging: taggable resources carry the required tag keys (project, environment, owner by
 * default), set on the resource or through the provider's defaultTags.
 */
import type { PackPolicy } from "../lib/policy";
import { resourceRequiredTags } from "./resourceRequiredTags";

/** In table order. */
export const awsPolicies: readonly PackPolicy[] = [resourceRequiredTags];

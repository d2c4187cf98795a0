/**
 * AWS Config: recorders cover every supported and global resource type; aggregators cover every region.
 */
import type { PackPolicy } from "../lib/policy";
import { recorderAllResourcesEnabled } from "./recorderAllResourcesEnabled";
import { recorderGlobalResourcesEnabled } from "./recorderGlobalResourcesEnabled";

/** In table order. */
export const cfgPolicies: readonly PackPolicy[] = [
    recorderAllResourcesEnabled,
    recorderGlobalResourcesEnabled,
];

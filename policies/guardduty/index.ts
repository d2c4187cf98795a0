/**
 * GuardDuty: detectors enabled.
 */
import type { PackPolicy } from "../lib/policy";
import { detectorEnabled } from "./detectorEnabled";

/** In table order. */
export const guarddutyPolicies: readonly PackPolicy[] = [
    detectorEnabled,
];

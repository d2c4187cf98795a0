/**
 * ACM: certificates logged to Certificate Transparency, no wildcards, replaced before they are destroyed.
 */
import type { PackPolicy } from "../lib/policy";
import { certificateNoWildcard } from "./certificateNoWildcard";
import { certificateTransparencyLogging } from "./certificateTransparencyLogging";

/** In table order. */
export const acmPolicies: readonly PackPolicy[] = [
    certificateTransparencyLogging,
    certificateNoWildcard,
];

/**
 * Cognito: user pools enforce a minimum password length.
 */
import type { PackPolicy } from "../lib/policy";
import { userPoolPasswordPolicy } from "./userPoolPasswordPolicy";

/** In table order. */
export const cognitoPolicies: readonly PackPolicy[] = [userPoolPasswordPolicy];

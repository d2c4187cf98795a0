/**
 * Cognito: user pools enforce a minimum password length.
 */
import type { PackPolicy } from "../lib/policy";
import { userPoolPasswordPolicy } from "./userPoolPasswordPolicy";
import { userPoolMfaRequired } from "./userPoolMfaRequired";
import { userPoolThreatProtectionEnabled } from "./userPoolThreatProtectionEnabled";
import { identityPoolNoUnauthenticatedAccess } from "./identityPoolNoUnauthenticatedAccess";

/** In table order. */
export const cognitoPolicies: readonly PackPolicy[] = [userPoolPasswordPolicy, userPoolMfaRequired, userPoolThreatProtectionEnabled, identityPoolNoUnauthenticatedAccess];

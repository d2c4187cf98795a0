/**
 * CloudTrail: log file integrity validation and KMS encryption.
 */
import type { PackPolicy } from "../lib/policy";
import { trailKmsEncrypted } from "./trailKmsEncrypted";
import { trailLogFileValidation } from "./trailLogFileValidation";

/** In table order. */
export const cloudtrailPolicies: readonly PackPolicy[] = [trailLogFileValidation, trailKmsEncrypted];

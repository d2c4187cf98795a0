/**
 * CloudTrail: log file integrity validation and KMS encryption.
 */
import type { PackPolicy } from "../lib/policy";
import { trailKmsEncrypted } from "./trailKmsEncrypted";
import { trailLogFileValidation } from "./trailLogFileValidation";
import { trailMultiRegionEnabled } from "./trailMultiRegionEnabled";
import { trailLoggingEnabled } from "./trailLoggingEnabled";
import { trailSnsTopicRequired } from "./trailSnsTopicRequired";
import { trailCloudwatchLogging } from "./trailCloudwatchLogging";

/** In table order. */
export const cloudtrailPolicies: readonly PackPolicy[] = [trailLogFileValidation, trailKmsEncrypted, trailMultiRegionEnabled, trailLoggingEnabled, trailSnsTopicRequired, trailCloudwatchLogging];

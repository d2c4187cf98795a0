/**
 * API Gateway REST APIs (v1): stage access logs, custom domains on TLS 1.2, encrypted caches.
 */
import type { PackPolicy } from "../lib/policy";
import { methodSettingsCacheEncrypted } from "./methodSettingsCacheEncrypted";
import { stageAccessLogging } from "./stageAccessLogging";
import { domainNameModernTlsPolicy } from "./domainNameModernTlsPolicy";

/** In table order. */
export const apigatewayPolicies: readonly PackPolicy[] = [
    stageAccessLogging,
    methodSettingsCacheEncrypted,
    domainNameModernTlsPolicy,
];

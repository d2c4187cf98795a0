/**
 * API Gateway v2 (HTTP and WebSocket APIs): stages log access.
 */
import type { PackPolicy } from "../lib/policy";
import { stageAccessLogging } from "./stageAccessLogging";
import { domainNameModernTlsPolicy } from "./domainNameModernTlsPolicy";
import { routeAuthorizationRequired } from "./routeAuthorizationRequired";

/** In table order. */
export const apigatewayv2Policies: readonly PackPolicy[] = [stageAccessLogging, domainNameModernTlsPolicy, routeAuthorizationRequired];

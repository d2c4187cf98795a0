/**
 * API Gateway v2 (HTTP and WebSocket APIs): stages log access.
 */
import type { PackPolicy } from "../lib/policy";
import { stageAccessLogging } from "./stageAccessLogging";

/** In table order. */
export const apigatewayv2Policies: readonly PackPolicy[] = [stageAccessLogging];

/**
 * The WebSocket stage's access log format and route throttling (pure).
 */

/** One JSON line per connection event: who, which route, what status, how long, which error. */
export function accessLogFormat(): string {
    return JSON.stringify({
        requestId: "$context.requestId",
        extendedRequestId: "$context.extendedRequestId",
        requestTime: "$context.requestTimeEpoch",
        connectionId: "$context.connectionId",
        eventType: "$context.eventType",
        routeKey: "$context.routeKey",
        status: "$context.status",
        sourceIp: "$context.identity.sourceIp",
        userAgent: "$context.identity.userAgent",
        integrationStatus: "$context.integration.status",
        integrationLatency: "$context.integration.latency",
        error: "$context.error.message",
        integrationError: "$context.integration.error",
    });
}

/**
 * The stage's default route settings: throttling (messages per second and burst), execution logs
 * at ERROR (never full request data: messages may hold personal data), detailed metrics per route.
 */
export function stageRouteSettings(rateLimit: number, burstLimit: number) {
    return {
        throttlingRateLimit: rateLimit,
        throttlingBurstLimit: burstLimit,
        loggingLevel: "ERROR",
        dataTraceEnabled: false,
        detailedMetricsEnabled: true,
    };
}

/**
 * The realtime WebSocket API as data (pure): its routes and their handlers, the stage's access
 * log format and throttling, the ARNs API Gateway and the functions are scoped to, and each
 * function's least-privilege policy.
 */
import { type Append, type PolicyDocument, type Statement } from "../iam/documents";

/** API Gateway picks the route from the `action` field of a JSON message (seed 001's `message`). */
export const ROUTE_SELECTION_EXPRESSION = "$request.body.action";

/** Node.js runtime of the handlers (its AWS SDK v3 is what index.js uses; no bundling needed). */
export const LAMBDA_RUNTIME = "nodejs24.x";

export type HandlerName = "connect" | "disconnect" | "message";

/** One route: its key, the handler export that serves it and what the handler may do. */
export interface RouteSpec {
    routeKey: string;
    handler: HandlerName;
    description: string;
    /** DynamoDB actions on the connections table. */
    tableActions: string[];
    /** Whether the handler posts to connections (execute-api:ManageConnections). */
    managesConnections: boolean;
}

/** Seed 001's serverless.yml routes: $connect, $disconnect and message. */
export const ROUTES: readonly RouteSpec[] = [
    {
        routeKey: "$connect",
        handler: "connect",
        description: "Checks the Cognito access token and stores the connection with its room",
        tableActions: ["dynamodb:PutItem"],
        managesConnections: false,
    },
    {
        routeKey: "$disconnect",
        handler: "disconnect",
        description: "Removes the connection",
        tableActions: ["dynamodb:DeleteItem"],
        managesConnections: false,
    },
    {
        routeKey: "message",
        handler: "message",
        description: "Sends a message to every connection in the sender's room and drops gone connections",
        tableActions: ["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:DeleteItem"],
        managesConnections: true,
    },
];

/** `arn:<partition>:execute-api:<region>:<account>:<api id>`: the API's execution ARN. */
export function executionArn(partition: string, region: string, accountId: string, apiId: string): string {
    return `arn:${partition}:execute-api:${region}:${accountId}:${apiId}`;
}

/** What API Gateway may invoke a route's function for: that route, in any stage of this API. */
export function invokeSourceArn(apiExecutionArn: string, routeKey: string): string {
    return `${apiExecutionArn}/*/${routeKey}`;
}

/** What the message handler may post to: connections of this API's stage only. */
export function manageConnectionsArn(apiExecutionArn: string, stage: string): string {
    return `${apiExecutionArn}/${stage}/POST/@connections/*`;
}

/** The stage's default URL. */
export function websocketUrl(apiId: string, region: string, stage: string): string {
    return `wss://${apiId}.execute-api.${region}.amazonaws.com/${stage}`;
}

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

/** The ARNs one handler's role is scoped to. */
export interface FunctionAccess<A = string> {
    connectionsTableArn: A;
    /** The function's own log group (the provider's `arn`, without `:*`). */
    logGroupArn: A;
    /** manageConnectionsArn(...) of the API's stage. */
    manageConnectionsArn: A;
}

/**
 * A handler's inline policy: its own log streams, the table actions its route needs on the
 * connections table, ManageConnections on its stage (message only), and X-Ray segments (those two
 * actions accept only Resource "*").
 */
export function functionPolicy<A>(route: RouteSpec, access: FunctionAccess<A>, append: Append<A>): PolicyDocument<A | string> {
    const statements: Statement<A | string>[] = [
        {
            Sid: "WriteOwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: [access.logGroupArn, append(access.logGroupArn, ":log-stream:*")],
        },
        {
            Sid: "ConnectionsTable",
            Effect: "Allow",
            Action: [...route.tableActions],
            Resource: [access.connectionsTableArn],
        },
    ];
    if (route.managesConnections) {
        statements.push({
            Sid: "PostToConnections",
            Effect: "Allow",
            Action: ["execute-api:ManageConnections"],
            Resource: [access.manageConnectionsArn],
        });
    }
    statements.push({
        Sid: "XRayTraces",
        Effect: "Allow",
        Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
        // X-Ray's write actions support no resource-level permissions: AWS requires "*".
        Resource: ["*"],
    });
    return { Version: "2012-10-17", Statement: statements };
}

/** The function's name: `<prefix>-ws-<handler>` (e.g. chat-prod-ws-connect), within Lambda's 64 characters. */
export function functionName(prefix: string, handler: HandlerName): string {
    return `${prefix}-ws-${handler}`.slice(0, 64);
}

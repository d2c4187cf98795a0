/**
 * The realtime WebSocket API as data (pure): its routes and their handlers, the stage's access
 * log format and throttling, the ARNs API Gateway and the functions are scoped to, and each
 * function's least-privilege policy.
 */
import { scopedFunctionPolicy } from "../functions/rules";
import { type Append, type PolicyDocument, type Statement } from "../iam/documents";

/** API Gateway picks the route from the `action` field of a JSON message (seed 001's `message`). */
export const ROUTE_SELECTION_EXPRESSION = "$request.body.action";

export { LAMBDA_RUNTIME } from "../functions/rules";

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
 * What a handler's code may touch: the table actions its route needs on the connections table,
 * and ManageConnections on its stage (message only).
 */
export function routeStatements<A>(route: RouteSpec, access: Omit<FunctionAccess<A>, "logGroupArn">): Statement<A>[] {
    const statements: Statement<A>[] = [{
        Sid: "ConnectionsTable",
        Effect: "Allow",
        Action: [...route.tableActions],
        Resource: [access.connectionsTableArn],
    }];
    if (route.managesConnections) {
        statements.push({
            Sid: "PostToConnections",
            Effect: "Allow",
            Action: ["execute-api:ManageConnections"],
            Resource: [access.manageConnectionsArn],
        });
    }
    return statements;
}

/** A handler's whole inline policy: its own log streams, routeStatements, and X-Ray (scopedFunctionPolicy). */
export function functionPolicy<A>(route: RouteSpec, access: FunctionAccess<A>, append: Append<A>): PolicyDocument<A | string> {
    return scopedFunctionPolicy(access.logGroupArn, routeStatements(route, access), append);
}

/** The function's name: `<prefix>-ws-<handler>` (e.g. chat-prod-ws-connect), within Lambda's 64 characters. */
export function functionName(prefix: string, handler: HandlerName): string {
    return `${prefix}-ws-${handler}`.slice(0, 64);
}

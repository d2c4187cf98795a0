/**
 * The WebSocket API's routes (pure): how a message picks its route, and which handler serves it.
 */

/** API Gateway picks the route from the `action` field of a JSON message (seed 001's `message`). */
export const ROUTE_SELECTION_EXPRESSION = "$request.body.action";

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

// Types of app.js for the tests and the component (the handler itself ships as plain JS).

/** The subset of AWS SDK v3 aggregated clients the handlers call. */
export interface DynamoDbClient {
    putItem(input: Record<string, unknown>): Promise<unknown>;
    deleteItem(input: Record<string, unknown>): Promise<unknown>;
    getItem(input: Record<string, unknown>): Promise<{ Item?: Record<string, { S?: string; N?: string }> }>;
    scan(input: Record<string, unknown>): Promise<{ Items?: Record<string, { S?: string }>[]; LastEvaluatedKey?: Record<string, unknown> }>;
}

export interface CognitoClient {
    getUser(input: { AccessToken: string }): Promise<unknown>;
}

export interface ManagementApiClient {
    postToConnection(input: { ConnectionId: string; Data: string }): Promise<unknown>;
}

export interface HandlerDeps {
    tableName: string | undefined;
    region: string | undefined;
    userPoolId: string | undefined;
    clientId: string | undefined;
    dynamodb: DynamoDbClient;
    cognito: CognitoClient;
    managementApi: (endpoint: string) => ManagementApiClient;
    now?: () => number;
    log?: (level: string, message: string, fields: Record<string, unknown>) => void;
}

export interface WebSocketEvent {
    requestContext: { connectionId: string; apiId?: string; stage?: string; routeKey?: string };
    queryStringParameters?: Record<string, string> | null;
    body?: string | null;
}

export interface HandlerResult {
    statusCode: number;
    body: string;
}

export interface Handlers {
    connect(event: WebSocketEvent): Promise<HandlerResult>;
    disconnect(event: WebSocketEvent): Promise<HandlerResult>;
    message(event: WebSocketEvent): Promise<HandlerResult>;
}

export function createHandlers(deps: HandlerDeps): Handlers;
export const CONNECTION_TTL_SECONDS: number;
export const MAX_DATA_BYTES: number;
export const DEFAULT_ROOM: string;

/**
 * Names, ARNs and URLs of the WebSocket API and its functions (pure).
 */
import { type HandlerName } from "./routes";

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

/** The function's name: `<prefix>-ws-<handler>` (e.g. chat-prod-ws-connect), within Lambda's 64 characters. */
export function functionName(prefix: string, handler: HandlerName): string {
    return `${prefix}-ws-${handler}`.slice(0, 64);
}

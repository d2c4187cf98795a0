/**
 * What the realtime functions may do (pure IAM documents).
 */
import { scopedFunctionPolicy } from "../functions/documents";
import { type Append, type PolicyDocument, type Statement } from "../iam/documents";
import { type RouteSpec } from "./routes";

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

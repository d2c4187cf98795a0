import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SessionTable } from "../data/sessionTable";
import { serviceTrustPolicy } from "../iam/documents";
import { ScopedFunction } from "../functions/scopedFunction";
import { LogGroup } from "../observability/logGroup";
import { tagsFor } from "../shared/tags";
import { accessLogFormat, stageRouteSettings } from "./stage";
import { executionArn, functionName, invokeSourceArn, manageConnectionsArn, websocketUrl } from "./arns";
import { ROUTE_SELECTION_EXPRESSION, ROUTES, type RouteSpec } from "./routes";
import { routeStatements } from "./documents";

/** Where the handler's source lives (plain CommonJS, shipped as is). */
export const HANDLER_DIR = path.join(__dirname, "handler");

export interface WebSocketApiArgs {
    /** Prefix of the API, function, table and log-group names. @example "chat-prod" */
    namePrefix: string;
    /** The stage clients connect to. Changing it replaces the stage (and its URL). @default "live" */
    stageName?: string;
    /** Region of the API (URLs and ARNs). */
    region: string;
    /** Cognito user pool whose access tokens $connect accepts. */
    userPoolId: pulumi.Input<string>;
    /** The app client those tokens must be issued to. */
    userPoolClientId: pulumi.Input<string>;
    /** Steady-state messages per second the stage accepts. @default 500 */
    throttleRateLimit?: number;
    /** Burst of messages above the rate. @default 1000 */
    throttleBurstLimit?: number;
    /**
     * A custom hostname (wss://ws.example.com): a regional certificate covering it (e.g. the
     * load balancer's wildcard) and the hosted zone for the alias record.
     * @default undefined (only the execute-api URL)
     */
    customDomain?: { hostname: string; certificateArn: pulumi.Input<string>; hostedZoneId: string };
    /**
     * Set the account's API Gateway CloudWatch Logs role (account-wide, one per region; stages
     * cannot log without it). Leave off where another stack owns it. @default true
     */
    accountLogsRole?: boolean;
    /** Protect the connections table (prod). @default false */
    protectTable?: boolean;
    /** Retention of the access-log and function log groups, days. */
    logRetentionDays: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The realtime WebSocket API (seed 001 phase 3, `chat-websocket`):
 * 1. a connections table (connectionId, 2-hour TTL, PITR, encrypted);
 * 2. per route ($connect, $disconnect, message): a Node.js function (the handler in ./handler,
 *    arm64, X-Ray tracing, JSON logs to its own log group with retention, a description) with a
 *    role scoped to that log group, the table actions of its route and — for message —
 *    execute-api:ManageConnections on this stage; an AWS_PROXY integration; the route; and an
 *    invoke permission for API Gateway limited to that route of this API;
 * 3. a deployment (re-made when routes change) and the stage: throttling, ERROR execution logs,
 *    JSON access logs to a log group with retention;
 * 4. optionally the account's CloudWatch Logs role for API Gateway, and a custom domain
 *    (TLS 1.2, the given regional certificate, an A alias record).
 * No dead-letter queue: API Gateway invokes the functions synchronously and gets their errors
 * back (a DLQ only catches asynchronous invocations). No reserved concurrency: a fresh account
 * has 10 concurrent executions, too few to reserve from; the stage's throttling bounds the load.
 * The functions run outside the VPC: they need DynamoDB, Cognito and the management API only,
 * which would otherwise need NAT or a $7/AZ-month execute-api interface endpoint.
 *
 * Cost (us-east-1): $1.00 per million messages and $0.25 per million connection-minutes; Lambda
 * $0.20 per million requests + $0.0000133 per GB-s on arm64 (free tier: 1 M requests, 400,000
 * GB-s); the connections table on demand ($0.625 per million writes); logs $0.50/GB. A few
 * hundred users chatting all day stay under $5/month.
 */
export class WebSocketApi extends pulumi.ComponentResource {
    readonly apiId: pulumi.Output<string>;
    readonly stageName: string;
    /** wss://<api id>.execute-api.<region>.amazonaws.com/<stage> */
    readonly url: pulumi.Output<string>;
    /** wss://<custom hostname>, when a custom domain is configured. */
    readonly customUrl?: pulumi.Output<string>;
    readonly connectionsTableName: pulumi.Output<string>;
    readonly functionNames: pulumi.Output<string>[];

    constructor(name: string, args: WebSocketApiArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:realtime:WebSocketApi", name, {}, opts);
        const child = { parent: this };
        const stage = args.stageName ?? "live";
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;

        const table = new SessionTable(`${name}-connections`, {
            tableName: `${args.namePrefix}-ws-connections`,
            hashKey: "connectionId",
            ttlAttribute: "expires",
            deletionProtection: args.protectTable ?? false,
            tags: args.tags,
        }, { parent: this, protect: args.protectTable ?? false });

        const api = new aws.apigatewayv2.Api(name, {
            name: `${args.namePrefix}-ws`,
            description: `${args.namePrefix} realtime messages (WebSocket)`,
            protocolType: "WEBSOCKET",
            routeSelectionExpression: ROUTE_SELECTION_EXPRESSION,
            tags: tagsFor(args.tags, `${args.namePrefix}-ws`),
        }, child);
        // The execution ARN from known parts (the provider's own attribute is the same string).
        const apiExecutionArn = pulumi.all([partition, identity.accountId, api.id])
            .apply(([p, account, id]) => executionArn(p, args.region, account, id));

        const code = new pulumi.asset.AssetArchive({
            "index.js": new pulumi.asset.FileAsset(path.join(HANDLER_DIR, "index.js")),
            "app.js": new pulumi.asset.FileAsset(path.join(HANDLER_DIR, "app.js")),
        });
        const routes = ROUTES.map((route) => this.createRoute(name, args, route, {
            apiId: api.id,
            apiExecutionArn,
            stage,
            code,
            tableArn: table.arn,
            tableName: table.tableName,
        }));

        const deployment = new aws.apigatewayv2.Deployment(`${name}-deployment`, {
            apiId: api.id,
            description: `${args.namePrefix} realtime routes`,
            triggers: {
                routes: pulumi.all(routes.map((r) => pulumi.all([r.route.routeKey, r.route.target]))).apply((pairs) => JSON.stringify(pairs)),
            },
        }, { parent: this, dependsOn: routes.map((r) => r.route) });

        const accessLogs = new LogGroup(`${name}-access-logs`, {
            logGroupName: `/aws/apigateway/${args.namePrefix}-ws/${stage}`,
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);
        const account = (args.accountLogsRole ?? true) ? this.createAccountLogsRole(name, args) : undefined;

        const stageResource = new aws.apigatewayv2.Stage(`${name}-stage`, {
            apiId: api.id,
            name: stage,
            description: `${args.namePrefix} realtime stage`,
            deploymentId: deployment.id,
            defaultRouteSettings: stageRouteSettings(args.throttleRateLimit ?? 500, args.throttleBurstLimit ?? 1000),
            accessLogSettings: { destinationArn: accessLogs.arn, format: accessLogFormat() },
            tags: tagsFor(args.tags, `${name}-stage`),
        }, { parent: this, dependsOn: account !== undefined ? [account] : [] });

        if (args.customDomain !== undefined) {
            this.customUrl = this.createCustomDomain(name, args, args.customDomain, api.id, stageResource.id);
        }

        this.apiId = api.id;
        this.stageName = stage;
        this.url = api.id.apply((id) => websocketUrl(id, args.region, stage));
        this.connectionsTableName = table.tableName;
        this.functionNames = routes.map((r) => r.functionName);
        this.registerOutputs({
            apiId: this.apiId,
            url: this.url,
            customUrl: this.customUrl,
            connectionsTableName: this.connectionsTableName,
            functionNames: this.functionNames,
        });
    }

    private createRoute(name: string, args: WebSocketApiArgs, route: RouteSpec, ctx: {
        apiId: pulumi.Output<string>;
        apiExecutionArn: pulumi.Output<string>;
        stage: string;
        code: pulumi.asset.AssetArchive;
        tableArn: pulumi.Output<string>;
        tableName: pulumi.Output<string>;
    }): { route: aws.apigatewayv2.Route; functionName: pulumi.Output<string> } {
        const child = { parent: this };
        const base = `${name}-${route.handler}`;
        const fnName = functionName(args.namePrefix, route.handler);

        const fn = new ScopedFunction(base, {
            functionName: fnName,
            description: `${args.namePrefix} realtime ${route.routeKey}: ${route.description}`,
            code: ctx.code,
            handler: `index.${route.handler}`,
            statements: routeStatements<pulumi.Input<string>>(route, {
                connectionsTableArn: ctx.tableArn,
                manageConnectionsArn: ctx.apiExecutionArn.apply((arn) => manageConnectionsArn(arn, ctx.stage)),
            }),
            environment: {
                CONNECTIONS_TABLE: ctx.tableName,
                USER_POOL_ID: pulumi.output(args.userPoolId),
                USER_POOL_CLIENT_ID: pulumi.output(args.userPoolClientId),
            },
            logRetentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);

        const integration = new aws.apigatewayv2.Integration(`${base}-integration`, {
            apiId: ctx.apiId,
            description: `${route.routeKey} → ${fnName}`,
            integrationType: "AWS_PROXY",
            integrationMethod: "POST",
            integrationUri: fn.invokeArn,
            contentHandlingStrategy: "CONVERT_TO_TEXT",
        }, child);
        const routeResource = new aws.apigatewayv2.Route(`${base}-route`, {
            apiId: ctx.apiId,
            routeKey: route.routeKey,
            operationName: route.handler,
            // WebSocket APIs authorize on $connect only; the handler checks the Cognito token there.
            authorizationType: "NONE",
            target: pulumi.interpolate`integrations/${integration.id}`,
        }, child);
        new aws.lambda.Permission(`${base}-invoke`, {
            action: "lambda:InvokeFunction",
            function: fn.name,
            principal: "apigateway.amazonaws.com",
            sourceArn: ctx.apiExecutionArn.apply((arn) => invokeSourceArn(arn, route.routeKey)),
        }, child);
        return { route: routeResource, functionName: fn.name };
    }

    private createAccountLogsRole(name: string, args: WebSocketApiArgs): aws.apigateway.Account {
        const child = { parent: this };
        const role = new aws.iam.Role(`${name}-apigw-logs`, {
            description: "API Gateway (account setting): write execution and access logs to CloudWatch Logs",
            assumeRolePolicy: serviceTrustPolicy("apigateway.amazonaws.com"),
            tags: tagsFor(args.tags, `${name}-apigw-logs`),
        }, child);
        const partition = aws.getPartitionOutput({}, child).partition;
        // AWS documents this managed policy as the way to let API Gateway log for the account.
        const attachment = new aws.iam.RolePolicyAttachment(`${name}-apigw-logs`, {
            role: role.name,
            policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs`,
        }, child);
        return new aws.apigateway.Account(`${name}-apigw-account`, {
            cloudwatchRoleArn: role.arn,
        }, { parent: this, dependsOn: [attachment] });
    }

    private createCustomDomain(name: string, args: WebSocketApiArgs, domain: NonNullable<WebSocketApiArgs["customDomain"]>,
        apiId: pulumi.Output<string>, stageId: pulumi.Output<string>): pulumi.Output<string> {
        const child = { parent: this };
        const domainName = new aws.apigatewayv2.DomainName(`${name}-domain`, {
            domainName: domain.hostname,
            domainNameConfiguration: {
                certificateArn: domain.certificateArn,
                endpointType: "REGIONAL",
                securityPolicy: "TLS_1_2",
            },
            tags: tagsFor(args.tags, domain.hostname),
        }, child);
        new aws.apigatewayv2.ApiMapping(`${name}-mapping`, {
            apiId,
            domainName: domainName.id,
            stage: stageId,
        }, child);
        new aws.route53.Record(`${name}-alias`, {
            zoneId: domain.hostedZoneId,
            name: domain.hostname,
            type: "A",
            aliases: [{
                name: domainName.domainNameConfiguration.targetDomainName,
                zoneId: domainName.domainNameConfiguration.hostedZoneId,
                evaluateTargetHealth: false,
            }],
        }, child);
        return pulumi.output(`wss://${domain.hostname}`);
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy, type Statement } from "../iam/documents";
import { LogGroup } from "../observability/logGroup";
import { tagsFor } from "../shared/tags";
import { LAMBDA_RUNTIME } from "./runtime";
import { scopedFunctionPolicy } from "./documents";
import { appendOutput } from "../shared/outputs";

export interface ScopedFunctionArgs {
    /** The function's name (64 characters at most), e.g. `chat-prod-ws-connect`. */
    functionName: string;
    /** What the function does; shown in the console. */
    description: string;
    /** The handler's code (plain CommonJS, shipped as is). */
    code: pulumi.asset.Archive;
    /** `<file>.<export>`, e.g. `index.connect`. */
    handler: string;
    /** What the code may touch (besides its own logs and X-Ray): explicit actions on explicit resources. */
    statements: Statement<pulumi.Input<string>>[];
    /** Environment variables (never secrets: pass a secret's ARN and read it at run time). @default {} */
    environment?: Record<string, pulumi.Input<string>>;
    /** MiB. @default 256 */
    memorySize?: number;
    /** Seconds. @default 10 */
    timeout?: number;
    /** Retention of the function's log group, days (a CloudWatch retention value). */
    logRetentionDays: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A Lambda function with nothing more than it needs:
 * 1. its log group `/aws/lambda/<name>` with retention (created first, so Lambda never creates
 *    one without retention);
 * 2. a role only Lambda can assume, whose inline policy is its log streams, the given statements
 *    and X-Ray traces (scopedFunctionPolicy);
 * 3. the function: arm64, the Node.js runtime's SDK, JSON logs to that group, active tracing.
 *
 * Cost: arm64 Lambda $0.0000133 per GB-second and $0.20 per million requests beyond the free
 * tier (400,000 GB-s and 1 million requests a month); logs $0.50/GB ingested.
 */
export class ScopedFunction extends pulumi.ComponentResource {
    readonly function: aws.lambda.Function;
    readonly arn: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    readonly invokeArn: pulumi.Output<string>;
    readonly roleArn: pulumi.Output<string>;
    readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: ScopedFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:functions:ScopedFunction", name, {}, opts);
        const child = { parent: this };
        const logGroup = new LogGroup(`${name}-logs`, {
            logGroupName: `/aws/lambda/${args.functionName}`,
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, child);
        const role = new aws.iam.Role(`${name}-role`, {
            description: `${args.functionName}: ${args.description}`.slice(0, 1000),
            assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"),
            tags: tagsFor(args.tags, `${name}-role`),
        }, child);
        const access = new aws.iam.RolePolicy(`${name}-access`, {
            role: role.name,
            policy: scopedFunctionPolicy<pulumi.Input<string>>(logGroup.arn, args.statements, appendOutput),
        }, child);
        this.function = new aws.lambda.Function(`${name}-fn`, {
            name: args.functionName,
            description: args.description.slice(0, 256),
            runtime: LAMBDA_RUNTIME,
            architectures: ["arm64"],
            handler: args.handler,
            code: args.code,
            role: role.arn,
            memorySize: args.memorySize ?? 256,
            timeout: args.timeout ?? 10,
            environment: { variables: args.environment ?? {} },
            tracingConfig: { mode: "Active" },
            loggingConfig: { logFormat: "JSON", logGroup: logGroup.name, applicationLogLevel: "INFO", systemLogLevel: "WARN" },
            tags: tagsFor(args.tags, args.functionName),
        }, { parent: this, dependsOn: [access] });

        this.arn = this.function.arn;
        this.name = this.function.name;
        this.invokeArn = this.function.invokeArn;
        this.roleArn = role.arn;
        this.logGroupName = logGroup.name;
        this.registerOutputs({ arn: this.arn, name: this.name, roleArn: this.roleArn, logGroupName: this.logGroupName });
    }
}

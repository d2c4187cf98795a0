import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LogGroup } from "../observability/logGroup";
import { tagsFor } from "../shared/tags";
import { redactedFields, visibility, WAF_LOG_GROUP_PREFIX, webAclRules } from "./webAclRules";
import { usEast1Provider } from "../shared/providers";

export interface WebFirewallArgs {
    /**
     * The web ACL's name (also its metric and log-group suffix). Changing it replaces the ACL.
     * @example "chat-prod-alb"
     */
    aclName: string;
    /**
     * "REGIONAL" for load balancers and APIs in the stack's region; "CLOUDFRONT" for a
     * distribution (the ACL and its log group are then created in us-east-1 through a provider of
     * their own). Changing it replaces the ACL.
     */
    scope: "REGIONAL" | "CLOUDFRONT";
    /** Requests per source IP in 5 minutes before the IP is blocked (seed 001: 2000). */
    rateLimit: number;
    /** ISO 3166-1 alpha-2 codes whose requests are blocked (seed 001: CN, RU, KP). @default [] */
    geoBlockCountries?: string[];
    /**
     * Regional resources (load balancers, API stages) to protect: one WebAclAssociation each.
     * CloudFront distributions name their ACL themselves (see cloudFrontWebAcl).
     * @default []
     */
    associateWith?: pulumi.Input<string>[];
    /** Retention of the WAF log group, days (a CloudWatch retention value). */
    logRetentionDays: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A WAFv2 web ACL (seed 001 "WAF"):
 * 1. the ACL, allowing by default, with webAclRules: rate limit per IP (block), geo block
 *    (block, when countries are configured), AWS managed IP reputation, common and known-bad-
 *    inputs groups (Log4j included); CloudWatch metrics and sampled requests for every rule;
 * 2. a log group `aws-waf-logs-<name>` with retention and the ACL's logging configuration
 *    (authorization and cookie headers redacted);
 * 3. for "REGIONAL": one association per protected resource (the ALB). For "CLOUDFRONT": a
 *    us-east-1 provider (CloudFront ACLs live there), and the distribution references the ACL.
 *
 * Cost (us-east-1): $5/month per ACL + $1 per rule or managed group (5 with a geo rule: $10)
 * + $0.60 per million requests inspected; logs $0.50/GB ingested.
 */
export class WebFirewall extends pulumi.ComponentResource {
    readonly webAcl: aws.wafv2.WebAcl;
    readonly arn: pulumi.Output<string>;
    readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: WebFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:waf:WebFirewall", name, {}, opts);
        const usEast1 = args.scope === "CLOUDFRONT" ? usEast1Provider(`${name}-us-east-1`, this) : undefined;
        const child: pulumi.CustomResourceOptions = { parent: this, provider: usEast1 };

        this.webAcl = new aws.wafv2.WebAcl(name, {
            name: args.aclName,
            description: `${args.aclName}: rate limit, geo block and AWS managed rules`,
            scope: args.scope,
            defaultAction: { allow: {} },
            rules: webAclRules({
                metricPrefix: args.aclName,
                rateLimit: args.rateLimit,
                geoBlockCountries: args.geoBlockCountries ?? [],
            }),
            visibilityConfig: visibility(args.aclName),
            tags: tagsFor(args.tags, args.aclName),
        }, child);

        const logGroup = new LogGroup(`${name}-logs`, {
            logGroupName: `${WAF_LOG_GROUP_PREFIX}${args.aclName}`,
            retentionDays: args.logRetentionDays,
            tags: args.tags,
        }, { parent: this, providers: usEast1 !== undefined ? { aws: usEast1 } : undefined });

        new aws.wafv2.WebAclLoggingConfiguration(`${name}-logging`, {
            resourceArn: this.webAcl.arn,
            logDestinationConfigs: [logGroup.arn],
            redactedFields: redactedFields(),
        }, child);

        if (args.scope === "REGIONAL") {
            (args.associateWith ?? []).forEach((resourceArn, i) => {
                new aws.wafv2.WebAclAssociation(`${name}-association-${i + 1}`, {
                    resourceArn,
                    webAclArn: this.webAcl.arn,
                }, child);
            });
        }

        this.arn = this.webAcl.arn;
        this.logGroupName = logGroup.name;
        this.registerOutputs({ arn: this.arn, logGroupName: this.logGroupName });
    }
}

/**
 * Puts a CLOUDFRONT web ACL on the distributions created under a component (e.g.
 * StaticSiteCdn), by setting their `webAclId` (a WAFv2 ACL's ARN). Pass it in that component's
 * `transformations`; resources of other types pass through unchanged.
 */
export function cloudFrontWebAcl(webAclArn: pulumi.Input<string>): pulumi.ResourceTransformation {
    return (args) => args.type === "aws:cloudfront/distribution:Distribution"
        ? { props: { ...args.props, webAclId: webAclArn }, opts: args.opts }
        : undefined;
}

import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { serviceTrustPolicy } from "../iam/documents";
import { type NetworkLayoutInput, vpcLayout } from "./layout";

export interface NetworkArgs extends NetworkLayoutInput {
    /**
     * Send VPC flow logs (rejected and accepted traffic) to a CloudWatch log group.
     * @default false
     */
    flowLogs?: boolean;
    /** Retention of the flow-log group, in days (a CloudWatch retention value). @default 14 */
    flowLogRetentionDays?: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The VPC:
 * 1. an awsx VPC (subnets, route tables, internet gateway, NAT per the layout) — a remote
 *    component: offline it is one opaque resource, so nothing a policy must see lives inside it;
 * 2. the VPC's default security group adopted and emptied (CIS AWS 5.4), so nothing can use it;
 * 3. optional flow logs to a log group with retention, through a role scoped to that group.
 *
 * Cost: public subnets and the internet gateway are free; NAT as chosen (see NatStrategy);
 * flow logs $0.50/GB ingested.
 */
export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly publicSubnetIds: pulumi.Output<string[]>;
    readonly privateSubnetIds: pulumi.Output<string[]>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:network:Network", name, {}, opts);
        const child = { parent: this };

        const vpc = new awsx.ec2.Vpc(name, {
            ...vpcLayout(args),
            tags: tagsFor(args.tags, name),
        }, child);
        this.vpcId = vpc.vpcId;
        this.publicSubnetIds = vpc.publicSubnetIds;
        this.privateSubnetIds = vpc.privateSubnetIds;

        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, {
            vpcId: vpc.vpcId,
            tags: tagsFor(args.tags, `${name}-default-sg (unused, no rules)`),
        }, child);

        if (args.flowLogs ?? false) this.createFlowLogs(name, args);

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
        });
    }

    private createFlowLogs(name: string, args: NetworkArgs): void {
        const child = { parent: this };
        const logGroup = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, {
            name: `/vpc/${name}/flow-logs`,
            retentionInDays: args.flowLogRetentionDays ?? 14,
            tags: tagsFor(args.tags, `${name}-flow-logs`),
        }, child);
        const role = new aws.iam.Role(`${name}-flow-logs`, {
            description: "VPC flow logs delivery to its own log group",
            assumeRolePolicy: serviceTrustPolicy("vpc-flow-logs.amazonaws.com"),
            tags: tagsFor(args.tags, `${name}-flow-logs`),
        }, child);
        new aws.iam.RolePolicy(`${name}-flow-logs`, {
            role: role.name,
            policy: {
                Version: "2012-10-17",
                Statement: [{
                    Sid: "DeliverFlowLogs",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    Resource: [logGroup.arn, pulumi.interpolate`${logGroup.arn}:log-stream:*`],
                }],
            },
        }, child);
        new aws.ec2.FlowLog(`${name}-flow-logs`, {
            vpcId: this.vpcId,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: logGroup.arn,
            iamRoleArn: role.arn,
            maxAggregationInterval: 600,
            tags: tagsFor(args.tags, `${name}-flow-logs`),
        }, child);
    }
}

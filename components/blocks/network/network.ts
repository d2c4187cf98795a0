import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { serviceTrustPolicy } from "../iam/documents";
import { defaultGatewayEndpoints, type GatewayEndpointService, type NetworkLayoutInput, routeTablesForSubnets, vpcLayout } from "./layout";
import { NatInstance } from "./natInstance";

export interface NetworkArgs extends NetworkLayoutInput {
    /**
     * Send VPC flow logs (rejected and accepted traffic) to a CloudWatch log group.
     * @default false
     */
    flowLogs?: boolean;
    /** Retention of the flow-log group, in days (a CloudWatch retention value). @default 14 */
    flowLogRetentionDays?: number;
    /**
     * Free gateway endpoints attached to the private route tables, so S3 and DynamoDB traffic
     * skips the NAT. @default ["s3", "dynamodb"] with private subnets, [] without
     */
    gatewayEndpoints?: GatewayEndpointService[];
    /** NAT instance type when natStrategy is "instance". @default "t4g.nano" */
    natInstanceType?: string;
    /** TCP ports a NAT instance forwards to the internet. @default [443, 80] */
    natInstancePorts?: number[];
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The VPC:
 * 1. an awsx VPC (subnets, route tables, internet gateway, NAT gateways per the layout) — a
 *    remote component: offline it is one opaque resource, so nothing a policy must see lives
 *    inside it;
 * 2. the VPC's default security group adopted and emptied (CIS AWS 5.4), so nothing can use it;
 * 3. with private subnets and natStrategy "instance": a NatInstance and a default route to it in
 *    each private route table (awsx's route tables, found through its route-table associations);
 * 4. with private subnets: free S3 and DynamoDB gateway endpoints on the private route tables;
 * 5. optional flow logs to a log group with retention, through a role scoped to that group.
 *
 * Cost: public subnets, the internet gateway and gateway endpoints are free; NAT as chosen
 * (natMonthlyCost in layout.ts, us-east-1): none $0, instance ≈ $7.36, gateway ≈ $36.50 +
 * $0.045/GB, gateway-per-az ≈ $36.50 per AZ + $0.045/GB; flow logs $0.50/GB ingested.
 */
/** What phases 2 and up ask of the network: public and private subnets, NAT from the settings. */
export function privateNetworkArgs(settings: {
    network: { cidrBlock: string; availabilityZones: number; natStrategy: NetworkArgs["natStrategy"]; ipv6: boolean; flowLogs: boolean };
    logRetentionDays: number;
    tags: Record<string, string>;
}, egressPorts: number[]): NetworkArgs {
    return {
        cidrBlock: settings.network.cidrBlock,
        availabilityZones: settings.network.availabilityZones,
        privateSubnets: true,
        natStrategy: settings.network.natStrategy,
        ipv6: settings.network.ipv6,
        flowLogs: settings.network.flowLogs,
        flowLogRetentionDays: settings.logRetentionDays,
        natInstancePorts: egressPorts,
        tags: settings.tags,
    };
}

export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly publicSubnetIds: pulumi.Output<string[]>;
    /** Availability zone of the first public subnet (the single host's; its EBS volumes must be there too). */
    readonly firstPublicSubnetZone: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string[]>;
    /** Route tables of the private subnets, in the order of privateSubnetIds ([] without private subnets). */
    readonly privateRouteTableIds: pulumi.Output<string[]>;
    /** The VPC's IPv4 CIDR (from the layout, known before anything exists). */
    readonly vpcCidrBlock: string;
    /** The NAT instance, when natStrategy is "instance". */
    readonly natInstance?: NatInstance;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:network:Network", name, {}, opts);
        const child = { parent: this };

        const vpc = new awsx.ec2.Vpc(name, {
            ...vpcLayout(args),
            tags: tagsFor(args.tags, name),
        }, child);
        this.vpcId = vpc.vpcId;
        this.publicSubnetIds = vpc.publicSubnetIds;
        // awsx hands back resource references (plain values under mocks): the zone is an output of its own.
        this.firstPublicSubnetZone = vpc.publicSubnets.apply((subnets) => pulumi.output(subnets[0].availabilityZone));
        this.privateSubnetIds = vpc.privateSubnetIds;
        this.vpcCidrBlock = args.cidrBlock;
        this.privateRouteTableIds = args.privateSubnets
            ? pulumi.all([vpc.privateSubnetIds, vpc.routeTableAssociations]).apply(([subnetIds, links]) =>
                // awsx hands back resource references: their ids are outputs of their own.
                pulumi.all(links.map((l) => pulumi.all([l.subnetId, l.routeTableId])))
                    .apply((pairs) => routeTablesForSubnets(subnetIds, pairs.map(([subnetId, routeTableId]) => ({ subnetId, routeTableId })))))
            : pulumi.output([]);

        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, {
            vpcId: vpc.vpcId,
            tags: tagsFor(args.tags, `${name}-default-sg (unused, no rules)`),
        }, child);

        if (args.privateSubnets && args.natStrategy === "instance") {
            this.natInstance = new NatInstance(`${name}-nat`, {
                vpcId: vpc.vpcId,
                vpcCidrBlock: args.cidrBlock,
                publicSubnetId: vpc.publicSubnetIds.apply((ids) => ids[0]),
                privateRouteTableIds: this.privateRouteTableAt(args.availabilityZones),
                ports: args.natInstancePorts,
                instanceType: args.natInstanceType,
                tags: args.tags,
            }, child);
        }
        this.createGatewayEndpoints(name, args);

        if (args.flowLogs ?? false) this.createFlowLogs(name, args);

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            privateRouteTableIds: this.privateRouteTableIds,
        });
    }

    /** One output per private route table (one private subnet per AZ): resources need a known count. */
    private privateRouteTableAt(count: number): pulumi.Output<string>[] {
        return Array.from({ length: count }, (_, i) => this.privateRouteTableIds.apply((ids) => ids[i]));
    }

    private createGatewayEndpoints(name: string, args: NetworkArgs): void {
        const services = args.gatewayEndpoints ?? defaultGatewayEndpoints(args.privateSubnets);
        if (services.length === 0 || !args.privateSubnets) return;
        const region = aws.getRegionOutput({}, { parent: this }).region;
        for (const service of services) {
            new aws.ec2.VpcEndpoint(`${name}-${service}-endpoint`, {
                vpcId: this.vpcId,
                serviceName: pulumi.interpolate`com.amazonaws.${region}.${service}`,
                vpcEndpointType: "Gateway",
                routeTableIds: this.privateRouteTableIds,
                tags: tagsFor(args.tags, `${name}-${service}-endpoint`),
            }, { parent: this });
        }
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

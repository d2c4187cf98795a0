/**
 * How the VPC is laid out, as a pure function of the settings: awsx's Vpc args with an explicit
 * subnet and NAT strategy (never awsx's default of a NAT gateway per AZ, about $33/month each).
 */
import { StagecraftError } from "../../lib/errors";
import { type NatStrategy } from "../../config/settings";
import { EBS_GB_MONTH, EC2_HOURLY, HOURS_PER_MONTH, NAT_GATEWAY_HOURLY, PUBLIC_IPV4_HOURLY, USAGE_PRICES } from "../../lib/prices";

export interface NetworkLayoutInput {
    cidrBlock: string;
    availabilityZones: number;
    /** Private subnets exist only from phase 2 on; phase 1 is public subnets only. */
    privateSubnets: boolean;
    natStrategy: NatStrategy;
    ipv6: boolean;
}

export interface SubnetSpec {
    type: "Public" | "Private";
    cidrMask: number;
    assignIpv6AddressOnCreation?: boolean;
}

export interface VpcLayout {
    cidrBlock: string;
    numberOfAvailabilityZones: number;
    subnetStrategy: "Auto";
    subnetSpecs: SubnetSpec[];
    natGateways: { strategy: "None" | "Single" | "OnePerAz" };
    enableDnsHostnames: true;
    enableDnsSupport: true;
    assignGeneratedIpv6CidrBlock: boolean;
}

/** awsx builds NAT gateways only; a NAT instance is ours (see NatInstance), so awsx builds none. */
const AWSX_NAT: Record<NatStrategy, VpcLayout["natGateways"]["strategy"]> = {
    none: "None",
    instance: "None",
    gateway: "Single",
    "gateway-per-az": "OnePerAz",
};

export function vpcLayout(input: NetworkLayoutInput): VpcLayout {
    if (!input.privateSubnets && input.natStrategy !== "none") {
        throw new StagecraftError(`natStrategy "${input.natStrategy}" needs private subnets; a public-only network uses "none"`);
    }
    const subnetMask = Math.min(Number(input.cidrBlock.split("/")[1]) + 4, 28);
    const subnetSpecs: SubnetSpec[] = [{
        type: "Public",
        cidrMask: subnetMask,
        ...(input.ipv6 ? { assignIpv6AddressOnCreation: true } : {}),
    }];
    if (input.privateSubnets) subnetSpecs.push({ type: "Private", cidrMask: subnetMask });
    return {
        cidrBlock: input.cidrBlock,
        numberOfAvailabilityZones: input.availabilityZones,
        subnetStrategy: "Auto",
        subnetSpecs,
        natGateways: { strategy: AWSX_NAT[input.natStrategy] },
        enableDnsHostnames: true,
        enableDnsSupport: true,
        assignGeneratedIpv6CidrBlock: input.ipv6,
    };
}

/** us-east-1 prices (730 h/month) behind natMonthlyCost. */
export const NAT_PRICES = {
    /** NAT gateway, per hour, plus USAGE_PRICES.natPerGb per GB processed. */
    gatewayHourly: NAT_GATEWAY_HOURLY,
    /** Every public IPv4 address (a NAT gateway's Elastic IP, a NAT instance's public IP), per hour. */
    publicIpv4Hourly: PUBLIC_IPV4_HOURLY,
    /** t4g.nano on demand, per hour. */
    natInstanceHourly: EC2_HOURLY["t4g.nano"],
    /** gp3 storage, per GB-month (the NAT instance's 8 GB root volume). */
    gp3GbMonth: EBS_GB_MONTH.gp3,
    hoursPerMonth: HOURS_PER_MONTH,
} as const;

/** What a NAT strategy costs per month before traffic, and what it costs per GB it forwards. */
export interface NatCost {
    monthlyUsd: number;
    perGbProcessedUsd: number;
    /** What fails when one AZ or the NAT itself fails. */
    availability: string;
}

/**
 * Monthly cost of each NAT strategy in us-east-1 (before data transfer out, which every
 * strategy pays alike):
 * - none: $0 — private subnets have no internet egress at all;
 * - instance: one t4g.nano ($3.07) + 8 GB gp3 ($0.64) + its public IPv4 ($3.65) ≈ $7.36, no
 *   per-GB processing charge; one instance in one AZ is a single point of failure;
 * - gateway: one NAT gateway ($32.85) + its Elastic IP ($3.65) ≈ $36.50, + $0.045/GB; one AZ;
 * - gateway-per-az: that per AZ ≈ $73.00 for two AZs, $109.50 for three, + $0.045/GB; no
 *   cross-AZ dependency.
 */
export function natMonthlyCost(strategy: NatStrategy, availabilityZones: number): NatCost {
    const p = NAT_PRICES;
    const round = (n: number) => Math.round(n * 100) / 100;
    const gateway = (p.gatewayHourly + p.publicIpv4Hourly) * p.hoursPerMonth;
    switch (strategy) {
        case "none":
            return { monthlyUsd: 0, perGbProcessedUsd: 0, availability: "no internet egress from private subnets" };
        case "instance":
            return {
                monthlyUsd: round((p.natInstanceHourly + p.publicIpv4Hourly) * p.hoursPerMonth + 8 * p.gp3GbMonth),
                perGbProcessedUsd: 0,
                availability: "one instance in one AZ: egress stops while it is replaced or its AZ is down",
            };
        case "gateway":
            return { monthlyUsd: round(gateway), perGbProcessedUsd: USAGE_PRICES.natPerGb, availability: "one gateway in one AZ: egress from every AZ depends on it" };
        case "gateway-per-az":
            return { monthlyUsd: round(gateway * availabilityZones), perGbProcessedUsd: USAGE_PRICES.natPerGb, availability: "one gateway per AZ: an AZ outage affects only that AZ" };
    }
}

/** Free gateway endpoints: traffic to S3 and DynamoDB skips the NAT (and its per-GB charge). */
export type GatewayEndpointService = "s3" | "dynamodb";

/** Private subnets get both free gateway endpoints; a public-only network needs none. */
export function defaultGatewayEndpoints(privateSubnets: boolean): GatewayEndpointService[] {
    return privateSubnets ? ["s3", "dynamodb"] : [];
}

/** A subnet's association with its route table, as awsx reports them. */
export interface RouteTableLink {
    subnetId: string | undefined;
    routeTableId: string | undefined;
}

/**
 * The route table of each subnet, in the order of `subnetIds` (awsx gives every subnet its own
 * route table and reports the links as routeTableAssociations).
 */
export function routeTablesForSubnets(subnetIds: readonly string[], links: readonly RouteTableLink[]): string[] {
    return subnetIds.map((subnetId) => {
        const link = links.find((l) => l.subnetId === subnetId);
        if (link?.routeTableId === undefined) {
            throw new StagecraftError(`no route table is associated with subnet ${subnetId}; the NAT routes and gateway endpoints need one per private subnet`);
        }
        return link.routeTableId;
    });
}

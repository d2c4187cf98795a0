/**
 * How the VPC is laid out, as a pure function of the settings: awsx's Vpc args with an explicit
 * subnet and NAT strategy (never awsx's default of a NAT gateway per AZ, about $33/month each).
 */
import { StagecraftError } from "../shared/errors";
import { type NatStrategy } from "../config/settings";

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

const AWSX_NAT: Record<Exclude<NatStrategy, "instance">, VpcLayout["natGateways"]["strategy"]> = {
    none: "None",
    gateway: "Single",
    "gateway-per-az": "OnePerAz",
};

export function vpcLayout(input: NetworkLayoutInput): VpcLayout {
    if (!input.privateSubnets && input.natStrategy !== "none") {
        throw new StagecraftError(`natStrategy "${input.natStrategy}" needs private subnets; a public-only network uses "none"`);
    }
    if (input.natStrategy === "instance") {
        throw new StagecraftError("natStrategy \"instance\" is not available in this version of the network component; use \"none\", \"gateway\" or \"gateway-per-az\"");
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

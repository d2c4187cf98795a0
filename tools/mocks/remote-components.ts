// Outputs of awsx remote components (multi-language components that run inside the awsx provider
// plugin). Under mocks and in the offline check they are one resource without children, so we
// answer with the outputs the awsx docs promise, shaped by the inputs: number of AZs, subnet
// specs, NAT strategy. In preview mode every id/ARN/IP is UNKNOWN (as a real preview reports
// them); CIDR blocks and AZ names stay known because awsx computes them itself.
//
// The subnet layout follows awsx's "Auto" strategy (VPC split evenly between AZs, specs in order
// within each AZ, an even split when no mask/size is given); "Legacy" only reorders the specs
// (private, public, isolated). Exact sizes of awsx's Legacy defaults are not reproduced.
import { allocate, bitsFor, blockSize, formatCidr, parseCidr } from "./cidr";
import { awsStyleId } from "./hash";
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "./invokes";
import { partitionOf, zonesOf } from "./regions";
import { defaultSubnetIds, defaultVpcId } from "./tuned-invokes";
import { UNKNOWN } from "./unknown";

export interface RemoteComponentOptions {
    preview: boolean;
    region?: string;
    accountId?: string;
}

const REMOTE_TYPES = new Set(["awsx:ec2:Vpc", "awsx:ec2:DefaultVpc"]);

/** True for types that are remote components (no children offline). Any `awsx:` component is one. */
export function isRemoteComponentType(type: string): boolean {
    return REMOTE_TYPES.has(type) || /^awsx:[^:]+:[A-Z]/.test(type);
}

type SubnetType = "Public" | "Private" | "Isolated" | "Unused";

interface Spec {
    type: SubnetType;
    name?: string;
    cidrMask?: number;
    size?: number;
    cidrBlocks?: string[];
    tags?: Record<string, unknown>;
}

interface Ctx {
    preview: boolean;
    region: string;
    partition: string;
    accountId: string;
    vpcName: string;
}

function idOr(ctx: Ctx, prefix: string, key: string): string {
    return ctx.preview ? UNKNOWN : awsStyleId(prefix, `${ctx.vpcName}/${key}`);
}

function arnOr(ctx: Ctx, id: string, kind: string): string {
    return ctx.preview ? UNKNOWN : `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:${kind}/${id}`;
}

function specsOf(inputs: Record<string, unknown>): Spec[] {
    const raw = Array.isArray(inputs.subnetSpecs) ? (inputs.subnetSpecs as Record<string, unknown>[]) : [];
    const specs: Spec[] = raw.map((s) => ({
        type: (s.type as SubnetType) ?? "Private",
        name: typeof s.name === "string" ? s.name : undefined,
        cidrMask: typeof s.cidrMask === "number" ? s.cidrMask : undefined,
        size: typeof s.size === "number" ? s.size : undefined,
        cidrBlocks: Array.isArray(s.cidrBlocks) ? (s.cidrBlocks as string[]) : undefined,
        tags: typeof s.tags === "object" && s.tags !== null ? (s.tags as Record<string, unknown>) : undefined,
    }));
    if (specs.length === 0) {
        return [{ type: "Private" }, { type: "Public" }];
    }
    if (inputs.subnetStrategy === "Legacy") {
        const order: SubnetType[] = ["Private", "Public", "Isolated", "Unused"];
        return [...specs].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    }
    return specs;
}

function maskOf(spec: Spec, defaultMask: number): number {
    if (spec.cidrMask !== undefined) return spec.cidrMask;
    if (spec.size !== undefined) return 32 - Math.ceil(Math.log2(spec.size));
    return defaultMask;
}

function vpcOutputs(name: string, inputs: Record<string, unknown>, ctx: Ctx): Record<string, unknown> {
    const vpcCidr = parseCidr(typeof inputs.cidrBlock === "string" ? inputs.cidrBlock : "10.0.0.0/16");
    const azNames = Array.isArray(inputs.availabilityZoneNames)
        ? (inputs.availabilityZoneNames as string[])
        : zonesOf(ctx.region)
              .slice(0, typeof inputs.numberOfAvailabilityZones === "number" ? inputs.numberOfAvailabilityZones : 3)
              .map((z) => z.name);
    const azMask =
        typeof inputs.availabilityZoneCidrMask === "number"
            ? inputs.availabilityZoneCidrMask
            : vpcCidr.mask + bitsFor(azNames.length);
    const specs = specsOf(inputs);
    const defaultMask = azMask + bitsFor(specs.length);
    const tags = (inputs.tags as Record<string, unknown> | undefined) ?? {};

    const vpcId = idOr(ctx, "vpc", "vpc");
    const vpc = {
        id: vpcId,
        arn: arnOr(ctx, vpcId, "vpc"),
        cidrBlock: formatCidr(vpcCidr),
        enableDnsHostnames: inputs.enableDnsHostnames ?? true,
        enableDnsSupport: inputs.enableDnsSupport ?? true,
        instanceTenancy: inputs.instanceTenancy ?? "default",
        tags: { ...tags, Name: name },
    };
    const hasPublic = specs.some((s) => s.type === "Public");
    const hasPrivate = specs.some((s) => s.type === "Private");
    const igwId = idOr(ctx, "igw", "igw");
    const internetGateway = hasPublic ? { id: igwId, arn: arnOr(ctx, igwId, "internet-gateway"), vpcId, tags: { ...tags, Name: name } } : undefined;

    const subnets: Record<string, unknown>[] = [];
    const routeTables: Record<string, unknown>[] = [];
    const routeTableAssociations: Record<string, unknown>[] = [];
    const routes: Record<string, unknown>[] = [];
    const layout: Record<string, unknown>[] = specs.map((s) => ({
        type: s.type,
        name: s.name ?? s.type.toLowerCase(),
        cidrMask: maskOf(s, defaultMask),
        ...(s.size !== undefined ? { size: s.size } : {}),
        cidrBlocks: [] as string[],
    }));

    azNames.forEach((az, azIndex) => {
        const azBlock = { base: vpcCidr.base + azIndex * blockSize(azMask), mask: azMask };
        let offset = 0;
        specs.forEach((spec, specIndex) => {
            const mask = maskOf(spec, defaultMask);
            let cidrBlock: string;
            if (spec.cidrBlocks?.[azIndex]) {
                cidrBlock = spec.cidrBlocks[azIndex];
            } else {
                const next = allocate(azBlock, offset, mask);
                offset = next.next;
                cidrBlock = formatCidr(next.cidr);
            }
            (layout[specIndex].cidrBlocks as string[]).push(cidrBlock);
            if (spec.type === "Unused") {
                return;
            }
            const subnetName = `${name}-${spec.name ?? spec.type.toLowerCase()}-${azIndex + 1}`;
            const subnetId = idOr(ctx, "subnet", subnetName);
            subnets.push({
                id: subnetId,
                arn: arnOr(ctx, subnetId, "subnet"),
                vpcId,
                cidrBlock,
                availabilityZone: az,
                mapPublicIpOnLaunch: spec.type === "Public",
                tags: { ...tags, ...(spec.tags ?? {}), Name: subnetName, SubnetType: spec.type },
                // Not an AWS attribute: lets the grouping below find the subnet type without tags.
                __subnetType: spec.type,
            });
            const rtId = idOr(ctx, "rtb", subnetName);
            routeTables.push({ id: rtId, vpcId, tags: { ...tags, Name: subnetName } });
            routeTableAssociations.push({ id: idOr(ctx, "rtbassoc", subnetName), subnetId, routeTableId: rtId });
        });
    });

    const strategy = (inputs.natGateways as Record<string, unknown> | undefined)?.strategy ?? (hasPublic && hasPrivate ? "OnePerAz" : "None");
    const allocationIds = ((inputs.natGateways as Record<string, unknown> | undefined)?.elasticIpAllocationIds as string[] | undefined) ?? [];
    const publicSubnets = subnets.filter((s) => s.__subnetType === "Public");
    const natSubnets = strategy === "OnePerAz" ? publicSubnets : strategy === "Single" ? publicSubnets.slice(0, 1) : [];
    const eips: Record<string, unknown>[] = [];
    const natGateways = natSubnets.map((subnet, i) => {
        const natName = `${name}-${i + 1}`;
        let allocationId = allocationIds[i];
        if (allocationId === undefined) {
            allocationId = idOr(ctx, "eipalloc", natName);
            eips.push({
                id: allocationId,
                allocationId,
                domain: "vpc",
                publicIp: ctx.preview ? UNKNOWN : `203.0.113.${10 + i}`,
                tags: { ...tags, Name: natName },
            });
        }
        return {
            id: idOr(ctx, "nat", natName),
            subnetId: subnet.id,
            allocationId,
            connectivityType: "public",
            tags: { ...tags, Name: natName },
        };
    });

    subnets.forEach((subnet, i) => {
        const rt = routeTables[i];
        if (subnet.__subnetType === "Public" && internetGateway) {
            routes.push({ id: idOr(ctx, "r", `${rt.id}-igw-${i}`), routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: internetGateway.id });
        } else if (subnet.__subnetType === "Private" && natGateways.length > 0) {
            const azIndex = azNames.indexOf(subnet.availabilityZone as string);
            const nat = natGateways[strategy === "OnePerAz" ? Math.min(azIndex, natGateways.length - 1) : 0];
            routes.push({ id: idOr(ctx, "r", `${rt.id}-nat-${i}`), routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id });
        }
    });

    const clean = (list: Record<string, unknown>[]): Record<string, unknown>[] =>
        list.map(({ __subnetType: _t, ...rest }) => rest);
    const ofType = (t: SubnetType) => subnets.filter((s) => s.__subnetType === t);
    const endpointSpecs = Array.isArray(inputs.vpcEndpointSpecs) ? (inputs.vpcEndpointSpecs as Record<string, unknown>[]) : [];

    return {
        ...inputs,
        vpcId,
        vpc,
        subnets: clean(subnets),
        publicSubnetIds: ofType("Public").map((s) => s.id),
        privateSubnetIds: ofType("Private").map((s) => s.id),
        isolatedSubnetIds: ofType("Isolated").map((s) => s.id),
        publicSubnets: clean(ofType("Public")),
        privateSubnets: clean(ofType("Private")),
        isolatedSubnets: clean(ofType("Isolated")),
        routeTables,
        routeTableAssociations,
        routes,
        natGateways,
        eips,
        ...(internetGateway ? { internetGateway } : {}),
        vpcEndpoints: endpointSpecs.map((e, i) => ({
            id: idOr(ctx, "vpce", `endpoint-${i}`),
            serviceName: e.serviceName,
            vpcEndpointType: e.vpcEndpointType ?? "Gateway",
            vpcId,
        })),
        subnetLayout: layout,
    };
}

function defaultVpcOutputs(inputs: Record<string, unknown>, ctx: Ctx): Record<string, unknown> {
    // The default VPC exists already, so even a preview knows its ids; the ones ec2.getVpc({ default: true }) answers.
    return {
        ...inputs,
        vpcId: defaultVpcId(ctx.region, ctx.accountId),
        publicSubnetIds: defaultSubnetIds(ctx.region, ctx.accountId),
        privateSubnetIds: [],
    };
}

/**
 * The documented outputs of an awsx remote component of `type`, or undefined when `type` is not
 * a remote component this module knows.
 */
export function remoteComponentOutputs(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    opts: RemoteComponentOptions,
): Record<string, unknown> | undefined {
    const region = opts.region ?? (typeof inputs?.region === "string" && inputs.region !== UNKNOWN ? inputs.region : DEFAULT_REGION);
    const ctx: Ctx = {
        preview: opts.preview,
        region,
        partition: partitionOf(region).partition,
        accountId: opts.accountId ?? DEFAULT_ACCOUNT_ID,
        vpcName: name,
    };
    switch (type) {
        case "awsx:ec2:Vpc":
            return vpcOutputs(name, inputs ?? {}, ctx);
        case "awsx:ec2:DefaultVpc":
            return defaultVpcOutputs(inputs ?? {}, ctx);
        default:
            return undefined;
    }
}

// Whether what a security group is attached to has a way out of the VPC (pure): a public
// address (an Elastic IP, a public IP on the instance or task), or, in private subnets, a NAT
// gateway, a NAT instance's default route, the NAT strategy of an awsx VPC, or a VPC endpoint
// of the service reached. Subnets and route tables inside awsx are not visible offline: its
// declared NAT strategy stands for them.
import { type Plan, type PlanResource } from "../plan";
import type { Answer } from "./reach";

/** Resources that run in a security group, with whether they get a public address. */
const ATTACHMENTS: Record<string, (r: PlanResource, plan: Plan) => boolean> = {
    "aws:ec2/instance:Instance": (r, plan) => r.props.associatePublicIpAddress === true
        || plan.ofType("aws:ec2/eip:Eip").some((eip) => (eip.propertyDependencies.instance ?? []).includes(r.urn)),
    "aws:ecs/service:Service": (r) => (r.props.networkConfiguration as { assignPublicIp?: unknown } | undefined)?.assignPublicIp === true,
    "aws:ec2/launchTemplate:LaunchTemplate": (r) => ((r.props.networkInterfaces as Array<{ associatePublicIpAddress?: unknown }> | undefined) ?? [])
        .some((n) => n.associatePublicIpAddress === true || n.associatePublicIpAddress === "true"),
    "aws:lambda/function:Function": () => false,
};

/** What runs in the group: resources whose inputs depend on it. */
function attachedTo(plan: Plan, group: PlanResource): PlanResource[] {
    return plan.resources.filter((r) => ATTACHMENTS[r.type] !== undefined
        && Object.values(r.propertyDependencies).some((deps) => deps.includes(group.urn)));
}

function natMeans(plan: Plan): string[] {
    const means: string[] = [];
    for (const r of plan.ofType("aws:ec2/natGateway:NatGateway")) means.push(`NAT gateway ${r.name}`);
    for (const r of plan.ofType("aws:ec2/route:Route")) {
        const defaultRoute = r.props.destinationCidrBlock === "0.0.0.0/0";
        if (defaultRoute && (r.props.natGatewayId !== undefined || r.props.networkInterfaceId !== undefined)) means.push(`route ${r.name} through a NAT`);
    }
    for (const r of plan.ofType("awsx:ec2:Vpc")) {
        const strategy = (r.props.natGateways as { strategy?: unknown } | undefined)?.strategy;
        if (typeof strategy === "string" && strategy !== "None") means.push(`awsx VPC ${r.name} with NAT strategy ${strategy}`);
    }
    return means;
}

function endpointFor(plan: Plan, service: string): PlanResource | undefined {
    return plan.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").find((r) => typeof r.props.serviceName === "string" && r.props.serviceName.endsWith(`.${service}`));
}

export function routeOut(plan: Plan, group: PlanResource, service?: string): Answer {
    const attached = attachedTo(plan, group);
    if (attached.length === 0) return { verdict: "allowed", explanation: `nothing in this plan runs in ${group.name}, so no route is checked` };
    const isPublic = (r: PlanResource) => ATTACHMENTS[r.type](r, plan);
    const privateOnes = attached.filter((r) => !isPublic(r));
    if (privateOnes.length === 0) return { verdict: "allowed", explanation: `out through the public address of ${attached.map((r) => r.name).join(", ")}` };
    const endpoint = service !== undefined ? endpointFor(plan, service) : undefined;
    if (endpoint) return { verdict: "allowed", explanation: `out through VPC endpoint ${endpoint.name}` };
    const means = natMeans(plan);
    if (means.length > 0) return { verdict: "allowed", explanation: `out through ${means.join(", ")}` };
    return {
        verdict: "denied",
        explanation: `${privateOnes.map((r) => r.name).join(", ")} ${privateOnes.length === 1 ? "has" : "have"} no public address and the plan has no NAT gateway, NAT instance route${service ? ` or ${service} VPC endpoint` : ""}: no route out`,
    };
}

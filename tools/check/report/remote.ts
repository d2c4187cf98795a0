// Remote (multi-language) components run inside their provider plugin: offline each is one
// resource without children, so no policy sees what it creates. This table says, per component
// type, what it hides and whether any of it is policy-relevant; the result of a run is
// "incomplete" (not a plain pass) when a policy-relevant remote component was not inspected.
//
// The rule (docs/offline-check.md, "Remote components"): a hidden resource is policy-relevant when
// it decides who or what may reach or use something — security groups and their rules, IAM roles,
// policies and permissions, load balancers and listeners (what is exposed, with which TLS),
// workloads (services, task definitions), data and its keepers (buckets, repositories, log groups,
// trails), endpoint policies. Network plumbing is not: a VPC, its subnets, route tables, routes,
// internet and NAT gateways and their Elastic IPs carry only the traffic that security groups,
// network ACLs and IAM allow, and they create none of those. Policies on plumbing types exist
// (tags, subnets that auto-assign public IPs, VPC flow logs) and cannot run offline on hidden
// children; the note names what is hidden so a reader can judge. A remote component type the
// table does not know is policy-relevant: nothing says what it creates.

export interface HiddenPart {
    /** What it is, for people: "subnets", "a security group open on the listener ports". */
    what: string;
    /** Resource types, as a real preview would register them. */
    types: string[];
    /** Decides who or what may reach or use something (see the rule above). */
    relevant: boolean;
}

interface ComponentEntry {
    /** What the component hides, given its inputs (parts depend on them: endpoints, a given task definition). */
    hides(inputs: Record<string, unknown>): HiddenPart[];
}

const plumbing = (what: string, ...types: string[]): HiddenPart => ({ what, types, relevant: false });
const relevant = (what: string, ...types: string[]): HiddenPart => ({ what, types, relevant: true });

const has = (inputs: Record<string, unknown>, key: string): boolean => inputs[key] !== undefined && inputs[key] !== null;
const nonEmpty = (value: unknown): boolean => Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;

const VPC_PLUMBING: HiddenPart[] = [
    plumbing("the VPC", "aws:ec2/vpc:Vpc"),
    plumbing("subnets", "aws:ec2/subnet:Subnet"),
    plumbing("route tables, their associations and routes", "aws:ec2/routeTable:RouteTable", "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/route:Route"),
    plumbing("an internet gateway", "aws:ec2/internetGateway:InternetGateway"),
    plumbing("NAT gateways and their Elastic IPs", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip"),
];

const TASK_DEFINITION_PARTS: HiddenPart[] = [
    relevant("a task definition (containers: privileged, secrets, logging)", "aws:ecs/taskDefinition:TaskDefinition"),
    relevant("task and execution IAM roles with their policy attachments", "aws:iam/role:Role", "aws:iam/rolePolicyAttachment:RolePolicyAttachment"),
    relevant("a log group (retention, encryption)", "aws:cloudwatch/logGroup:LogGroup"),
];

function serviceParts(inputs: Record<string, unknown>): HiddenPart[] {
    const network = (inputs.networkConfiguration ?? {}) as Record<string, unknown>;
    return [
        relevant("an ECS service (public IP, networking, load balancers)", "aws:ecs/service:Service"),
        ...(has(inputs, "taskDefinition") ? [] : TASK_DEFINITION_PARTS),
        ...(nonEmpty(network.securityGroups) ? [] : [relevant("a security group for the tasks (no networkConfiguration.securityGroups given)", "aws:ec2/securityGroup:SecurityGroup")]),
    ];
}

/** awsx creates an ALB's default group unless securityGroups are given, or it is skipped or replaced by an id. */
function createsDefaultSecurityGroup(inputs: Record<string, unknown>): boolean {
    const options = (inputs.defaultSecurityGroup ?? {}) as Record<string, unknown>;
    return !nonEmpty(inputs.securityGroups) && options.skip !== true && !has(options, "securityGroupId");
}

function loadBalancerParts(kind: "application" | "network", inputs: Record<string, unknown>): HiddenPart[] {
    return [
        relevant(`an ${kind} load balancer (internal or internet-facing, deletion protection, access logs)`, "aws:lb/loadBalancer:LoadBalancer"),
        relevant("listeners (protocols, TLS policy, redirects) and a target group", "aws:lb/listener:Listener", "aws:lb/targetGroup:TargetGroup"),
        ...(kind === "application" && createsDefaultSecurityGroup(inputs)
            ? [relevant("a security group open to the internet on the listener ports", "aws:ec2/securityGroup:SecurityGroup")]
            : []),
    ];
}

/** awsx v3's components (@pulumi/awsx 3.x); the parts follow its documented outputs. */
const COMPONENTS: Record<string, ComponentEntry> = {
    "awsx:ec2:Vpc": {
        hides: (inputs) => [
            ...VPC_PLUMBING,
            ...(nonEmpty(inputs.vpcEndpointSpecs)
                ? [relevant("VPC endpoints (endpoint policies, interface endpoints' security groups)", "aws:ec2/vpcEndpoint:VpcEndpoint")]
                : []),
        ],
    },
    "awsx:ec2:DefaultVpc": { hides: () => [plumbing("nothing it creates: it reads the account's default VPC and its subnets")] },
    "awsx:ecs:FargateService": { hides: serviceParts },
    "awsx:ecs:EC2Service": { hides: serviceParts },
    "awsx:ecs:FargateTaskDefinition": { hides: () => TASK_DEFINITION_PARTS },
    "awsx:ecs:EC2TaskDefinition": { hides: () => TASK_DEFINITION_PARTS },
    "awsx:lb:ApplicationLoadBalancer": { hides: (inputs) => loadBalancerParts("application", inputs) },
    "awsx:lb:NetworkLoadBalancer": { hides: (inputs) => loadBalancerParts("network", inputs) },
    "awsx:lb:TargetGroupAttachment": {
        hides: (inputs) => [
            plumbing("a target group attachment", "aws:lb/targetGroupAttachment:TargetGroupAttachment"),
            ...(has(inputs, "lambda") ? [relevant("a Lambda permission for the load balancer (a resource policy)", "aws:lambda/permission:Permission")] : []),
        ],
    },
    "awsx:ecr:Repository": {
        hides: () => [
            relevant("an ECR repository (scan on push, tag immutability, encryption)", "aws:ecr/repository:Repository"),
            relevant("its lifecycle policy", "aws:ecr/lifecyclePolicy:LifecyclePolicy"),
        ],
    },
    "awsx:ecr:Image": { hides: () => [plumbing("a container image build and push (no AWS resource)")] },
    "awsx:ecr:RegistryImage": { hides: () => [plumbing("a container image push (no AWS resource)")] },
    "awsx:cloudtrail:Trail": {
        hides: () => [
            relevant("a CloudTrail trail (multi-region, log validation, encryption)", "aws:cloudtrail/trail:Trail"),
            relevant("its S3 bucket and bucket policy", "aws:s3/bucket:Bucket", "aws:s3/bucketPolicy:BucketPolicy"),
            relevant("a log group", "aws:cloudwatch/logGroup:LogGroup"),
        ],
    },
};

export interface RemoteAssessment {
    /** What it hides, for people ("subnets, route tables ..."). */
    hides: string;
    /** Resource types it hides (empty when unknown). */
    hiddenTypes: string[];
    /** Whether a policy-relevant resource is hidden: the run is then incomplete. */
    policyRelevant: boolean;
    /** Why (or why not), for the note. */
    why: string;
}

function joinWords(parts: string[]): string {
    return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** What a remote component of `type` hides, given its inputs, and whether policies would judge any of it. */
export function assessRemoteComponent(type: string, inputs: Record<string, unknown>): RemoteAssessment {
    const entry = COMPONENTS[type];
    if (!entry) {
        return {
            hides: "whatever its provider plugin creates (the offline check does not know this component)",
            hiddenTypes: [],
            policyRelevant: true,
            why: "an unknown remote component may create anything a policy judges",
        };
    }
    const parts = entry.hides(inputs ?? {});
    const judged = parts.filter((p) => p.relevant);
    const short = (what: string) => what.replace(/ \(.*\)$/, "");
    return {
        hides: joinWords(parts.map((p) => short(p.what))),
        hiddenTypes: [...new Set(parts.flatMap((p) => p.types))],
        policyRelevant: judged.length > 0,
        why: judged.length > 0
            ? `policies judge ${joinWords(judged.map((p) => p.what))}`
            : "network plumbing only: what may reach what is decided by security groups, network ACLs and IAM, which it does not create",
    };
}

/** Remote component types this table knows (for documentation and tests). */
export const KNOWN_REMOTE_COMPONENTS: readonly string[] = Object.keys(COMPONENTS);

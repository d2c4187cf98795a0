import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { amiQuery, architectureOf, isBurstable } from "../compute/ami";
import { RuleSetGroup } from "../security/securityGroup";
import { tagsFor } from "../shared/tags";
import { DEFAULT_EGRESS_PORTS, NAT_INSTANCE_TYPE, natEgress, natIngress, natUserData } from "./nat";

export interface NatInstanceArgs {
    /** VPC the instance forwards for. */
    vpcId: pulumi.Input<string>;
    /** The VPC's IPv4 CIDR: the only source the instance forwards and masquerades. */
    vpcCidrBlock: string;
    /** A public subnet (with a route to the internet gateway) the instance runs in. */
    publicSubnetId: pulumi.Input<string>;
    /**
     * Route tables of the private subnets: each gets a default route (0.0.0.0/0) to the
     * instance's network interface. One entry per table; the count must be known up front.
     */
    privateRouteTableIds: pulumi.Input<string>[];
    /** TCP ports forwarded to the internet. @default [443, 80] */
    ports?: number[];
    /**
     * Instance type; Graviton (…g) types boot the arm64 Amazon Linux 2023 image. Changing it
     * stops and restarts the instance (egress pauses for a minute). @default "t4g.nano"
     */
    instanceType?: string;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A NAT instance: the cheapest egress for private subnets (awsx builds only NAT gateways).
 * 1. a security group from a rule list: the forwarded ports in from the VPC CIDR, out to the world;
 * 2. an Amazon Linux 2023 instance in a public subnet with a public IP, source/destination check
 *    off, IMDSv2 only (hop limit 1), an encrypted gp3 root volume and user data that enables IP
 *    forwarding and iptables MASQUERADE; no instance role (it calls no AWS API);
 * 3. a default route to its network interface in every private route table.
 * A newer AMI does not replace it by surprise (`ignoreChanges: ["ami"]`); roll it deliberately.
 *
 * Cost (us-east-1, 730 h): t4g.nano $3.07, 8 GB gp3 $0.64, public IPv4 $3.65 — about
 * $7.36/month and no per-GB processing charge (a NAT gateway is $36.50/month + $0.045/GB).
 */
export class NatInstance extends pulumi.ComponentResource {
    readonly instance: aws.ec2.Instance;
    readonly securityGroupId: pulumi.Output<string>;
    readonly networkInterfaceId: pulumi.Output<string>;
    readonly publicIp: pulumi.Output<string>;

    constructor(name: string, args: NatInstanceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:network:NatInstance", name, {}, opts);
        const child = { parent: this };
        const ports = args.ports ?? [...DEFAULT_EGRESS_PORTS];
        const instanceType = args.instanceType ?? NAT_INSTANCE_TYPE;

        const securityGroup = new RuleSetGroup(`${name}-sg`, {
            vpcId: args.vpcId,
            description: "NAT instance: forwards the private subnets' outbound traffic",
            ingress: natIngress(args.vpcCidrBlock, ports),
            egress: natEgress(ports),
            tags: args.tags,
        }, child);
        this.securityGroupId = securityGroup.id;

        const ami = aws.ec2.getAmiOutput(amiQuery("al2023", architectureOf(instanceType)), child);
        this.instance = new aws.ec2.Instance(name, {
            ami: ami.id,
            instanceType,
            subnetId: args.publicSubnetId,
            associatePublicIpAddress: true,
            sourceDestCheck: false,
            vpcSecurityGroupIds: [securityGroup.id],
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
            rootBlockDevice: {
                volumeType: "gp3",
                volumeSize: 8,
                encrypted: true,
                deleteOnTermination: true,
                tags: tagsFor(args.tags, `${name}-root`),
            },
            creditSpecification: isBurstable(instanceType) ? { cpuCredits: "standard" } : undefined,
            maintenanceOptions: { autoRecovery: "default" },
            userData: natUserData(args.vpcCidrBlock),
            userDataReplaceOnChange: true,
            tags: tagsFor(args.tags, name),
        }, { parent: this, ignoreChanges: ["ami"] });
        this.networkInterfaceId = this.instance.primaryNetworkInterfaceId;
        this.publicIp = this.instance.publicIp;

        args.privateRouteTableIds.forEach((routeTableId, i) => {
            new aws.ec2.Route(`${name}-route-${i + 1}`, {
                routeTableId,
                destinationCidrBlock: "0.0.0.0/0",
                networkInterfaceId: this.networkInterfaceId,
            }, child);
        });

        this.registerOutputs({ instanceId: this.instance.id, networkInterfaceId: this.networkInterfaceId, publicIp: this.publicIp });
    }
}

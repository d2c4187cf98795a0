import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { type HostAccess, hostPolicy, serviceTrustPolicy } from "./documents";
import { appendOutput } from "../shared/outputs";

export interface InstanceRoleArgs {
    /** The ARNs the host may use; see HostAccess. */
    access: HostAccess<pulumi.Input<string>>;
    /**
     * Attach AmazonSSMManagedInstanceCore so Session Manager and Run Command work (no SSH needed).
     * @default true
     */
    ssmManagedInstanceCore?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The EC2 host's identity:
 * 1. a role only EC2 can assume,
 * 2. an inline least-privilege policy scoped to the stack's buckets, log group and parameters,
 * 3. the AWS-managed AmazonSSMManagedInstanceCore policy (SSM agent),
 * 4. an instance profile to hand to the instance.
 *
 * Cost: free.
 */
export class InstanceRole extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly instanceProfile: aws.iam.InstanceProfile;

    constructor(name: string, args: InstanceRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:iam:InstanceRole", name, {}, opts);
        const child = { parent: this };

        this.role = new aws.iam.Role(name, {
            description: "EC2 host role: app buckets, container logs, app parameters, SSM agent",
            assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com"),
            tags: tagsFor(args.tags, name),
        }, child);

        new aws.iam.RolePolicy(`${name}-access`, {
            role: this.role.name,
            policy: hostPolicy(args.access, appendOutput),
        }, child);

        if (args.ssmManagedInstanceCore ?? true) {
            const partition = aws.getPartitionOutput({}, child).partition;
            new aws.iam.RolePolicyAttachment(`${name}-ssm-core`, {
                role: this.role.name,
                policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/AmazonSSMManagedInstanceCore`,
            }, child);
        }

        this.instanceProfile = new aws.iam.InstanceProfile(`${name}-profile`, {
            role: this.role.name,
            tags: tagsFor(args.tags, `${name}-profile`),
        }, child);

        this.registerOutputs({ roleArn: this.role.arn, instanceProfileName: this.instanceProfile.name });
    }
}

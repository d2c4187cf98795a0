import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { type ExpandedRule, expandRules, type RuleSpec } from "./ruleSpecs";
import { StagecraftError } from "../../lib/errors";

export interface RuleSetGroupArgs {
    /** VPC the group belongs to. */
    vpcId: pulumi.Input<string>;
    /** What the group protects; AWS shows it in the console and it cannot change later (replaces the group). */
    description: string;
    /** Allowed inbound traffic. @default [] (nothing in) */
    ingress?: RuleSpec[];
    /** Allowed outbound traffic. @default [] (nothing out) */
    egress?: RuleSpec[];
    /** Security groups that `securityGroupKey` in a rule refers to. */
    peers?: Record<string, pulumi.Input<string>>;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A security group whose rules are a declarative list.
 * 1. the group, with no inline rules (inline and standalone rules on one group fight, and every
 *    `pulumi up` shows a diff), so the provider removes AWS's default allow-all egress rule;
 * 2. one aws.vpc.SecurityGroupIngressRule / EgressRule per (rule, peer), each with a description.
 *
 * Cost: free.
 */
export class RuleSetGroup extends pulumi.ComponentResource {
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly id: pulumi.Output<string>;

    constructor(name: string, args: RuleSetGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:security:RuleSetGroup", name, {}, opts);

        this.securityGroup = new aws.ec2.SecurityGroup(name, {
            vpcId: args.vpcId,
            description: args.description,
            tags: tagsFor(args.tags, name),
        }, { parent: this });
        this.id = this.securityGroup.id;

        const peer = (key: string | undefined): pulumi.Input<string> | undefined => {
            if (key === undefined) return undefined;
            const id = args.peers?.[key];
            if (id === undefined) throw new StagecraftError(`security group ${name}: rule refers to unknown peer "${key}"`);
            return id;
        };

        const ruleArgs = (rule: ExpandedRule) => ({
            securityGroupId: this.securityGroup.id,
            description: rule.description,
            ipProtocol: rule.ipProtocol,
            fromPort: rule.fromPort,
            toPort: rule.toPort,
            cidrIpv4: rule.cidrIpv4,
            cidrIpv6: rule.cidrIpv6,
            referencedSecurityGroupId: peer(rule.securityGroupKey),
        });
        for (const rule of expandRules(args.ingress ?? [])) {
            const ruleName = `${name}-in-${rule.key}`;
            new aws.vpc.SecurityGroupIngressRule(ruleName, { ...ruleArgs(rule), tags: tagsFor(args.tags, ruleName) }, { parent: this });
        }
        for (const rule of expandRules(args.egress ?? [])) {
            const ruleName = `${name}-out-${rule.key}`;
            new aws.vpc.SecurityGroupEgressRule(ruleName, { ...ruleArgs(rule), tags: tagsFor(args.tags, ruleName) }, { parent: this });
        }

        this.registerOutputs({ id: this.id });
    }
}

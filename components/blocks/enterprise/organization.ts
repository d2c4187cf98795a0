import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_OUS, type MemberAccount } from "../../config/enterprise";
import { tagsFor } from "../shared/tags";
import { StagecraftError } from "../../lib/errors";
import {
    denyLeavingOrganization, denyRootUser, type Exceptions, protectSecurityServices, regionAllowList, requireEncryption,
    type ScpDocument,
} from "./scps";

export interface OrganizationArgs {
    /**
     * OU paths to create; a path's parent must come first. Seed 001 / the issue: Security and
     * Workloads with Prod, Staging and Dev.
     * @default ["Security", "Workloads", "Workloads/Prod", "Workloads/Staging", "Workloads/Dev"]
     */
    organizationalUnits?: string[];
    /** Member accounts to create. Caution: removing one from config does not close it (closeOnDeletion is off). @default [] */
    accounts?: MemberAccount[];
    /** Regions member accounts may use; everything else is denied except global services. */
    allowedRegions: string[];
    /** Principals spared by the guardrails that allow exceptions (break-glass). @default OrganizationAccountAccessRole */
    guardrailExceptions?: Exceptions;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** The guardrails, by name, as pure documents (see scps.ts). */
export function guardrails(allowedRegions: readonly string[], exceptions: Exceptions): Record<string, { description: string; document: ScpDocument }> {
    return {
        "deny-leaving-organization": { description: "Member accounts cannot leave the organisation", document: denyLeavingOrganization() },
        "protect-security-services": { description: "Nobody stops or deletes CloudTrail, GuardDuty or AWS Config", document: protectSecurityServices(exceptions) },
        "require-encryption": { description: "No unapproved S3 encryption and no unencrypted EBS volume", document: requireEncryption() },
        "region-allow-list": { description: `Only ${allowedRegions.join(", ")} (and global services)`, document: regionAllowList(allowedRegions, exceptions) },
        "deny-root-user": { description: "The root user of a member account does nothing", document: denyRootUser() },
    };
}

/** The top-level OUs of a list of paths: guardrails attach there and reach every OU below. */
export function topLevelUnits(paths: readonly string[]): string[] {
    return paths.filter((p) => !p.includes("/"));
}

/**
 * Phase 4's AWS Organization (seed 001 "AWS Organizations" and the Control Tower guardrails),
 * run in the management account:
 * 1. the organisation with all features, SCPs enabled and trusted access for CloudTrail,
 *    GuardDuty and Config;
 * 2. the OUs (Security; Workloads with Prod, Staging and Dev by default);
 * 3. member accounts from config, in their OUs (protected: deleting one would try to close it);
 * 4. guardrail SCPs (deny leaving, protect CloudTrail/GuardDuty/Config, require encryption,
 *    region allow-list, deny root) attached to every top-level OU.
 * The management account itself is never subject to SCPs: keep workloads out of it.
 *
 * Cost: AWS Organizations and SCPs are free.
 */
export class Organization extends pulumi.ComponentResource {
    readonly organizationId: pulumi.Output<string>;
    readonly organizationalUnitIds: Record<string, pulumi.Output<string>>;
    readonly accountIds: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: OrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:enterprise:Organization", name, {}, opts);
        const paths = args.organizationalUnits ?? DEFAULT_OUS;
        const exceptions = args.guardrailExceptions ?? { principalArnPatterns: ["arn:aws:iam::*:role/OrganizationAccountAccessRole"] };

        const organization = new aws.organizations.Organization(name, {
            featureSet: "ALL",
            enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
            awsServiceAccessPrincipals: [
                "cloudtrail.amazonaws.com", "guardduty.amazonaws.com", "config.amazonaws.com", "config-multiaccountsetup.amazonaws.com",
            ],
        }, { parent: this, protect: true });
        this.organizationId = organization.id;
        const rootId = organization.roots.apply((roots) => roots[0].id);

        this.organizationalUnitIds = {};
        for (const path of paths) {
            const slash = path.lastIndexOf("/");
            const parent = slash < 0 ? rootId : this.organizationalUnitIds[path.slice(0, slash)];
            if (parent === undefined) throw new StagecraftError(`OU ${path}: its parent ${path.slice(0, slash)} must be listed before it`);
            const ouName = `${name}-ou-${path.toLowerCase().replace(/\//g, "-")}`;
            this.organizationalUnitIds[path] = new aws.organizations.OrganizationalUnit(ouName, {
                name: path.slice(slash + 1),
                parentId: parent,
                tags: tagsFor(args.tags, ouName),
            }, { parent: this }).id;
        }

        this.accountIds = {};
        for (const account of args.accounts ?? []) {
            const parentId = this.organizationalUnitIds[account.organizationalUnit];
            if (parentId === undefined) throw new StagecraftError(`account ${account.name}: OU ${account.organizationalUnit} is not one of ${paths.join(", ")}`);
            this.accountIds[account.name] = new aws.organizations.Account(`${name}-account-${account.name}`, {
                name: account.name,
                email: account.email,
                parentId,
                roleName: "OrganizationAccountAccessRole",
                iamUserAccessToBilling: "DENY",
                closeOnDeletion: false,
                tags: tagsFor(args.tags, account.name),
            }, { parent: this, protect: true, ignoreChanges: ["roleName", "iamUserAccessToBilling"] }).id;
        }

        for (const [policyName, guardrail] of Object.entries(guardrails(args.allowedRegions, exceptions))) {
            const policy = new aws.organizations.Policy(`${name}-scp-${policyName}`, {
                name: policyName,
                description: guardrail.description,
                type: "SERVICE_CONTROL_POLICY",
                content: JSON.stringify(guardrail.document),
                tags: tagsFor(args.tags, policyName),
            }, { parent: this, dependsOn: [organization] });
            for (const ou of topLevelUnits(paths)) {
                new aws.organizations.PolicyAttachment(`${name}-scp-${policyName}-${ou.toLowerCase()}`, {
                    policyId: policy.id,
                    targetId: this.organizationalUnitIds[ou],
                }, { parent: this });
            }
        }

        this.registerOutputs({ organizationId: this.organizationId, organizationalUnitIds: this.organizationalUnitIds, accountIds: this.accountIds });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { DEPLOY_POLICY_GROUPS, deployPolicies, type DeployScope, previewPolicy } from "./deployPermissions";
import { type PolicyDocument } from "../iam/documents";
import { GITHUB_AUDIENCE, GITHUB_OIDC_URL, githubTrustPolicy } from "./githubTrust";
import { releasePolicy } from "./releasePermissions";

/** One deployment environment: its GitHub environment and the stack it deploys. */
export interface DeployEnvironment {
    /** GitHub environment of the deploy job, stack name and `environment` tag, e.g. `prod` (the preview job uses `<name>-preview`). */
    name: string;
    /** The stack's `stagecraft:appName`: its roles are `<app>-<name>-*`, its buckets `<app>-*`. */
    appName: string;
    /** Regions the stack deploys to. */
    regions: string[];
    /** The stack builds the organisation (phase 4): its deploy role gets Organizations, CloudTrail, GuardDuty and Config. @default false */
    organization?: boolean;
}

export interface GithubDeployRolesArgs {
    /** `<owner>/<repo>` whose workflows may assume the roles. */
    repository: string;
    /** The environments that get a deploy role and a preview role. */
    environments: DeployEnvironment[];
    /** The account's GitHub OIDC provider, when one exists already (an account has one per URL). @default created here */
    existingProviderArn?: pulumi.Input<string>;
    /**
     * Pulumi state bucket the roles read (preview) and write (deploy): an ARN or a name pattern
     * (`arn:aws:s3:::stagecraft-pulumi-state-*`), known while planning so the pack can judge the
     * documents in preview. @default none (Pulumi Cloud state)
     */
    stateBucketArn?: string;
    /** Alias of the stacks' secrets provider key. @default none (Pulumi Cloud secrets) */
    secretsKeyAlias?: string;
    /** Region of the state bucket and the secrets key. @default each environment's first region */
    backendRegion?: string;
    /** Pulumi project of the stacks: their state paths and their secrets' encryption context. @default "stagecraft" */
    stackProject?: string;
    /**
     * `environment` tag values of shared resources the roles may still use although they belong
     * to no environment (the bootstrap stack's state key). @default none
     */
    sharedEnvironmentTags?: string[];
    /** Longest session a role hands out, seconds. @default 3600 */
    maxSessionDurationSeconds?: number;
    /** Tags for every child (project, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * GitHub Actions' way into the account, without long-lived keys (seeds 001 and 004, CI/CD):
 * 1. the GitHub OIDC identity provider (audience sts.amazonaws.com), unless one exists;
 * 2. per environment, a deploy role `stagecraft-deploy-<env>` only that repository's jobs in that
 *    GitHub environment can assume (protect `prod` with required reviewers), with managed
 *    policies per service group (deployPermissions.ts: explicit services and verbs, IAM only on
 *    the stack's own `<app>-<env>-*` roles, PassRole only to their services, S3 only on the
 *    app's buckets), and a fence policy: its own stack's state and secrets, nothing tagged for
 *    another environment, the state bucket and secrets key beyond its reach;
 * 3. per environment, a read-only preview role for `<env>-preview` (pull requests): configuration
 *    reads, its stack's state and secrets; never secret values, items, log events or images;
 * 4. per environment, a release role `stagecraft-release-<env>` for `<env>-release` (the release
 *    workflow): push to the stack's repositories, run its deploy document on its instances, roll
 *    its services to a new task definition revision, refill its static bucket and invalidate its
 *    CDN (releasePermissions.ts), nothing else.
 * No role has AdministratorAccess, `*` or `service:*`; the policy pack checks both roles.
 *
 * Cost: IAM and the OIDC provider are free.
 */
export class GithubDeployRoles extends pulumi.ComponentResource {
    readonly providerArn: pulumi.Output<string>;
    readonly deployRoleArns: Record<string, pulumi.Output<string>>;
    readonly previewRoleArns: Record<string, pulumi.Output<string>>;
    /** Per environment, the release workflow's role (GitHub environment `<env>-release`). */
    readonly releaseRoleArns: Record<string, pulumi.Output<string>>;
    private readonly dependsOnProvider: pulumi.Resource[];
    private readonly partition: pulumi.Output<string>;
    private readonly accountId: pulumi.Output<string>;

    constructor(name: string, args: GithubDeployRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:cicd:GithubDeployRoles", name, {}, opts);
        const child = { parent: this };
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;

        const provider = args.existingProviderArn === undefined
            ? new aws.iam.OpenIdConnectProvider(`${name}-github`, {
                url: GITHUB_OIDC_URL,
                clientIdLists: [GITHUB_AUDIENCE],
                tags: tagsFor(args.tags, `${name}-github`),
            }, child)
            : undefined;
        // The provider's ARN from known parts, so the trust policies are known in preview.
        this.providerArn = args.existingProviderArn !== undefined
            ? pulumi.output(args.existingProviderArn)
            : pulumi.all([partition, identity.accountId]).apply(([p, account]) => `arn:${p}:iam::${account}:oidc-provider/${GITHUB_OIDC_URL.replace("https://", "")}`);
        this.dependsOnProvider = provider !== undefined ? [provider] : [];
        this.partition = partition;
        this.accountId = identity.accountId;

        this.deployRoleArns = {};
        this.previewRoleArns = {};
        this.releaseRoleArns = {};
        for (const env of args.environments) {
            const scope = pulumi.all([partition, identity.accountId])
                .apply(([p, accountId]): DeployScope => ({
                    partition: p, accountId, regions: env.regions, appName: env.appName, environment: env.name,
                    organization: env.organization ?? false, stackProject: args.stackProject, backendRegion: args.backendRegion,
                    stateBucketArn: args.stateBucketArn, secretsKeyAlias: args.secretsKeyAlias, sharedEnvironmentTags: args.sharedEnvironmentTags,
                }));
            const stack = `${env.appName}-${env.name}`;
            const deploy = this.role(`${name}-deploy-${env.name}`, `stagecraft-deploy-${env.name}`, `pulumi up of ${stack} from ${args.repository} (GitHub environment ${env.name})`,
                args, env.name, DEPLOY_POLICY_GROUPS, scope.apply(deployPolicies));
            const preview = this.role(`${name}-preview-${env.name}`, `stagecraft-preview-${env.name}`, `pulumi preview of ${stack} from ${args.repository} pull requests (GitHub environment ${env.name}-preview)`,
                args, `${env.name}-preview`, ["read"], scope.apply((s): Record<string, PolicyDocument> => ({ read: previewPolicy(s) })));
            this.releaseRoleArns[env.name] = this.role(`${name}-release-${env.name}`, `stagecraft-release-${env.name}`, `release workflow of ${stack} from ${args.repository} (GitHub environment ${env.name}-release)`,
                args, `${env.name}-release`, ["release"], scope.apply((s): Record<string, PolicyDocument> => ({ release: releasePolicy(s) })));
            this.deployRoleArns[env.name] = deploy;
            this.previewRoleArns[env.name] = preview;
        }
        this.registerOutputs({ providerArn: this.providerArn, deployRoleArns: this.deployRoleArns, previewRoleArns: this.previewRoleArns, releaseRoleArns: this.releaseRoleArns });
    }

    /** A role for one GitHub environment, with one managed policy per document. */
    private role(name: string, roleName: string, description: string, args: GithubDeployRolesArgs, environment: string,
        groups: readonly string[], documents: pulumi.Output<Record<string, PolicyDocument>>): pulumi.Output<string> {
        const child = { parent: this };
        const role = new aws.iam.Role(name, {
            name: roleName,
            description,
            assumeRolePolicy: this.providerArn.apply((arn) => JSON.stringify(githubTrustPolicy(arn, args.repository, environment))),
            maxSessionDuration: args.maxSessionDurationSeconds ?? 3600,
            tags: tagsFor(args.tags, roleName),
        }, { parent: this, dependsOn: this.dependsOnProvider });
        for (const group of groups) {
            const policyName = `${roleName}-${group}`;
            const policy = new aws.iam.Policy(`${name}-${group}`, {
                name: policyName,
                description: `${roleName}: ${group}`,
                policy: documents.apply((d) => JSON.stringify(d[group])),
                tags: tagsFor(args.tags, policyName),
            }, child);
            // The ARN from known parts (the policy's name is fixed), so the pack sees what is attached in preview.
            new aws.iam.RolePolicyAttachment(`${name}-${group}`, {
                role: role.name,
                policyArn: pulumi.interpolate`arn:${this.partition}:iam::${this.accountId}:policy/${policyName}`,
            }, { parent: this, dependsOn: [policy] });
        }
        return role.arn;
    }
}

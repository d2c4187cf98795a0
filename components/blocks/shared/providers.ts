import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/**
 * What an explicit AWS provider must repeat from the stack's default provider. Explicit
 * providers do not read the `aws:` stack config, so without these a us-east-1 provider would
 * ignore the profile, the assumed role, the account allow-list and the default tags the user
 * configured, and deploy with whatever credentials the environment happens to hold.
 */
export function inheritedProviderArgs(): aws.ProviderArgs {
    return {
        profile: aws.config.profile,
        sharedConfigFiles: aws.config.sharedConfigFiles,
        sharedCredentialsFiles: aws.config.sharedCredentialsFiles,
        assumeRoles: aws.config.assumeRoles,
        assumeRoleWithWebIdentity: aws.config.assumeRoleWithWebIdentity,
        allowedAccountIds: aws.config.allowedAccountIds,
        forbiddenAccountIds: aws.config.forbiddenAccountIds,
        defaultTags: aws.config.defaultTags,
    };
}

/**
 * A provider for us-east-1, where CloudFront certificates and web ACLs live and Route53
 * publishes health-check metrics; undefined when the stack already deploys there, so the
 * default provider serves. `stackRegion` defaults to the stack's `aws:region`.
 */
export function usEast1Provider(name: string, parent: pulumi.Resource, stackRegion: string | undefined = aws.config.region): aws.Provider | undefined {
    if (stackRegion === "us-east-1") return undefined;
    return new aws.Provider(name, { ...inheritedProviderArgs(), region: "us-east-1" }, { parent });
}

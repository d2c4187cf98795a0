/**
 * The key policy of the platform's customer-managed key (pure).
 */

/**
 * Key policy of the platform's CMK (generated secrets, Redis at rest): AWS's default root
 * statement only, so IAM policies decide who uses it (the execution roles, through Secrets
 * Manager only).
 */
export function platformKeyPolicy(partition: string, accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "AccountAdministersKey",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
            Action: "kms:*",
            Resource: "*",
        }],
    });
}

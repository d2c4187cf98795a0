/**
 * The trust of a role GitHub Actions assumes through OIDC (pure): the token must come from
 * GitHub's issuer, be meant for STS, and name exactly one repository and one GitHub environment
 * (`repo:<owner>/<repo>:environment:<env>`), so no other repository, branch or pull request of
 * a fork can assume it.
 */
import { StagecraftError } from "../../lib/errors";

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;
/** The audience aws-actions/configure-aws-credentials requests. */
export const GITHUB_AUDIENCE = "sts.amazonaws.com";

const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9_.-]{1,100}$/;
const ENVIRONMENT = /^[A-Za-z0-9_.-]{1,255}$/;

/** `repo:<owner>/<repo>:environment:<env>`; throws on names GitHub would never put in a token. */
export function githubSubject(repository: string, environment: string): string {
    if (!REPOSITORY.test(repository)) throw new StagecraftError(`GitHub repository "${repository}": expected <owner>/<repo>`);
    if (!ENVIRONMENT.test(environment)) throw new StagecraftError(`GitHub environment "${environment}": letters, digits, _ . - only (no wildcards)`);
    return `repo:${repository}:environment:${environment}`;
}

/** A role trust policy with a federated principal (IAM's trust documents name no Resource). */
export interface TrustDocument {
    Version: "2012-10-17";
    Statement: {
        Sid: string;
        Effect: "Allow";
        Principal: { Federated: string };
        Action: "sts:AssumeRoleWithWebIdentity";
        Condition: { StringEquals: Record<string, string> };
    }[];
}

export function githubTrustPolicy(providerArn: string, repository: string, environment: string): TrustDocument {
    return {
        Version: "2012-10-17",
        Statement: [{
            Sid: "GitHubActionsOfOneEnvironment",
            Effect: "Allow",
            Principal: { Federated: providerArn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                StringEquals: {
                    [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_AUDIENCE,
                    [`${GITHUB_OIDC_HOST}:sub`]: githubSubject(repository, environment),
                },
            },
        }],
    };
}

/**
 * What the release workflow's role may do, as data (pure): exactly the calls of
 * `.github/workflows/release.yml` (docs/releases.md), each on the stack's own resources, found by
 * the names and tags the program gives them:
 * - push images to the stack's repositories `<app>-<env>/*` (the login token names no resource);
 * - run the phase 1-2 deploy document `<app>-<env>-release-deploy*` on instances tagged
 *   `environment=<env>`, and read the command's result;
 * - register a task definition revision (ECS scopes it to no resource) and update only the
 *   services of the stack's cluster `<app>-<env>`, passing only the services' task and execution
 *   roles (`<app>-<env>-*-task-*`, `-execution-*`), and only to ECS tasks;
 * - refill the static bucket `<app>-<env>-static-*` and invalidate only CloudFront distributions
 *   tagged `environment=<env>`.
 * Nothing else: no IAM writes, no pulls of other repositories, no other cluster, no reads of data.
 */
import { type PolicyDocument, type Statement } from "../iam/documents";
import { ENVIRONMENT_TAG, type DeployScope, namePrefixOf } from "./deployPermissions";

/** ECR calls `docker push` and the release's existence check make. */
export const ECR_PUSH_ACTIONS = [
    "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
    "ecr:PutImage", "ecr:DescribeImages", "ecr:BatchGetImage",
];

/** The release role's one policy for one environment. */
export function releasePolicy(scope: DeployScope): PolicyDocument {
    const { partition: p, accountId: account } = scope;
    const prefix = namePrefixOf(scope);
    const regions = [...new Set(scope.regions)];
    const inRegions = (service: string, resource: string) => regions.map((r) => `arn:${p}:${service}:${r}:${account}:${resource}`);
    const ownTag = { StringEquals: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: scope.environment } };
    const statements: Statement[] = [
        { Sid: "EcrLogin", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: ["*"] },
        { Sid: "PushToOwnRepositories", Effect: "Allow", Action: ECR_PUSH_ACTIONS, Resource: inRegions("ecr", `repository/${prefix}/*`) },
        { Sid: "RunOwnDeployDocument", Effect: "Allow", Action: ["ssm:SendCommand"], Resource: inRegions("ssm", `document/${prefix}-release-deploy*`) },
        {
            Sid: "OnOwnInstances",
            Effect: "Allow",
            Action: ["ssm:SendCommand"],
            Resource: inRegions("ec2", "instance/*"),
            Condition: { StringEquals: { [`ssm:resourceTag/${ENVIRONMENT_TAG}`]: scope.environment } },
        },
        // These name no resource in IAM (AWS's service authorization reference): "*" is their only form.
        { Sid: "ReadCommandResults", Effect: "Allow", Action: ["ssm:GetCommandInvocation", "ssm:ListCommandInvocations"], Resource: ["*"] },
        { Sid: "TaskDefinitionRevisions", Effect: "Allow", Action: ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"], Resource: ["*"] },
        { Sid: "UpdateOwnServices", Effect: "Allow", Action: ["ecs:UpdateService", "ecs:DescribeServices"], Resource: inRegions("ecs", `service/${prefix}/*`) },
        {
            Sid: "PassOwnTaskRolesToEcs",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: [`arn:${p}:iam::${account}:role/${prefix}-*-task-*`, `arn:${p}:iam::${account}:role/${prefix}-*-execution-*`],
            Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
        },
        { Sid: "ListStaticBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: [`arn:${p}:s3:::${prefix}-static-*`] },
        { Sid: "RefillStaticBucket", Effect: "Allow", Action: ["s3:PutObject", "s3:DeleteObject"], Resource: [`arn:${p}:s3:::${prefix}-static-*/*`] },
        {
            Sid: "InvalidateOwnDistributions",
            Effect: "Allow",
            Action: ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"],
            Resource: [`arn:${p}:cloudfront::${account}:distribution/*`],
            Condition: ownTag,
        },
    ];
    return { Version: "2012-10-17", Statement: statements };
}

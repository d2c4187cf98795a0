import * as assert from "node:assert/strict";
import { ATTACHABLE_MANAGED_POLICIES, DEPLOY_SERVICES, ENVIRONMENT_TAG, PASSED_TO_SERVICES } from "../../../components/blocks/cicd/deployPermissions";
import { buildStack } from "../../../components/architectures/program";
import { type Registration } from "../../../tools/mocks";
import { runWithMocks } from "../../helpers/pulumi";
import { stackSettings } from "../../helpers/stack";

// The deploy roles are narrowed by names, tags and services the program must keep to: a stack
// that creates a role outside <app>-<env>-*, a bucket outside <app>-*, a resource tagged for
// another environment or a service the roles do not manage would fail its first real
// `pulumi up` with AccessDenied. These tests build every stack file and hold the program to it.

/** The IAM service prefix of a Pulumi AWS resource type (module, and the type for CloudWatch's two services). */
function serviceOf(type: string): string | undefined {
    const [, module, name] = /^aws:([a-z0-9]+)\/([A-Za-z]+):/.exec(type) ?? [];
    if (module === "cloudwatch") return name.startsWith("log") ? "logs" : "cloudwatch";
    const services: Record<string, string> = {
        ec2: "ec2", vpc: "ec2", ebs: "ec2", lb: "elasticloadbalancing", alb: "elasticloadbalancing", autoscaling: "autoscaling",
        appautoscaling: "application-autoscaling", servicediscovery: "servicediscovery", ecs: "ecs", ecr: "ecr", lambda: "lambda",
        sfn: "states", elasticache: "elasticache", dynamodb: "dynamodb", rds: "rds", cloudfront: "cloudfront", wafv2: "wafv2",
        route53: "route53", acm: "acm", acmpca: "acm-pca", apigateway: "apigateway", apigatewayv2: "apigateway", cognito: "cognito-idp",
        s3: "s3", kms: "kms", secretsmanager: "secretsmanager", ssm: "ssm", sns: "sns", budgets: "budgets", costexplorer: "ce",
        cloudtrail: "cloudtrail", guardduty: "guardduty", cfg: "config", organizations: "organizations", iam: "iam", xray: "xray",
    };
    return module === undefined ? undefined : services[module];
}

const GRANTED = new Map(Object.values(DEPLOY_SERVICES).flatMap((group) => Object.entries(group)));

/** The name AWS will see: explicit, a prefix, or Pulumi's auto-name (the logical name plus a suffix). */
function physicalName(r: Registration, ...keys: string[]): string {
    for (const key of keys) if (typeof r.inputs[key] === "string") return r.inputs[key];
    return r.name;
}

const STACKS = ["dev", "staging", "prod", "enterprise"];
/** The bootstrap's default organizationEnvironments. */
const ORGANIZATION_ENVIRONMENTS = ["enterprise"];

for (const stack of STACKS) {
    describe(`the ${stack} stack stays inside its deploy role`, () => {
        const settings = stackSettings(stack);
        const env = settings.environment;
        const prefix = `${settings.app.name}-${env}`;
        let aws: Registration[];
        before(async () => {
            const { registrations } = await runWithMocks(() => buildStack(settings), { stack, region: settings.region });
            aws = registrations.filter((r) => r.type.startsWith("aws:"));
        });

        it("is labelled with its stack name: the GitHub environment, the role's tag fence and its name prefix all use it", () => {
            assert.equal(env, stack);
        });

        it("uses only services its deploy role manages", () => {
            const organization = ORGANIZATION_ENVIRONMENTS.includes(env);
            const missing = [...new Set(aws.filter((r) => {
                const service = serviceOf(r.type);
                if (service === "iam") return false; // its own statements (iamStatements), checked below
                const grant = service === undefined ? undefined : GRANTED.get(service);
                return grant === undefined || (grant.organization === true && !organization);
            }).map((r) => r.type))];
            assert.deepEqual(missing, [], "add the service to DEPLOY_SERVICES (components/blocks/cicd/deployPermissions.ts)");
        });

        it("tags nothing for another environment (the roles deny every action on such resources)", () => {
            const foreign = aws.filter((r) => r.inputs.tags?.[ENVIRONMENT_TAG] !== undefined && r.inputs.tags[ENVIRONMENT_TAG] !== env);
            assert.deepEqual(foreign.map((r) => `${r.name}: ${r.inputs.tags[ENVIRONMENT_TAG]}`), []);
        });

        it(`names its roles and instance profiles ${prefix}-*, and its generated secrets ${prefix}/*`, () => {
            const roles = aws.filter((r) => r.type === "aws:iam/role:Role" || r.type === "aws:iam/instanceProfile:InstanceProfile");
            assert.ok(roles.length > 0);
            assert.deepEqual(roles.map((r) => physicalName(r, "name", "namePrefix")).filter((n) => !n.startsWith(`${prefix}-`)), []);
            const secrets = aws.filter((r) => r.type === "aws:secretsmanager/secret:Secret").map((r) => physicalName(r, "name", "namePrefix"));
            assert.deepEqual(secrets.filter((n) => !n.startsWith(`${prefix}/`)), []);
        });

        it(`names its buckets ${settings.app.name}-*`, () => {
            const buckets = aws.filter((r) => r.type === "aws:s3/bucket:Bucket").map((r) => physicalName(r, "bucket", "bucketPrefix"));
            assert.ok(buckets.length > 0);
            assert.deepEqual(buckets.filter((n) => !n.startsWith(`${settings.app.name}-`)), []);
        });

        it("passes roles only to the services the PassRole grant names, and attaches only the AWS-managed policies it may", () => {
            const trusted = aws.filter((r) => r.type === "aws:iam/role:Role").flatMap((r) => {
                const doc = JSON.parse(r.inputs.assumeRolePolicy) as { Statement: { Principal?: { Service?: string | string[] } }[] };
                return doc.Statement.flatMap((s) => [s.Principal?.Service ?? []].flat());
            });
            assert.deepEqual([...new Set(trusted)].filter((s) => !PASSED_TO_SERVICES.includes(s)), []);
            const attached = aws.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => r.inputs.policyArn as string);
            assert.deepEqual(attached.filter((arn) => !ATTACHABLE_MANAGED_POLICIES.includes(arn)), []);
        });

        it("creates no customer-managed policies, KMS aliases or IAM users (the roles may not)", () => {
            const forbidden = ["aws:iam/policy:Policy", "aws:kms/alias:Alias", "aws:iam/user:User", "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive"];
            assert.deepEqual(aws.filter((r) => forbidden.includes(r.type)).map((r) => r.type), []);
        });
    });
}

import * as assert from "node:assert/strict";
import {
    DEPLOY_POLICY_GROUPS, DEPLOY_SERVICES, deployPolicies, type DeployScope, MANAGED_POLICIES_PER_ROLE, MANAGED_POLICY_MAX_CHARACTERS, PASSED_TO_SERVICES,
    policySize, previewPolicy, secretsProviderUrl, stackStatePaths,
} from "../../../components/blocks/cicd/deployPermissions";
import { GithubDeployRoles } from "../../../components/blocks/cicd/githubDeployRoles";
import { githubSubject, githubTrustPolicy } from "../../../components/blocks/cicd/githubTrust";
import { releasePolicy } from "../../../components/blocks/cicd/releasePermissions";
import { ofType, runWithMocks } from "../../helpers/pulumi";

const SCOPE: DeployScope = {
    partition: "aws",
    accountId: "123456789012",
    regions: ["sa-east-1"],
    appName: "chat",
    environment: "prod",
    stateBucketArn: "arn:aws:s3:::stagecraft-pulumi-state-*",
    secretsKeyAlias: "alias/stagecraft-pulumi-secrets",
    backendRegion: "us-east-1",
    sharedEnvironmentTags: ["bootstrap"],
};
/** The largest scope: phase 4, several regions, every optional part. */
const WIDEST: DeployScope = { ...SCOPE, environment: "enterprise-long-name", regions: ["sa-east-1", "eu-west-1", "ap-southeast-2"], organization: true, stackProject: "a-rather-long-project-name" };

type Doc = { Statement: { Sid: string; Effect: string; Action: string[]; Resource: string[]; Condition?: Record<string, Record<string, unknown>> }[] };
const allows = (doc: Doc) => doc.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => s.Action);
const statement = (doc: Doc, sid: string) => {
    const found = doc.Statement.find((s) => s.Sid === sid);
    assert.ok(found !== undefined, `statement ${sid}`);
    return found;
};

describe("GitHub OIDC trust (pure)", () => {
    it("pins the audience to STS and the subject to one repository and one environment", () => {
        const doc = githubTrustPolicy("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "example-org/stagecraft", "prod");
        const [st] = doc.Statement;
        assert.deepEqual(st.Principal, { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" });
        assert.equal(st.Action, "sts:AssumeRoleWithWebIdentity");
        assert.deepEqual(st.Condition, {
            StringEquals: {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": "repo:example-org/stagecraft:environment:prod",
            },
        });
    });

    it("refuses wildcards and malformed names rather than writing a loose trust", () => {
        assert.throws(() => githubSubject("example-org/*", "prod"), /expected <owner>\/<repo>/);
        assert.throws(() => githubSubject("example-org/stagecraft", "*"), /no wildcards/);
        assert.throws(() => githubSubject("stagecraft", "prod"), /expected <owner>\/<repo>/);
    });
});

describe("deploy and preview permissions (pure)", () => {
    const policies = deployPolicies(SCOPE) as unknown as Record<string, Doc>;
    const all = Object.values(policies).flatMap(allows);

    it("split into managed policies that each fit IAM's 6,144-character limit, also at their widest", () => {
        assert.deepEqual(Object.keys(policies), [...DEPLOY_POLICY_GROUPS]);
        assert.ok(DEPLOY_POLICY_GROUPS.length <= MANAGED_POLICIES_PER_ROLE, "within the default quota of managed policies per role");
        for (const scope of [SCOPE, WIDEST]) {
            for (const [group, doc] of Object.entries(deployPolicies(scope))) {
                assert.ok(policySize(doc) <= MANAGED_POLICY_MAX_CHARACTERS, `${group}: ${policySize(doc)}`);
            }
            assert.ok(policySize(previewPolicy(scope)) <= MANAGED_POLICY_MAX_CHARACTERS, `preview: ${policySize(previewPolicy(scope))}`);
        }
    });

    it("never allow *, service:* or IAM beyond the stack's own roles", () => {
        assert.deepEqual(all.filter((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(a)), []);
        const iamWrites = policies.iam.Statement.filter((s) => s.Action.some((a) => /^iam:(Create|Delete|Put|Attach|Pass|Update|Tag|Add|Remove)/.test(a) && a !== "iam:CreateServiceLinkedRole"));
        for (const st of iamWrites) {
            assert.ok(st.Resource.every((r) => /:iam::123456789012:(role|instance-profile)\/chat-prod-\*$/.test(r)), `${st.Sid}: ${st.Resource}`);
        }
        assert.ok(!all.some((a) => /^iam:(CreateUser|CreateAccessKey|CreatePolicy|CreatePolicyVersion|AttachUserPolicy|PutUserPolicy|DeleteRolePermissionsBoundary)/.test(a)));
    });

    it("passes roles only to the services that run them and attaches only the program's AWS-managed policies", () => {
        assert.deepEqual(statement(policies.iam, "PassOwnRolesToTheirServices").Condition, { StringEquals: { "iam:PassedToService": PASSED_TO_SERVICES } });
        const attach = statement(policies.iam, "AttachOnlyTheProgramsManagedPolicies");
        assert.deepEqual(Object.keys(attach.Condition!.ArnEquals), ["iam:PolicyARN"]);
        assert.ok(!JSON.stringify(attach.Condition).includes("AdministratorAccess"));
    });

    it("keep regional services to the stack's regions and us-east-1", () => {
        assert.deepEqual(statement(policies.network, "DeployNetwork").Condition, { StringEquals: { "aws:RequestedRegion": ["sa-east-1", "us-east-1"] } });
        assert.ok(policies.edge.Statement.some((s) => s.Condition === undefined && s.Action.includes("cloudfront:Create*")), "CloudFront is global");
    });

    it("write only the app's buckets; account-level S3 settings apart", () => {
        const buckets = statement(policies.operations, "DeployS3OwnResources");
        assert.deepEqual(buckets.Resource, ["arn:aws:s3:::chat-*"]);
        assert.ok(buckets.Action.includes("s3:CreateBucket") && buckets.Action.includes("s3:Put*"));
        const anywhere = policies.operations.Statement.filter((s) => s.Resource.includes("*")).flatMap((s) => s.Action).filter((a) => a.startsWith("s3:"));
        assert.deepEqual(anywhere.filter((a) => !/^s3:(List|Get)/.test(a)), ["s3:PutAccountPublicAccessBlock"]);
    });

    it("use data keys only through the services that encrypt with them, and manage no aliases", () => {
        const use = statement(policies.fences, "UseKeysOnlyThroughServices");
        assert.ok(use.Action.includes("kms:Decrypt") && use.Action.includes("kms:GenerateDataKey"));
        assert.ok((use.Condition!.StringLike["kms:ViaService"] as string[]).includes("secretsmanager.*.amazonaws.com"));
        const direct = policies.operations.Statement.flatMap((s) => s.Action).filter((a) => /^kms:(Encrypt|Decrypt|GenerateDataKey|CreateGrant|.*Alias)/.test(a));
        assert.deepEqual(direct, []);
    });

    it("grant the organisation's services only to a phase-4 environment", () => {
        const organizationServices = Object.values(DEPLOY_SERVICES).flatMap((g) => Object.entries(g)).filter(([, a]) => a.organization).map(([s]) => s).sort();
        assert.deepEqual(organizationServices, ["cloudtrail", "config", "guardduty", "organizations"]);
        assert.ok(!all.some((a) => /^(organizations|cloudtrail|guardduty|config):/.test(a)), "prod gets none of them");
        const enterprise = Object.values(deployPolicies({ ...SCOPE, environment: "enterprise", organization: true }) as unknown as Record<string, Doc>).flatMap(allows);
        assert.ok(enterprise.includes("organizations:Create*") && enterprise.includes("cloudtrail:CreateTrail"));
    });

    it("read and write only this stack's files in the state bucket", () => {
        assert.deepEqual(stackStatePaths("stagecraft", "prod"), [
            ".pulumi/stacks/stagecraft/prod.json*",
            ".pulumi/history/stagecraft/prod/*",
            ".pulumi/backups/stagecraft/prod/*",
            ".pulumi/journal/stagecraft/prod/*",
            ".pulumi/locks/organization/stagecraft/prod/*",
        ]);
        const state = statement(policies.fences, "ReadWriteOwnStackState");
        assert.deepEqual(state.Action, ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]);
        assert.deepEqual(state.Resource, stackStatePaths("stagecraft", "prod").map((p) => `arn:aws:s3:::stagecraft-pulumi-state-*/${p}`));
        assert.deepEqual(statement(policies.fences, "ReadBackendLayout").Resource, ["arn:aws:s3:::stagecraft-pulumi-state-*/.pulumi/meta.yaml"]);
        const granted = Object.values(policies).flatMap((d) => d.Statement).filter((s) => s.Effect === "Allow").flatMap((s) => s.Resource);
        assert.ok(!granted.includes("arn:aws:s3:::stagecraft-pulumi-state-*/*"), "no grant on every object of the bucket");
    });

    it("decrypt only this stack's secrets: the key by alias, in the backend's region, under the stack's encryption context", () => {
        const secrets = statement(policies.fences, "OwnStackSecrets");
        assert.deepEqual(secrets.Resource, ["arn:aws:kms:us-east-1:123456789012:key/*"]);
        assert.deepEqual(secrets.Condition, {
            "ForAnyValue:StringEquals": { "kms:ResourceAliases": ["alias/stagecraft-pulumi-secrets"] },
            StringEquals: { "kms:EncryptionContext:project": "stagecraft", "kms:EncryptionContext:stack": "prod" },
        });
        const url = new URL(secretsProviderUrl("alias/stagecraft-pulumi-secrets", "us-east-1", "stagecraft", "prod"));
        assert.equal(url.protocol + url.host + url.pathname, "awskms:alias/stagecraft-pulumi-secrets");
        assert.deepEqual(Object.fromEntries(url.searchParams), { region: "us-east-1", awssdk: "v2", context_project: "stagecraft", context_stack: "prod" });
        const bucketKey = statement(policies.fences, "StateEncryption");
        assert.deepEqual(bucketKey.Condition!.StringEquals, { "kms:ViaService": "s3.us-east-1.amazonaws.com" });
        assert.deepEqual(bucketKey.Condition!.StringLike, { "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::stagecraft-pulumi-state-*" });
    });

    it("deny everything on resources tagged for another environment, and tagging anything for one", () => {
        assert.deepEqual(statement(policies.fences, "NothingOfOtherEnvironments"), {
            Sid: "NothingOfOtherEnvironments", Effect: "Deny", Action: ["*"], Resource: ["*"],
            Condition: { StringNotEquals: { "aws:ResourceTag/environment": ["prod", "bootstrap"] }, Null: { "aws:ResourceTag/environment": "false" } },
        });
        assert.deepEqual(statement(policies.fences, "NothingTaggedForOtherEnvironments").Condition, {
            StringNotEquals: { "aws:RequestTag/environment": ["prod"] }, Null: { "aws:RequestTag/environment": "false" },
        });
    });

    it("keep the state bucket's configuration and the secrets key's administration out of reach", () => {
        const bucket = statement(policies.fences, "KeepTheStateBucket");
        assert.equal(bucket.Effect, "Deny");
        assert.deepEqual(bucket.Resource, ["arn:aws:s3:::stagecraft-pulumi-state-*", "arn:aws:s3:::stagecraft-pulumi-state-*/*"]);
        assert.ok(["s3:DeleteBucket", "s3:PutBucket*", "s3:PutLifecycleConfiguration", "s3:DeleteObjectVersion"].every((a) => bucket.Action.includes(a)));
        const key = statement(policies.fences, "KeepTheSecretsKey");
        assert.equal(key.Effect, "Deny");
        assert.ok(["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:DisableKey", "kms:CreateGrant"].every((a) => key.Action.includes(a)));
        assert.deepEqual(key.Condition, { "ForAnyValue:StringEquals": { "kms:ResourceAliases": ["alias/stagecraft-pulumi-secrets"] } });
    });

    it("the preview role only reads configuration: no writes, no secret values, objects, items, log events, executions or images", () => {
        const doc = previewPolicy(SCOPE) as unknown as Doc;
        const read = allows(doc);
        assert.deepEqual(read.filter((a) => /:(Create|Delete|Update|Put|Modify|Attach|Run|Tag|Encrypt|GenerateDataKey)/.test(a)), []);
        const data = ["secretsmanager:Get*", "secretsmanager:GetSecretValue", "s3:Get*", "ssm:Get*", "dynamodb:Get*", "logs:Get*", "states:Get*", "states:Describe*",
            "ecr:Get*", "ecr:BatchGet*", "cognito-idp:List*", "ec2:Get*"];
        assert.deepEqual(read.filter((a) => data.includes(a)), []);
        assert.deepEqual(doc.Statement.filter((s) => s.Action.includes("s3:GetObject")).map((s) => [s.Sid, s.Resource]), [
            ["ReadBackendLayout", ["arn:aws:s3:::stagecraft-pulumi-state-*/.pulumi/meta.yaml"]],
            ["ReadOwnStackState", ["arn:aws:s3:::stagecraft-pulumi-state-*/.pulumi/stacks/stagecraft/prod.json*"]],
        ], "its own stack's file only");
        assert.deepEqual(statement(doc, "OwnStackSecrets").Action, ["kms:Decrypt"]);
        assert.ok(!read.some((a) => /^(organizations|cloudtrail):/.test(a)), "no organisation reads outside phase 4");
    });
});

describe("release permissions (pure)", () => {
    const doc = releasePolicy(SCOPE) as unknown as Doc;

    it("push only to the stack's repositories; the login token is the only ECR call on every resource", () => {
        assert.deepEqual(statement(doc, "PushToOwnRepositories").Resource, ["arn:aws:ecr:sa-east-1:123456789012:repository/chat-prod/*"]);
        assert.ok(statement(doc, "PushToOwnRepositories").Action.includes("ecr:PutImage"));
        assert.deepEqual(statement(doc, "EcrLogin").Action, ["ecr:GetAuthorizationToken"]);
    });

    it("run only the stack's deploy document, only on instances tagged for its environment", () => {
        assert.deepEqual(statement(doc, "RunOwnDeployDocument").Resource, ["arn:aws:ssm:sa-east-1:123456789012:document/chat-prod-release-deploy*"]);
        assert.deepEqual(statement(doc, "OnOwnInstances").Condition, { StringEquals: { "ssm:resourceTag/environment": "prod" } });
    });

    it("update only the services of the stack's cluster and pass only its task roles, only to ECS tasks", () => {
        assert.deepEqual(statement(doc, "UpdateOwnServices").Resource, ["arn:aws:ecs:sa-east-1:123456789012:service/chat-prod/*"]);
        const pass = statement(doc, "PassOwnTaskRolesToEcs");
        assert.deepEqual(pass.Resource, ["arn:aws:iam::123456789012:role/chat-prod-*-task-*", "arn:aws:iam::123456789012:role/chat-prod-*-execution-*"]);
        assert.deepEqual(pass.Condition, { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } });
    });

    it("invalidate only distributions tagged for its environment", () => {
        assert.deepEqual(statement(doc, "InvalidateOwnDistributions").Condition, { StringEquals: { "aws:ResourceTag/environment": "prod" } });
    });

    it("grant no IAM, no pulls from elsewhere and no wildcard service actions; \"*\" only for calls IAM scopes to no resource", () => {
        const actions = allows(doc);
        assert.deepEqual(actions.filter((a) => a.startsWith("iam:")), ["iam:PassRole"]);
        assert.ok(actions.every((a) => !a.includes("*")), actions.join(" "));
        const anywhere = doc.Statement.filter((s) => s.Resource.includes("*")).flatMap((s) => s.Action).sort();
        assert.deepEqual(anywhere, ["ecr:GetAuthorizationToken", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition", "ssm:GetCommandInvocation", "ssm:ListCommandInvocations"]);
    });
});

describe("GithubDeployRoles under mocks", () => {
    it("creates the OIDC provider and, per environment, a deploy role and a preview role trusted by that environment alone", async () => {
        const { registrations } = await runWithMocks(() => new GithubDeployRoles("boot", {
            repository: "example-org/stagecraft",
            environments: [{ name: "dev", appName: "chat", regions: ["us-east-1"] }, { name: "prod", appName: "chat", regions: ["us-east-1"] }],
            stateBucketArn: SCOPE.stateBucketArn,
            secretsKeyAlias: SCOPE.secretsKeyAlias,
            tags: { project: "stagecraft", environment: "bootstrap", owner: "platform" },
        }));
        const [provider] = ofType(registrations, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assert.deepEqual([provider.inputs.url, provider.inputs.clientIdLists, provider.inputs.thumbprintLists], ["https://token.actions.githubusercontent.com", ["sts.amazonaws.com"], undefined]);
        const subjects = Object.fromEntries(ofType(registrations, "aws:iam/role:Role").map((r) =>
            [r.inputs.name, JSON.parse(r.inputs.assumeRolePolicy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"]]));
        assert.deepEqual(subjects, {
            "stagecraft-deploy-dev": "repo:example-org/stagecraft:environment:dev",
            "stagecraft-preview-dev": "repo:example-org/stagecraft:environment:dev-preview",
            "stagecraft-deploy-prod": "repo:example-org/stagecraft:environment:prod",
            "stagecraft-preview-prod": "repo:example-org/stagecraft:environment:prod-preview",
            "stagecraft-release-dev": "repo:example-org/stagecraft:environment:dev-release",
            "stagecraft-release-prod": "repo:example-org/stagecraft:environment:prod-release",
        });
        assert.equal(ofType(registrations, "aws:iam/policy:Policy").length, 2 * (DEPLOY_POLICY_GROUPS.length + 2));
        const attachment = ofType(registrations, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").find((a) => a.name === "boot-deploy-prod-iam")!;
        assert.equal(attachment.inputs.policyArn, "arn:aws:iam::123456789012:policy/stagecraft-deploy-prod-iam");
        const document = (name: string) => JSON.parse(ofType(registrations, "aws:iam/policy:Policy").find((p) => p.inputs.name === name)!.inputs.policy);
        assert.ok(JSON.stringify(document("stagecraft-deploy-prod-iam")).includes("role/chat-prod-*"));
        assert.ok(!JSON.stringify(document("stagecraft-deploy-prod-iam")).includes("role/chat-dev-*"), "each environment's role manages its own stack only");
        assert.ok(JSON.stringify(document("stagecraft-deploy-dev-fences")).includes(".pulumi/stacks/stagecraft/dev.json*"));
    });

    it("reuses an existing OIDC provider (an account has one per URL)", async () => {
        const existing = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        const { registrations } = await runWithMocks(() => new GithubDeployRoles("boot", {
            repository: "example-org/stagecraft",
            environments: [{ name: "dev", appName: "chat", regions: ["us-east-1"] }],
            existingProviderArn: existing,
            tags: {},
        }));
        assert.equal(ofType(registrations, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
        assert.equal(JSON.parse(ofType(registrations, "aws:iam/role:Role")[0].inputs.assumeRolePolicy).Statement[0].Principal.Federated, existing);
    });
});

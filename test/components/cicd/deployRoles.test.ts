import * as assert from "node:assert/strict";
import {
    DEPLOY_POLICY_GROUPS, deployPolicies, type DeployScope, MANAGED_POLICY_MAX_CHARACTERS, PASSED_TO_SERVICES, policySize, previewPolicy,
} from "../../../components/cicd/deployPermissions";
import { GithubDeployRoles } from "../../../components/cicd/githubDeployRoles";
import { githubSubject, githubTrustPolicy } from "../../../components/cicd/githubTrust";
import { ofType, runWithMocks } from "../../helpers/pulumi";

const SCOPE: DeployScope = {
    partition: "aws",
    accountId: "123456789012",
    regions: ["sa-east-1"],
    namePrefix: "chat-prod",
    stateBucketArn: "arn:aws:s3:::stagecraft-pulumi-state-*",
    secretsKeyAlias: "alias/stagecraft-pulumi-secrets",
};

type Doc = { Statement: { Sid: string; Action: string[]; Resource: string[]; Condition?: Record<string, Record<string, unknown>> }[] };
const actions = (doc: Doc) => doc.Statement.flatMap((s) => s.Action);

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

    it("split into managed policies that each fit IAM's 6,144-character limit", () => {
        assert.deepEqual(Object.keys(policies), [...DEPLOY_POLICY_GROUPS]);
        for (const [group, doc] of Object.entries(policies)) {
            assert.ok(policySize(doc) <= MANAGED_POLICY_MAX_CHARACTERS, `${group}: ${policySize(doc)}`);
        }
        assert.ok(policySize(previewPolicy(SCOPE)) <= MANAGED_POLICY_MAX_CHARACTERS);
    });

    it("never grant *, service:* or IAM beyond the stack's own roles", () => {
        const all = Object.values(policies).flatMap(actions);
        assert.deepEqual(all.filter((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(a)), []);
        const iamWrites = policies.iam.Statement.filter((s) => s.Action.some((a) => /^iam:(Create|Delete|Put|Attach|Pass|Update|Tag|Add|Remove)/.test(a) && a !== "iam:CreateServiceLinkedRole"));
        for (const st of iamWrites) {
            assert.ok(st.Resource.every((r) => /:iam::123456789012:(role|instance-profile)\/chat-prod-\*$/.test(r)), `${st.Sid}: ${st.Resource}`);
        }
        assert.ok(!all.some((a) => /^iam:(CreateUser|CreateAccessKey|CreatePolicyVersion|AttachUserPolicy|PutUserPolicy)/.test(a)));
    });

    it("passes roles only to the services that run them and attaches only the program's AWS-managed policies", () => {
        const pass = policies.iam.Statement.find((s) => s.Sid === "PassOwnRolesToTheirServices")!;
        assert.deepEqual(pass.Condition, { StringEquals: { "iam:PassedToService": PASSED_TO_SERVICES } });
        const attach = policies.iam.Statement.find((s) => s.Sid === "AttachOnlyTheProgramsManagedPolicies")!;
        assert.deepEqual(Object.keys(attach.Condition!.ArnEquals), ["iam:PolicyARN"]);
        assert.ok(!JSON.stringify(attach.Condition).includes("AdministratorAccess"));
    });

    it("keep regional services to the stack's regions and us-east-1", () => {
        const regional = policies.network.Statement[0];
        assert.deepEqual(regional.Condition, { StringEquals: { "aws:RequestedRegion": ["sa-east-1", "us-east-1"] } });
        assert.ok(policies.edge.Statement.some((s) => s.Condition === undefined && s.Action.includes("cloudfront:Create*")), "CloudFront is global");
    });

    it("read and write the state bucket and use the secrets key by its alias", () => {
        const state = policies.iam.Statement.find((s) => s.Sid === "ReadWriteState")!;
        assert.deepEqual(state.Resource, ["arn:aws:s3:::stagecraft-pulumi-state-*/*"]);
        const key = policies.iam.Statement.find((s) => s.Sid === "StackSecrets")!;
        assert.deepEqual(key.Condition, { "ForAnyValue:StringEquals": { "kms:ResourceAliases": ["alias/stagecraft-pulumi-secrets"] } });
    });

    it("the preview role only reads: no writes, no secret values, no object contents", () => {
        const doc = previewPolicy(SCOPE) as unknown as Doc;
        const all = actions(doc);
        assert.deepEqual(all.filter((a) => /:(Create|Delete|Update|Put|Modify|Attach|Run|Tag)/.test(a) && !/^kms:Decrypt$/.test(a)), []);
        assert.ok(!all.some((a) => ["secretsmanager:Get*", "secretsmanager:GetSecretValue", "s3:Get*", "ssm:Get*"].includes(a)));
        const objectReads = doc.Statement.filter((s) => s.Action.includes("s3:GetObject"));
        assert.deepEqual(objectReads.map((s) => [s.Sid, s.Resource]), [["ReadState", ["arn:aws:s3:::stagecraft-pulumi-state-*/*"]]], "objects of the state bucket only");
        assert.deepEqual(doc.Statement.find((s) => s.Sid === "StackSecrets")!.Action, ["kms:Decrypt"]);
    });
});

describe("GithubDeployRoles under mocks", () => {
    it("creates the OIDC provider and, per environment, a deploy role and a preview role trusted by that environment alone", async () => {
        const { registrations } = await runWithMocks(() => new GithubDeployRoles("boot", {
            repository: "example-org/stagecraft",
            environments: [{ name: "dev", namePrefix: "chat-dev", regions: ["us-east-1"] }, { name: "prod", namePrefix: "chat-prod", regions: ["us-east-1"] }],
            stateBucketArn: SCOPE.stateBucketArn,
            secretsKeyAlias: SCOPE.secretsKeyAlias,
            tags: { project: "stagecraft", environment: "bootstrap", owner: "platform" },
        }));
        const [provider] = ofType(registrations, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assert.deepEqual([provider.inputs.url, provider.inputs.clientIdLists], ["https://token.actions.githubusercontent.com", ["sts.amazonaws.com"]]);
        const subjects = Object.fromEntries(ofType(registrations, "aws:iam/role:Role").map((r) =>
            [r.inputs.name, JSON.parse(r.inputs.assumeRolePolicy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"]]));
        assert.deepEqual(subjects, {
            "stagecraft-deploy-dev": "repo:example-org/stagecraft:environment:dev",
            "stagecraft-preview-dev": "repo:example-org/stagecraft:environment:dev-preview",
            "stagecraft-deploy-prod": "repo:example-org/stagecraft:environment:prod",
            "stagecraft-preview-prod": "repo:example-org/stagecraft:environment:prod-preview",
        });
        assert.equal(ofType(registrations, "aws:iam/policy:Policy").length, 2 * (DEPLOY_POLICY_GROUPS.length + 1));
        const attachment = ofType(registrations, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").find((a) => a.name === "boot-deploy-prod-iam")!;
        assert.equal(attachment.inputs.policyArn, "arn:aws:iam::123456789012:policy/stagecraft-deploy-prod-iam");
        const prodIam = JSON.parse(ofType(registrations, "aws:iam/policy:Policy").find((p) => p.inputs.name === "stagecraft-deploy-prod-iam")!.inputs.policy);
        assert.ok(JSON.stringify(prodIam).includes("role/chat-prod-*"));
        assert.ok(!JSON.stringify(prodIam).includes("role/chat-dev-*"), "each environment's role manages its own stack only");
    });

    it("reuses an existing OIDC provider (an account has one per URL)", async () => {
        const existing = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        const { registrations } = await runWithMocks(() => new GithubDeployRoles("boot", {
            repository: "example-org/stagecraft",
            environments: [{ name: "dev", namePrefix: "chat-dev", regions: ["us-east-1"] }],
            existingProviderArn: existing,
            tags: {},
        }));
        assert.equal(ofType(registrations, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
        assert.equal(JSON.parse(ofType(registrations, "aws:iam/role:Role")[0].inputs.assumeRolePolicy).Statement[0].Principal.Federated, existing);
    });
});

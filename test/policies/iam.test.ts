import * as assert from "node:assert/strict";
import { githubOidcTrustPinned } from "../../policies/iam/githubOidcTrustPinned";
import { awsManagedPolicyName, noAdministratorAccess } from "../../policies/iam/noAdministratorAccess";
import { noWildcardActions } from "../../policies/iam/noWildcardActions";
import { roleTrustNoPublicPrincipal } from "../../policies/iam/roleTrustNoPublicPrincipal";
import { userNoAccessKeys } from "../../policies/iam/userNoAccessKeys";
import { res, T } from "./helpers/fixtures";
import { advisory, details, mandatory, runResource, UNKNOWN } from "./helpers/server";

const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
const SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const allowAll = { Effect: "Allow", Action: "*", Resource: "*" };
const ADMIN_FIX = "Attach a least-privilege policy that lists only the actions and resources the workload needs.";

describe("iam-no-administrator-access", () => {
    describe("compliant", () => {
        it("accepts AWS-managed policies that are not admin (AmazonSSMManagedInstanceCore)", () => {
            assert.deepEqual(runResource(noAdministratorAccess, res(T.rolePolicyAttachment, "host-ssm-core", { role: UNKNOWN, policyArn: SSM_CORE })), []);
        });
        it("accepts a least-privilege inline policy", () => {
            const policy = JSON.stringify(doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::b/*"] }));
            assert.deepEqual(runResource(noAdministratorAccess, res(T.rolePolicy, "host-access", { role: UNKNOWN, policy })), []);
        });
        it("accepts Deny on everything and Allow * on one bucket (not administrator access)", () => {
            assert.deepEqual(runResource(noAdministratorAccess, res(T.policy, "p", { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }, { Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b/*" }) })), []);
        });
        it("does not treat AdministratorAccess as a permissions boundary as a grant", () => {
            assert.deepEqual(runResource(noAdministratorAccess, res(T.role, "r", { assumeRolePolicy: "{}", permissionsBoundary: ADMIN_ARN })), []);
        });
        it("does not read KMS key policies (the account-root kms:* statement is not an identity policy)", () => {
            assert.deepEqual(runResource(noAdministratorAccess, res(T.kmsKey, "k", { policy: JSON.stringify(doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" })) })), []);
        });
    });

    describe("managed policy attached through any spelling", () => {
        for (const [type, props] of [
            [T.rolePolicyAttachment, { role: UNKNOWN, policyArn: ADMIN_ARN }],
            [T.userPolicyAttachment, { user: "alice", policyArn: ADMIN_ARN }],
            [T.groupPolicyAttachment, { group: "ops", policyArn: ADMIN_ARN }],
            [T.policyAttachment, { roles: [UNKNOWN], policyArn: ADMIN_ARN }],
        ] as const) {
            it(`flags AdministratorAccess attached by ${type.split(":").pop()}`, () => {
                assert.deepEqual(details(runResource(noAdministratorAccess, res(type, "attach", props))),
                    [`attach: policyArn attaches the AWS-managed policy AdministratorAccess, which grants administrator access. ${ADMIN_FIX}`]);
            });
        }
        it("flags AdministratorAccess in a role's managedPolicyArns, naming the index", () => {
            assert.deepEqual(details(runResource(noAdministratorAccess, res(T.role, "deploy", { assumeRolePolicy: "{}", managedPolicyArns: [SSM_CORE, ADMIN_ARN] }))),
                [`deploy: managedPolicyArns[1] attaches the AWS-managed policy AdministratorAccess, which grants administrator access. ${ADMIN_FIX}`]);
        });
        it("flags AdministratorAccess in RolePolicyAttachmentsExclusive.policyArns", () => {
            assert.equal(mandatory(runResource(noAdministratorAccess, res(T.roleAttachmentsExclusive, "x", { roleName: "r", policyArns: [ADMIN_ARN] }))).length, 1);
        });
        it("flags the policy in every partition", () => {
            assert.equal(runResource(noAdministratorAccess, res(T.rolePolicyAttachment, "a", { policyArn: "arn:aws-us-gov:iam::aws:policy/AdministratorAccess" })).length, 1);
        });
        it("flags admin-equivalent IAMFullAccess", () => {
            assert.match(details(runResource(noAdministratorAccess, res(T.rolePolicyAttachment, "a", { policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" })))[0], /IAMFullAccess/);
        });
        it("uses the denied list from the policy config", () => {
            const spec = res(T.rolePolicyAttachment, "a", { policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" });
            assert.deepEqual(runResource(noAdministratorAccess, spec), []);
            assert.equal(runResource(noAdministratorAccess, spec, { config: { deniedManagedPolicies: ["PowerUserAccess"] } }).length, 1);
        });
    });

    describe("equivalent documents", () => {
        const ALLOW_ALL_TEXT = "allows every action (\"*\") on every resource: administrator access. List the actions and resources the workload needs instead.";
        it("flags Action * on Resource * in an inline role policy given as a JSON string", () => {
            assert.deepEqual(details(runResource(noAdministratorAccess, res(T.rolePolicy, "admin", { role: UNKNOWN, policy: JSON.stringify(doc(allowAll)) }))),
                [`admin: policy statement 0 ${ALLOW_ALL_TEXT}`]);
        });
        it("flags the array form in a customer-managed policy given as an object", () => {
            assert.equal(mandatory(runResource(noAdministratorAccess, res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: ["*"], Resource: ["*"] }) }))).length, 1);
        });
        it("flags a single Statement object in a user policy and a statement given as a JSON string in a group policy", () => {
            assert.equal(runResource(noAdministratorAccess, res(T.userPolicy, "u", { user: "alice", policy: { Version: "2012-10-17", Statement: allowAll } })).length, 1);
            assert.equal(runResource(noAdministratorAccess, res(T.groupPolicy, "g", { group: "ops", policy: doc(JSON.stringify(allowAll)) })).length, 1);
        });
        it("flags a role's deprecated inlinePolicies", () => {
            assert.match(details(runResource(noAdministratorAccess, res(T.role, "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "all", policy: JSON.stringify(doc(allowAll)) }] })))[0],
                /^r: inlinePolicies\[0\]\.policy statement 0 allows every action/);
        });
        it("flags Allow with NotAction on every resource", () => {
            assert.deepEqual(details(runResource(noAdministratorAccess, res(T.policy, "p", { policy: doc({ Sid: "AlmostAll", Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }))),
                ["p: policy statement 0 (Sid AlmostAll) uses Allow with NotAction, which grants every action not listed, on every resource: administrator access. List the actions and resources the workload needs instead."]);
        });
        it("flags the *:* and arn:aws:*:*:*:* spellings", () => {
            assert.equal(runResource(noAdministratorAccess, res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: "*:*", Resource: "arn:aws:*:*:*:*" }) })).length, 1);
        });
    });

    describe("unknown inputs", () => {
        it("notes an attachment whose policy ARN is unknown during preview", () => {
            const d = runResource(noAdministratorAccess, res(T.rolePolicyAttachment, "a", { policyArn: UNKNOWN }));
            assert.equal(advisory(d).length, 1);
            assert.match(d[0].detail, /^a: policyArn is not known during preview/);
        });
        it("notes a policy document that is unknown during preview", () => {
            assert.match(details(runResource(noAdministratorAccess, res(T.rolePolicy, "host-access", { policy: UNKNOWN })))[0], /^host-access: policy is not known during preview, so whether the policy grants administrator access/);
        });
        it("notes a statement whose actions are unknown on every resource", () => {
            assert.equal(advisory(runResource(noAdministratorAccess, res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: [UNKNOWN], Resource: "*" }) }))).length, 1);
        });
    });

    it("names AWS-managed policies by their last path segment, and only AWS-managed ones", () => {
        assert.equal(awsManagedPolicyName("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"), "ViewOnlyAccess");
        assert.equal(awsManagedPolicyName("arn:aws:iam::123456789012:policy/AdministratorAccess"), undefined);
    });
});

describe("iam-no-wildcard-actions", () => {
    it("accepts named actions and partial wildcards", () => {
        assert.deepEqual(runResource(noWildcardActions, res(T.rolePolicy, "p", { policy: doc({ Effect: "Allow", Action: ["s3:GetObject", "logs:Describe*"], Resource: "*" }) })), []);
    });
    it("ignores Deny statements and trust policies", () => {
        assert.deepEqual(runResource(noWildcardActions, res(T.policy, "p", { policy: doc({ Effect: "Deny", Action: "s3:*", Resource: "*" }) })), []);
        assert.deepEqual(runResource(noWildcardActions, res(T.role, "r", { assumeRolePolicy: JSON.stringify(doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:*" })) })), []);
    });
    it("flags a whole-service wildcard", () => {
        assert.deepEqual(details(runResource(noWildcardActions, res(T.rolePolicy, "p", { policy: doc({ Sid: "Bucket", Effect: "Allow", Action: ["s3:GetObject", "s3:*"], Resource: "arn:aws:s3:::b/*" }) }))),
            ["p: policy statement 0 (Sid Bucket) allows \"s3:*\": every action of the service. Name the actions the workload needs (for example s3:GetObject, s3:PutObject), or add the wildcard to allowedActions in the policy config."]);
    });
    it("flags \"*\" as every action of every service", () => {
        assert.match(details(runResource(noWildcardActions, res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" }) })))[0], /allows "\*": every action of every service/);
    });
    it("flags Allow with NotAction", () => {
        assert.match(details(runResource(noWildcardActions, res(T.userPolicy, "p", { policy: doc({ Effect: "Allow", NotAction: ["iam:*"], Resource: "arn:aws:s3:::b" }) })))[0], /uses Allow with NotAction/);
    });
    it("flags wildcards in a role's inline policies", () => {
        assert.equal(runResource(noWildcardActions, res(T.role, "r", { inlinePolicies: [{ name: "x", policy: JSON.stringify(doc({ Effect: "Allow", Action: "ec2:*", Resource: "*" })) }] })).length, 1);
    });
    it("accepts wildcards on the configured allow-list, case-insensitively", () => {
        assert.deepEqual(runResource(noWildcardActions, res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: "XRay:*", Resource: "*" }) }), { config: { allowedActions: ["xray:*"] } }), []);
    });
    it("notes unknown actions and unknown documents", () => {
        assert.equal(advisory(runResource(noWildcardActions, res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: UNKNOWN, Resource: "*" }) }))).length, 1);
        assert.equal(advisory(runResource(noWildcardActions, res(T.rolePolicy, "p", { policy: UNKNOWN }))).length, 1);
    });
});

const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
function githubTrust(condition: unknown): string {
    return JSON.stringify(doc({ Effect: "Allow", Principal: { Federated: GITHUB }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition }));
}
const AUD = { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" };

describe("iam-github-oidc-trust-pinned", () => {
    it("accepts a trust pinned to one repository and environment with the STS audience", () => {
        const trust = githubTrust({ StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" } });
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "deploy-prod", { assumeRolePolicy: trust })), []);
    });
    it("accepts several pinned environments under StringLike", () => {
        const trust = githubTrust({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": ["repo:acme/chat:environment:dev", "repo:acme/chat:environment:staging"] } });
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust })), []);
    });
    it("accepts a pinned block even when a looser block is ANDed with it", () => {
        const trust = githubTrust({ StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" }, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } });
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust })), []);
    });
    it("ignores roles that GitHub does not assume", () => {
        assert.deepEqual(runResource(githubOidcTrustPinned, res(T.role, "host", { assumeRolePolicy: JSON.stringify(doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" })) })), []);
    });
    it("flags a trust without a sub condition", () => {
        assert.deepEqual(details(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: githubTrust({ StringEquals: AUD }) }))),
            ["deploy: assumeRolePolicy statement 0 trusts GitHub Actions OIDC without a token.actions.githubusercontent.com:sub condition, so any workflow of any repository on GitHub can assume the role. "
                + "Add Condition StringEquals { \"token.actions.githubusercontent.com:sub\": \"repo:<owner>/<repo>:environment:<environment>\" }."]);
    });
    it("flags a sub that pins no environment", () => {
        const trust = githubTrust({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/chat:*" } });
        assert.deepEqual(details(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust }))),
            ["deploy: assumeRolePolicy statement 0 lets \"repo:acme/chat:*\" assume the role, which does not pin one repository and one GitHub environment. "
                + "Use subjects of the form \"repo:<owner>/<repo>:environment:<environment>\" with no wildcards, one per environment the role serves."]);
    });
    it("flags wildcard repositories and branch-based subjects", () => {
        for (const sub of ["repo:acme/*:environment:prod", "repo:acme/chat:ref:refs/heads/main", "repo:*"]) {
            const trust = githubTrust({ StringEquals: AUD, StringLike: { "token.actions.githubusercontent.com:sub": sub } });
            assert.equal(mandatory(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust }))).length, 1, sub);
        }
    });
    it("does not count ForAllValues conditions, which pass when the claim is absent", () => {
        const trust = githubTrust({ StringEquals: AUD, "ForAllValues:StringEquals": { "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" } });
        assert.equal(runResource(githubOidcTrustPinned, res(T.role, "deploy", { assumeRolePolicy: trust })).length, 1);
    });
    it("flags a missing or wrong audience", () => {
        const sub = { "token.actions.githubusercontent.com:sub": "repo:acme/chat:environment:prod" };
        assert.match(details(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: githubTrust({ StringEquals: sub }) })))[0], /does not require token\.actions\.githubusercontent\.com:aud to equal "sts\.amazonaws\.com"/);
        assert.equal(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: githubTrust({ StringEquals: { ...sub, "token.actions.githubusercontent.com:aud": "other" } }) })).length, 1);
    });
    it("notes a trust policy, principal or subject that is unknown during preview", () => {
        assert.equal(advisory(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: UNKNOWN }))).length, 1);
        const unknownPrincipal = JSON.stringify(doc({ Effect: "Allow", Principal: { Federated: UNKNOWN }, Action: "sts:AssumeRoleWithWebIdentity" }));
        assert.equal(advisory(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: unknownPrincipal }))).length, 1);
        assert.equal(advisory(runResource(githubOidcTrustPinned, res(T.role, "d", { assumeRolePolicy: { Statement: [{ Effect: "Allow", Principal: { Federated: GITHUB }, Condition: { StringEquals: { ...AUD, "token.actions.githubusercontent.com:sub": UNKNOWN } } }] } }))).length, 1);
    });
});

describe("iam-role-trust-no-public-principal", () => {
    const trust = (statement: Record<string, unknown>) => JSON.stringify(doc({ Effect: "Allow", Action: "sts:AssumeRole", ...statement }));
    it("accepts service, account and organisation-pinned trust", () => {
        for (const st of [{ Principal: { Service: "ecs-tasks.amazonaws.com" } }, { Principal: { AWS: "arn:aws:iam::123456789012:root" } },
            { Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }]) {
            assert.deepEqual(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: trust(st) })), []);
        }
    });
    it("flags Principal \"*\"", () => {
        assert.deepEqual(details(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: trust({ Principal: "*" }) }))),
            ["r: assumeRolePolicy statement 0 lets any AWS principal in any account assume the role (Principal \"*\"). Trust the specific service, account or role, or pin it with an aws:PrincipalOrgID or aws:PrincipalAccount condition."]);
    });
    it("flags Principal { AWS: \"*\" }", () => {
        assert.equal(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: trust({ Principal: { AWS: ["*"] } }) })).length, 1);
    });
    it("notes an unknown trust policy", () => {
        assert.equal(advisory(runResource(roleTrustNoPublicPrincipal, res(T.role, "r", { assumeRolePolicy: UNKNOWN }))).length, 1);
    });
});

describe("iam-user-no-access-keys", () => {
    it("flags an access key", () => {
        assert.deepEqual(details(runResource(userNoAccessKeys, res(T.accessKey, "ci-key", { user: "ci" }))),
            ["ci-key: creates a long-lived access key for an IAM user; such keys leak through laptops, CI logs and repositories and stay valid until someone rotates them. "
                + "Remove it and give the workload a role: an instance profile, an ECS task role, or a GitHub OIDC role for CI."]);
    });
    it("accepts an inactive key", () => {
        assert.deepEqual(runResource(userNoAccessKeys, res(T.accessKey, "old-key", { user: "ci", status: "Inactive" })), []);
    });
    it("skips an exempt key", () => {
        assert.deepEqual(runResource(userNoAccessKeys, res(T.accessKey, "ses-smtp", { user: "smtp" }), { config: { exemptions: [{ resource: "ses-smtp", reason: "SES SMTP needs user credentials" }] } }), []);
    });
});

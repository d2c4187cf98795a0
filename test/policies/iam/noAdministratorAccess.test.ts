import * as assert from "node:assert/strict";
import { awsManagedPolicyName, noAdministratorAccess } from "../../../policies/iam/noAdministratorAccess";
import { res, T } from "../helpers/fixtures";
import { advisory, details, mandatory, type ResourceSpec, type RunOptions, runStack, UNKNOWN } from "../helpers/server";
import { doc } from "./helpers";

/** iam-no-administrator-access is a stack policy (it correlates attachments with the policies of the stack): one resource is a stack of one. */
const runAdmin = (spec: ResourceSpec, options?: RunOptions) => runStack(noAdministratorAccess, [spec], options);

const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
const SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
const allowAll = { Effect: "Allow", Action: "*", Resource: "*" };
const ADMIN_FIX = "Attach a least-privilege policy that lists only the actions and resources the workload needs.";

describe("iam-no-administrator-access", () => {
    describe("compliant", () => {
        it("accepts AWS-managed policies that are not admin (AmazonSSMManagedInstanceCore)", () => {
            assert.deepEqual(runAdmin(res(T.rolePolicyAttachment, "host-ssm-core", { role: UNKNOWN, policyArn: SSM_CORE })), []);
        });
        it("accepts a least-privilege inline policy", () => {
            const policy = JSON.stringify(doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::b/*"] }));
            assert.deepEqual(runAdmin(res(T.rolePolicy, "host-access", { role: UNKNOWN, policy })), []);
        });
        it("accepts Deny on everything and Allow * on one bucket (not administrator access)", () => {
            assert.deepEqual(runAdmin(res(T.policy, "p", { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }, { Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b/*" }) })), []);
        });
        it("does not treat AdministratorAccess as a permissions boundary as a grant", () => {
            assert.deepEqual(runAdmin(res(T.role, "r", { assumeRolePolicy: "{}", permissionsBoundary: ADMIN_ARN })), []);
        });
        it("does not read KMS key policies (the account-root kms:* statement is not an identity policy)", () => {
            assert.deepEqual(runAdmin(res(T.kmsKey, "k", { policy: JSON.stringify(doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" })) })), []);
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
                assert.deepEqual(details(runAdmin(res(type, "attach", props))),
                    [`attach: policyArn attaches the AWS-managed policy AdministratorAccess, which grants administrator access. ${ADMIN_FIX}`]);
            });
        }
        it("flags AdministratorAccess in a role's managedPolicyArns, naming the index", () => {
            assert.deepEqual(details(runAdmin(res(T.role, "deploy", { assumeRolePolicy: "{}", managedPolicyArns: [SSM_CORE, ADMIN_ARN] }))),
                [`deploy: managedPolicyArns[1] attaches the AWS-managed policy AdministratorAccess, which grants administrator access. ${ADMIN_FIX}`]);
        });
        it("flags AdministratorAccess in RolePolicyAttachmentsExclusive.policyArns", () => {
            assert.equal(mandatory(runAdmin(res(T.roleAttachmentsExclusive, "x", { roleName: "r", policyArns: [ADMIN_ARN] }))).length, 1);
        });
        it("flags the policy in every partition", () => {
            assert.equal(runAdmin(res(T.rolePolicyAttachment, "a", { policyArn: "arn:aws-us-gov:iam::aws:policy/AdministratorAccess" })).length, 1);
        });
        it("flags admin-equivalent IAMFullAccess", () => {
            assert.match(details(runAdmin(res(T.rolePolicyAttachment, "a", { policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" })))[0], /IAMFullAccess/);
        });
        it("uses the denied list from the policy config", () => {
            const spec = res(T.rolePolicyAttachment, "a", { policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" });
            assert.deepEqual(runAdmin(spec), []);
            assert.equal(runAdmin(spec, { config: { deniedManagedPolicies: ["PowerUserAccess"] } }).length, 1);
        });
    });

    describe("equivalent documents", () => {
        const ALLOW_ALL_TEXT = "allows every action (\"*\") on every resource: administrator access. List the actions and resources the workload needs instead.";
        it("flags Action * on Resource * in an inline role policy given as a JSON string", () => {
            assert.deepEqual(details(runAdmin(res(T.rolePolicy, "admin", { role: UNKNOWN, policy: JSON.stringify(doc(allowAll)) }))),
                [`admin: policy statement 0 ${ALLOW_ALL_TEXT}`]);
        });
        it("flags the array form in a customer-managed policy given as an object", () => {
            assert.equal(mandatory(runAdmin(res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: ["*"], Resource: ["*"] }) }))).length, 1);
        });
        it("flags a single Statement object in a user policy and a statement given as a JSON string in a group policy", () => {
            assert.equal(runAdmin(res(T.userPolicy, "u", { user: "alice", policy: { Version: "2012-10-17", Statement: allowAll } })).length, 1);
            assert.equal(runAdmin(res(T.groupPolicy, "g", { group: "ops", policy: doc(JSON.stringify(allowAll)) })).length, 1);
        });
        it("flags a role's deprecated inlinePolicies", () => {
            assert.match(details(runAdmin(res(T.role, "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "all", policy: JSON.stringify(doc(allowAll)) }] })))[0],
                /^r: inlinePolicies\[0\]\.policy statement 0 allows every action/);
        });
        it("flags Allow with NotAction on every resource", () => {
            assert.deepEqual(details(runAdmin(res(T.policy, "p", { policy: doc({ Sid: "AlmostAll", Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }))),
                ["p: policy statement 0 (Sid AlmostAll) uses Allow with NotAction, which grants every action not listed, on every resource: administrator access. List the actions and resources the workload needs instead."]);
        });
        it("flags the *:* and arn:aws:*:*:*:* spellings", () => {
            assert.equal(runAdmin(res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: "*:*", Resource: "arn:aws:*:*:*:*" }) })).length, 1);
        });
    });

    describe("unknown inputs", () => {
        it("notes an attachment whose policy ARN is unknown during preview", () => {
            const d = runAdmin(res(T.rolePolicyAttachment, "a", { policyArn: UNKNOWN }));
            assert.equal(advisory(d).length, 1);
            assert.match(d[0].detail, /^a: policyArn is not known during preview/);
        });
        it("judges an attachment whose ARN is unknown on the document of the stack's policy it depends on, without a note", () => {
            const att = (policyArn: unknown, deps: string[]) => res(T.rolePolicyAttachment, "host-access-attach", { role: UNKNOWN, policyArn }, { propertyDependencies: { policyArn: deps } });
            const least = res(T.policy, "host-access", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) });
            assert.deepEqual(runStack(noAdministratorAccess, [least, att(UNKNOWN, ["host-access"])]), []);
            const admin = res(T.policy, "host-access", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) });
            assert.deepEqual(runStack(noAdministratorAccess, [admin, att(UNKNOWN, ["host-access"])]).map((d) => [d.detail.split(":")[0], d.enforcementLevel]), [["host-access", "mandatory"]]);
            const unknownDoc = res(T.policy, "host-access", { policy: UNKNOWN });
            assert.deepEqual(runStack(noAdministratorAccess, [unknownDoc, att(UNKNOWN, ["host-access"])]).map((d) => d.detail.split(":")[0]), ["host-access"]);
        });
        it("does the same for managedPolicyArns and policyArns lists whose dependencies are policies of the stack", () => {
            const least = res(T.policy, "app", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) });
            assert.deepEqual(runStack(noAdministratorAccess, [least,
                res(T.role, "r", { assumeRolePolicy: "{}", managedPolicyArns: [UNKNOWN] }, { propertyDependencies: { managedPolicyArns: ["app"] } })]), []);
            assert.deepEqual(runStack(noAdministratorAccess, [least,
                res(T.roleAttachmentsExclusive, "x", { roleName: "r", policyArns: [UNKNOWN] }, { propertyDependencies: { policyArns: ["app"] } })]), []);
        });
        it("still notes an unknown ARN that depends on something other than a policy of the stack", () => {
            const d = runStack(noAdministratorAccess, [res(T.role, "other"), res(T.rolePolicyAttachment, "a", { policyArn: UNKNOWN }, { propertyDependencies: { policyArn: ["other"] } })]);
            assert.deepEqual(d.map((x) => [x.detail.split(":")[0], x.enforcementLevel]), [["a", "advisory"]]);
        });
        it("notes a policy document that is unknown during preview", () => {
            assert.match(details(runAdmin(res(T.rolePolicy, "host-access", { policy: UNKNOWN })))[0], /^host-access: policy is not known during preview, so whether the policy grants administrator access/);
        });
        it("notes a statement whose actions are unknown on every resource", () => {
            assert.equal(advisory(runAdmin(res(T.policy, "p", { policy: doc({ Effect: "Allow", Action: [UNKNOWN], Resource: "*" }) }))).length, 1);
        });
    });

    it("names AWS-managed policies by their last path segment, and only AWS-managed ones", () => {
        assert.equal(awsManagedPolicyName("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"), "ViewOnlyAccess");
        assert.equal(awsManagedPolicyName("arn:aws:iam::123456789012:policy/AdministratorAccess"), undefined);
    });
});

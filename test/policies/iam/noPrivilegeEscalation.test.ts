import * as assert from "node:assert/strict";
import { noPrivilegeEscalation } from "../../../policies/iam/noPrivilegeEscalation";
import { res, T } from "../helpers/fixtures";
import { details, mandatory, runResource, UNKNOWN } from "../helpers/server";
import { doc } from "./helpers";

const policyOf = (...statements: Record<string, unknown>[]) => res(T.policy, "deployer", { policy: JSON.stringify(doc(...statements.map((s) => ({ Effect: "Allow", ...s })))) });
const run = (...statements: Record<string, unknown>[]) => runResource(noPrivilegeEscalation, policyOf(...statements));

describe("iam-no-privilege-escalation", () => {
    it("accepts IAM writes and iam:PassRole scoped to the roles the holder manages", () => {
        assert.deepEqual(run(
            { Action: ["iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:CreatePolicyVersion"], Resource: "arn:aws:iam::123456789012:role/app-*" },
            { Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/app-task", Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } },
            { Action: ["ecs:RegisterTaskDefinition", "iam:GetRole", "iam:ListPolicies"], Resource: "*" },
        ), []);
    });

    it("fails self-grant actions on Resource \"*\", one violation per statement listing them", () => {
        const d = run({ Sid: "Iam", Action: ["iam:CreatePolicyVersion", "iam:AttachRolePolicy", "iam:GetRole"], Resource: "*" });
        assert.deepEqual(details(d), ["deployer: policy statement 0 (Sid Iam) allows iam:CreatePolicyVersion, iam:AttachRolePolicy on Resource \"*\", so the holder can grant itself any permission (through any policy, user or role of the account). "
            + "Scope these actions to the ARNs this role manages, or remove them."]);
        assert.equal(d[0].enforcementLevel, "mandatory");
    });

    it("matches patterns as AWS does: iam:Attach*, IAM:put*POLICY, iam:*, and NotAction that leaves them out", () => {
        for (const action of ["iam:Attach*", "IAM:put*POLICY", "iam:*", "iam:?pdateAssumeRolePolicy"]) {
            assert.equal(mandatory(run({ Action: action, Resource: "*" })).length, 1, action);
        }
        assert.equal(mandatory(run({ NotAction: "s3:*", Resource: "*" })).length, 2, "self-grants, and PassRole with every launching action");
        assert.equal(mandatory(run({ NotAction: "iam:*", NotResource: "arn:aws:s3:::b/*" })).length, 0, "NotAction iam:* allows no IAM action");
    });

    it("fails iam:PassRole on \"*\" together with an action that runs code under the passed role, across statements", () => {
        const d = run({ Action: "iam:PassRole", Resource: "*" }, { Action: ["lambda:CreateFunction", "ec2:RunInstances"], Resource: "arn:aws:lambda:us-east-1:123456789012:function:*" });
        assert.equal(d.length, 1);
        assert.match(d[0].detail, /allows iam:PassRole on Resource "\*" and the document allows ec2:RunInstances, lambda:CreateFunction, so the holder can run code under any role/);
    });

    it("accepts iam:PassRole on \"*\" alone (nothing to run the role with in this document)", () => {
        assert.deepEqual(run({ Action: "iam:PassRole", Resource: "*" }, { Action: "s3:GetObject", Resource: "*" }), []);
    });

    it("ignores Deny statements and takes allowedActions from the stack's config", () => {
        assert.deepEqual(run({ Effect: "Deny", Action: "iam:*", Resource: "*" }), []);
        const res1 = policyOf({ Action: "iam:CreateAccessKey", Resource: "*" });
        assert.deepEqual(runResource(noPrivilegeEscalation, res1, { config: { allowedActions: ["iam:CreateAccessKey"] } }), []);
    });

    it("checks a role's inline policies too", () => {
        const role = res(T.role, "ci", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "iam", policy: JSON.stringify(doc({ Effect: "Allow", Action: "iam:PutUserPolicy", Resource: "*" })) }] });
        assert.match(details(runResource(noPrivilegeEscalation, role))[0], /^ci: inlinePolicies\[0\]\.policy statement 0 allows iam:PutUserPolicy/);
    });

    it("notes, never fails, documents and actions unknown during preview", () => {
        assert.deepEqual(runResource(noPrivilegeEscalation, res(T.policy, "p", { policy: UNKNOWN })).map((d) => d.enforcementLevel), ["advisory"]);
        const d = runResource(noPrivilegeEscalation, res(T.policy, "p", { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: UNKNOWN, Resource: "*" }] } }));
        assert.deepEqual(d.map((x) => x.enforcementLevel), ["advisory"]);
        assert.match(d[0].detail, /is not known during preview/);
    });
});

import * as assert from "node:assert/strict";
import { noWildcardActions } from "../../../policies/iam/noWildcardActions";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";
import { doc } from "./helpers";

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

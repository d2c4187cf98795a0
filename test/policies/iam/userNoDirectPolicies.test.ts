import * as assert from "node:assert/strict";
import { res } from "../helpers/fixtures";
import { UNKNOWN, details, runResource } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { userNoDirectPolicies } from "../../../policies/iam/userNoDirectPolicies";

describe("iam-user-no-direct-policies", () => {
    judgesSetting(userNoDirectPolicies, {
        type: "aws:iam/policyAttachment:PolicyAttachment",
        name: "ci-deploy",
        base: { policyArn: UNKNOWN },
        passes: {
        "a group attachment": { groups: ["deployers"] },
        "a role attachment": { roles: [UNKNOWN] },
    },
        fails: {
        "a user attachment": { users: ["ci"] },
    },
        absent: "passes",
        unknown: { users: UNKNOWN },
        mentions: ["users"],
    });
    it("flags inline user policies and user policy attachments", () => {
        assert.equal(runResource(userNoDirectPolicies, res("aws:iam/userPolicy:UserPolicy", "ci", { user: "ci", policy: "{}" })).length, 1);
        assert.match(details(runResource(userNoDirectPolicies, res("aws:iam/userPolicyAttachment:UserPolicyAttachment", "ci", { user: "ci", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" })))[0] ?? "", /a managed policy is attached straight to a user/);
    });
});

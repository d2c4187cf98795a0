import * as assert from "node:assert/strict";
import { webAclHasRules } from "../../../policies/wafv2/webAclHasRules";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("wafv2-web-acl-has-rules", () => {
    it("accepts inline rules or ruleJson", () => {
        assert.deepEqual(runResource(webAclHasRules, res(T.webAcl, "waf", { rules: [{ name: "rate", priority: 1 }] })), []);
        assert.deepEqual(runResource(webAclHasRules, res(T.webAcl, "waf", { ruleJson: "[]" })), []);
    });
    it("flags an ACL without rules", () => {
        assert.match(details(runResource(webAclHasRules, res(T.webAcl, "waf", { defaultAction: { allow: {} } })))[0], /^waf: has no rules, so it inspects nothing/);
    });
    it("notes unknown rules", () => {
        assert.equal(advisory(runResource(webAclHasRules, res(T.webAcl, "waf", { rules: UNKNOWN }))).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { webAclRequestLogging as policy } from "../../../policies/wafv2/webAclRequestLogging";
import { res, T } from "../helpers/fixtures";
import { runStack, UNKNOWN } from "../helpers/server";

const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const acl = (name: string, props: Record<string, unknown> = {}) => res(T.webAcl, name, { scope: "REGIONAL", defaultAction: { allow: {} }, ...props });
const logging = (name: string, target: string) => res(LOGGING, name, { resourceArn: UNKNOWN, logDestinationConfigs: [UNKNOWN] }, { propertyDependencies: { resourceArn: [target] } });

describe("wafv2-web-acl-request-logging", () => {
    it("accepts web ACLs with a logging configuration, linked in preview or by arn in apply", () => {
        assert.deepEqual(runStack(policy, [acl("waf"), logging("waf-logging", "waf")]), []);
        const arn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/waf/1";
        assert.deepEqual(runStack(policy, [acl("waf", { arn }), res(LOGGING, "l", { resourceArn: arn, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x"] })]), []);
    });
    it("flags a web ACL that logs nothing, advisory by default, mandatory where the stack says so", () => {
        const diags = runStack(policy, [acl("waf"), acl("cdn-waf"), logging("cdn-logging", "cdn-waf")]);
        assert.deepEqual(diags.map((d) => d.detail.split(":")[0]), ["waf"]);
        assert.equal(diags[0].enforcementLevel, "advisory");
        assert.match(diags[0].detail, /has no logging configuration .* WAF logs nothing by default/);
        assert.equal(runStack(policy, [acl("waf")], { level: "mandatory" })[0].enforcementLevel, "mandatory");
    });
    it("notes, never fails, while a logging configuration cannot be linked", () => {
        const diags = runStack(policy, [acl("waf"), res(LOGGING, "l", { resourceArn: UNKNOWN }, { propertyDependencies: { resourceArn: [] } })], { level: "mandatory" });
        assert.deepEqual(diags.map((d) => d.enforcementLevel), ["advisory"]);
        assert.match(diags[0].detail, /l\.resourceArn is not known during preview/);
    });
});

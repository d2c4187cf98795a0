import * as assert from "node:assert/strict";
import { securityGroupRuleDescriptions } from "../../../policies/ec2/securityGroupRuleDescriptions";
import { T } from "../helpers/fixtures";
import { details } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-security-group-rule-descriptions", () => {
    it("accepts a described group and described rules", () => {
        assert.deepEqual(check(securityGroupRuleDescriptions, T.sg, { description: "Web host", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS" }] }), []);
        assert.deepEqual(check(securityGroupRuleDescriptions, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS" }), []);
    });
    it("flags a group left with Pulumi's default description", () => {
        assert.match(details(check(securityGroupRuleDescriptions, T.sg, { description: "Managed by Pulumi" }))[0], /^web-sg: the security group has no description of its own/);
        assert.equal(check(securityGroupRuleDescriptions, T.sg, {}).length, 1);
    });
    it("flags an undescribed rule resource and inline rule", () => {
        assert.deepEqual(details(check(securityGroupRuleDescriptions, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443 })),
            ["web-sg: rule (tcp port 443) has no description. Set description to the reason for the rule, e.g. \"HTTPS from the internet\"."]);
        assert.equal(check(securityGroupRuleDescriptions, T.sg, { description: "x", egress: [{ protocol: "-1", fromPort: 0, toPort: 0 }] }).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { securityGroupRuleDescriptions } from "../../../policies/ec2/securityGroupRuleDescriptions";
import { res, T } from "../helpers/fixtures";
import { details, runStack, urnOf } from "../helpers/server";

const COMPONENT = "stagecraft:blocks:WebHost";

describe("ec2-security-group-rule-descriptions", () => {
    it("accepts a described group and described rules", () => {
        assert.deepEqual(runStack(securityGroupRuleDescriptions, [
            res(T.sg, "web-sg", { description: "Web host", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS" }] }),
            res(T.ingress, "web-https", { ipProtocol: "tcp", fromPort: 443, toPort: 443, description: "HTTPS" }),
        ]), []);
    });
    it("reports every undescribed group and rule of the stack once, listing them", () => {
        const diags = runStack(securityGroupRuleDescriptions, [
            res(T.sg, "web-sg", { description: "Managed by Pulumi", egress: [{ protocol: "-1", fromPort: 0, toPort: 0 }] }),
            res(T.ingress, "web-https", { ipProtocol: "tcp", fromPort: 443, toPort: 443 }),
            res(T.sg, "db-sg", { description: "Database" }),
        ]);
        assert.deepEqual(details(diags), ["web-sg: 2 security group resources lack descriptions: web-sg (the group itself, egress[0] (all traffic)), web-https (rule (tcp port 443)). "
            + "Set description on each to the reason for the group or rule, e.g. \"HTTPS from the internet\" (changing a group's own description replaces the group)."]);
        assert.equal(diags[0].enforcementLevel, "advisory");
    });
    it("reports once per component, on the component", () => {
        const diags = runStack(securityGroupRuleDescriptions, [
            res(COMPONENT, "web"), res(COMPONENT, "admin"),
            res(T.sg, "web-sg", {}, { parent: "web" }), res(T.ingress, "web-ssh", { ipProtocol: "tcp", fromPort: 22, toPort: 22 }, { parent: "web" }),
            res(T.sg, "admin-sg", {}, { parent: "admin" }),
        ]);
        assert.deepEqual(diags.map((d) => d.urn), [urnOf({ type: COMPONENT, name: "web" }), urnOf({ type: COMPONENT, name: "admin" })]);
        assert.match(diags[0].detail, /^web: 2 security group resources lack descriptions: web-sg \(the group itself\), web-ssh \(rule \(tcp port 22\)\)/);
    });
    it("takes its level from the stack's config", () => {
        assert.deepEqual(runStack(securityGroupRuleDescriptions, [res(T.sg, "sg", {})], { level: "mandatory" }).map((d) => d.enforcementLevel), ["mandatory"]);
        assert.deepEqual(runStack(securityGroupRuleDescriptions, [res(T.sg, "sg", {})], { level: "disabled" }), []);
    });
});

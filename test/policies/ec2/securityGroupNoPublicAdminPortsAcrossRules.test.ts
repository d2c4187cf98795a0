import * as assert from "node:assert/strict";
import { securityGroupNoPublicAdminPortsAcrossRules as policy } from "../../../policies/ec2/securityGroupNoPublicAdminPortsAcrossRules";
import { res, T } from "../helpers/fixtures";
import { details, runStack, UNKNOWN, urnOf } from "../helpers/server";

/** A vpc ingress rule resource of `group` as a preview sees it: securityGroupId unknown, linked by property dependency. */
function ingress(name: string, group: string, cidrIpv4: string, port = 22, ipProtocol = "tcp") {
    return res(T.ingress, name, { securityGroupId: UNKNOWN, ipProtocol, fromPort: port, toPort: port, cidrIpv4 }, { propertyDependencies: { securityGroupId: [group] } });
}

/** The 512 /9 blocks of 0.0.0.0/0 (none of them internet-wide alone). */
const NINES = Array.from({ length: 512 }, (_, i) => `${i >> 1}.${(i & 1) * 128}.0.0/9`);

describe("ec2-security-group-no-public-admin-ports-across-rules", () => {
    it("accepts a group whose separate SSH rules each come from an admin CIDR", () => {
        assert.deepEqual(runStack(policy, [
            res(T.sg, "admin-sg", { description: "admin" }),
            ingress("ssh-office", "admin-sg", "203.0.113.10/32"),
            ingress("ssh-vpn", "admin-sg", "198.51.100.0/24"),
        ]), []);
    });

    it("fails two rule resources whose two /9 halves of 1.0.0.0/8 together open SSH to the internet, on the group", () => {
        const diags = runStack(policy, [
            res(T.sg, "web-sg", { description: "web" }),
            ingress("ssh-low", "web-sg", "1.0.0.0/9"),
            ingress("ssh-high", "web-sg", "1.128.0.0/9"),
        ]);
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "mandatory");
        assert.equal(diags[0].urn, urnOf({ type: T.sg, name: "web-sg" }));
        assert.match(diags[0].detail, /^web-sg: its rules in 2 resources \(ssh-low, ssh-high\) together open SSH \(TCP port 22\) to the internet: 2 blocks across 2 rules \(1\.0\.0\.0\/9, 1\.128\.0\.0\/9\), which together cover an internet-wide range\. Allow it only from an admin CIDR/);
    });

    it("fails 512 rule resources of a /9 each, mixing rule spellings and the group's inline rules, in one violation", () => {
        const specs = [res(T.sg, "wide-sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [NINES[0]] }] })];
        NINES.slice(1).forEach((cidr, i) => specs.push(i % 2 === 0
            ? ingress(`ssh-${i}`, "wide-sg", cidr)
            : res(T.sgRule, `ssh-${i}`, { type: "ingress", securityGroupId: UNKNOWN, protocol: "6", fromPort: 0, toPort: 1024, cidrBlocks: [cidr] }, { propertyDependencies: { securityGroupId: ["wide-sg"] } })));
        const diags = runStack(policy, specs);
        assert.equal(diags.length, 1);
        assert.match(diags[0].detail, /^wide-sg: its rules in 512 resources \(wide-sg, ssh-0, ssh-1, .*together open SSH \(TCP port 22\) to the internet: 512 blocks across 512 rules/);
    });

    it("judges RDP the same way (UDP 3389 too)", () => {
        const diags = runStack(policy, [
            res(T.sg, "win-sg", {}),
            ingress("rdp-low", "win-sg", "1.0.0.0/9", 3389, "udp"),
            ingress("rdp-high", "win-sg", "1.128.0.0/9", 3389, "udp"),
        ]);
        assert.deepEqual(diags.map((d) => /RDP \(port 3389\)/.test(d.detail)), [true]);
    });

    it("does not join rules of different groups, other ports or egress", () => {
        assert.deepEqual(runStack(policy, [
            res(T.sg, "a-sg", {}), res(T.sg, "b-sg", {}),
            ingress("a-low", "a-sg", "1.0.0.0/9"),
            ingress("b-high", "b-sg", "1.128.0.0/9"),
            ingress("a-https", "a-sg", "1.128.0.0/9", 443),
            res(T.egress, "a-out", { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "1.128.0.0/9" }, { propertyDependencies: { securityGroupId: ["a-sg"] } }),
        ]), []);
    });

    it("leaves a rule that opens SSH to the world by itself to the per-resource policy (no second report)", () => {
        assert.deepEqual(runStack(policy, [
            res(T.sg, "web-sg", {}),
            ingress("ssh-world", "web-sg", "0.0.0.0/0"),
            ingress("ssh-low", "web-sg", "1.0.0.0/9"),
        ]), []);
    });

    it("joins rules by a known group id in apply mode, and rules of a group created elsewhere by that id", () => {
        const known = (name: string, id: string, cidr: string) => res(T.ingress, name, { securityGroupId: id, ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: cidr });
        const diags = runStack(policy, [
            res(T.sg, "web-sg", { id: "sg-0123456789abcdef0" }),
            known("ssh-low", "sg-0123456789abcdef0", "1.0.0.0/9"), known("ssh-high", "sg-0123456789abcdef0", "1.128.0.0/9"),
            known("ext-low", "sg-0fedcba987654321f", "1.0.0.0/9"), known("ext-high", "sg-0fedcba987654321f", "1.128.0.0/9"),
        ]);
        assert.deepEqual(details(diags).map((d) => d.split(":")[0]), ["web-sg", "ext-low"]);
        assert.match(diags[1].detail, /^ext-low: the rules of group sg-0fedcba987654321f in 2 resources \(ext-low, ext-high\)/);
    });

    it("notes, never fails, a rule whose group cannot be told during preview", () => {
        const diags = runStack(policy, [
            res(T.sg, "web-sg", {}),
            res(T.ingress, "ssh-low", { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "1.0.0.0/9" }, { propertyDependencies: { securityGroupId: [] } }),
            ingress("ssh-high", "web-sg", "1.128.0.0/9"),
        ]);
        assert.deepEqual(diags.map((d) => d.enforcementLevel), ["advisory"]);
        assert.match(diags[0].detail, /^ssh-low: securityGroupId is not known during preview, so whether this rule and the other rules of its group together open SSH \(TCP port 22\) to the internet cannot be checked yet/);
    });

    it("does not fail while a joined rule's CIDR is unknown (the per-resource policies note it)", () => {
        assert.deepEqual(runStack(policy, [
            res(T.sg, "web-sg", {}),
            ingress("ssh-low", "web-sg", "1.0.0.0/9"),
            ingress("ssh-high", "web-sg", UNKNOWN),
        ]).filter((d) => d.enforcementLevel === "mandatory"), []);
    });
});

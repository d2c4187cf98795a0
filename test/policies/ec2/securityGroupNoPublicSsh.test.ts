import * as assert from "node:assert/strict";
import { securityGroupNoPublicSsh } from "../../../policies/ec2/securityGroupNoPublicSsh";
import { T } from "../helpers/fixtures";
import { advisory, details, mandatory, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

const SSH_FIX = "Allow SSH only from an admin CIDR (for example 203.0.113.10/32), or remove the rule and use SSM Session Manager.";

describe("ec2-security-group-no-public-ssh", () => {
    describe("compliant", () => {
        it("allows SSH from an admin /32", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "203.0.113.10/32" }), []);
        });
        it("allows HTTPS from the world", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }), []);
        });
        it("allows SSH from the VPC or a peer security group", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.sg, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/16"], securityGroups: ["sg-1"] }] }), []);
        });
        it("ignores egress to port 22", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.egress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }), []);
            assert.deepEqual(check(securityGroupNoPublicSsh, T.sg, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }), []);
        });
        it("ignores UDP 22, which is not SSH", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "udp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }), []);
        });
        it("is silent on an unknown source when the rule cannot reach port 22", () => {
            assert.deepEqual(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: UNKNOWN }), []);
        });
    });

    describe("violating", () => {
        it("flags aws.vpc.SecurityGroupIngressRule tcp 22 from 0.0.0.0/0, naming the rule, the problem and the fix", () => {
            const diags = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", securityGroupId: UNKNOWN });
            assert.deepEqual(details(diags), [`web-sg: rule (tcp port 22) is open to 0.0.0.0/0 (the whole IPv4 internet), so SSH (TCP port 22) is reachable from the internet. ${SSH_FIX}`]);
            assert.equal(diags[0].enforcementLevel, "mandatory");
        });
        it("flags ::/0 on cidrIpv6", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" }))[0], /open to ::\/0 \(the whole IPv6 internet\)/);
        });
        it("flags protocol -1 (all traffic)", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }))[0], /^web-sg: rule \(all traffic\) is open to 0\.0\.0\.0\/0/);
        });
        it("flags a port range containing 22", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 20, toPort: 25, cidrIpv4: "0.0.0.0/0" }))[0], /rule \(tcp ports 20-25\)/);
        });
        it("flags the numeric protocol 6", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "6", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" })).length, 1);
        });
        it("flags aws.ec2.SecurityGroupRule of type ingress", () => {
            const d = check(securityGroupNoPublicSsh, T.sgRule, { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], securityGroupId: UNKNOWN });
            assert.equal(mandatory(d).length, 1);
        });
        it("flags aws.ec2.SecurityGroupRule with protocol \"all\" on IPv6", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.sgRule, { type: "ingress", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] })).length, 1);
        });
        it("flags an inline ingress block on the group, naming its position", () => {
            const d = check(securityGroupNoPublicSsh, T.sg, { ingress: [
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"] },
            ] });
            assert.deepEqual(details(d), [`web-sg: ingress[1] (tcp port 22) is open to 0.0.0.0/0 (the whole IPv4 internet), so SSH (TCP port 22) is reachable from the internet. ${SSH_FIX}`]);
        });
        it("flags 0.0.0.0/0 split into two halves, once per half", () => {
            const d = check(securityGroupNoPublicSsh, T.sg, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }] });
            assert.equal(mandatory(d).length, 2);
            assert.match(details(d)[0], /0\.0\.0\.0\/1 \(an internet-wide range of 2\^31 addresses\)/);
        });
        it("flags the default security group's inline rules", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.defaultSg, { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })).length, 1);
        });
    });

    describe("unknown inputs", () => {
        it("notes (advisory) a port-22 rule whose source is unknown during preview", () => {
            const d = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: UNKNOWN });
            assert.deepEqual(details(d), ["web-sg: cidrIpv4 is not known during preview, so whether rule (tcp port 22) opens SSH (TCP port 22) to the internet cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
            assert.equal(d[0].enforcementLevel, "advisory");
        });
        it("notes a world rule whose ports are unknown", () => {
            const d = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrIpv4: "0.0.0.0/0" });
            assert.equal(advisory(d).length, 1);
            assert.match(details(d)[0], /^web-sg: fromPort\/toPort is not known during preview/);
        });
        it("notes a group whose whole ingress list is unknown", () => {
            assert.match(details(check(securityGroupNoPublicSsh, T.sg, { ingress: UNKNOWN }))[0], /^web-sg: ingress is not known during preview/);
        });
        it("still flags a known-bad rule whose group id is unknown", () => {
            assert.equal(mandatory(check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", securityGroupId: UNKNOWN })).length, 1);
        });
    });

    it("skips a rule listed in exemptions", () => {
        const d = check(securityGroupNoPublicSsh, T.ingress, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" },
            { config: { exemptions: [{ resource: "web-*", reason: "bastion under incident response" }] } });
        assert.deepEqual(d, []);
    });
});

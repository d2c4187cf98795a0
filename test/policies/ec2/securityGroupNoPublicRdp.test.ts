import * as assert from "node:assert/strict";
import { securityGroupNoPublicRdp } from "../../../policies/ec2/securityGroupNoPublicRdp";
import { T } from "../helpers/fixtures";
import { advisory, details, mandatory, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-security-group-no-public-rdp", () => {
    it("allows RDP from an admin network", () => {
        assert.deepEqual(check(securityGroupNoPublicRdp, T.ingress, { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "198.51.100.0/24" }), []);
    });
    it("flags TCP 3389 from the world", () => {
        assert.deepEqual(details(check(securityGroupNoPublicRdp, T.ingress, { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" })),
            ["web-sg: rule (tcp port 3389) is open to 0.0.0.0/0 (the whole IPv4 internet), so RDP (port 3389) is reachable from the internet. Allow RDP only from an admin CIDR, or remove the rule and use SSM Fleet Manager."]);
    });
    it("flags UDP 3389, which RDP also uses", () => {
        assert.equal(mandatory(check(securityGroupNoPublicRdp, T.sgRule, { type: "ingress", protocol: "udp", fromPort: 3389, toPort: 3389, ipv6CidrBlocks: ["::/0"] })).length, 1);
    });
    it("flags a range containing 3389 inline", () => {
        assert.equal(mandatory(check(securityGroupNoPublicRdp, T.sg, { ingress: [{ protocol: "tcp", fromPort: 3000, toPort: 4000, cidrBlocks: ["0.0.0.0/0"] }] })).length, 1);
    });
    it("notes an RDP rule with an unknown source", () => {
        assert.equal(advisory(check(securityGroupNoPublicRdp, T.ingress, { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: UNKNOWN })).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { securityGroupNoPublicAllPorts } from "../../../policies/ec2/securityGroupNoPublicAllPorts";
import { T } from "../helpers/fixtures";
import { advisory, details, mandatory, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-security-group-no-public-all-ports", () => {
    it("allows all traffic inside the VPC", () => {
        assert.deepEqual(check(securityGroupNoPublicAllPorts, T.ingress, { ipProtocol: "-1", cidrIpv4: "10.0.0.0/16" }), []);
    });
    it("allows a wide but partial range", () => {
        assert.deepEqual(check(securityGroupNoPublicAllPorts, T.ingress, { ipProtocol: "tcp", fromPort: 1024, toPort: 65535, cidrIpv4: "0.0.0.0/0" }), []);
    });
    it("flags all protocols from the world", () => {
        assert.deepEqual(details(check(securityGroupNoPublicAllPorts, T.ingress, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" })),
            ["web-sg: rule (all traffic) is open to 0.0.0.0/0 (the whole IPv4 internet) on every port. Open only the ports the service needs (for a web server: 80 and 443)."]);
    });
    it("flags TCP 0-65535 inline", () => {
        assert.equal(mandatory(check(securityGroupNoPublicAllPorts, T.sg, { ingress: [{ protocol: "tcp", fromPort: 0, toPort: 65535, ipv6CidrBlocks: ["::/0"] }] })).length, 1);
    });
    it("notes an all-traffic rule with an unknown source", () => {
        assert.equal(advisory(check(securityGroupNoPublicAllPorts, T.sgRule, { type: "ingress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: UNKNOWN })).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { securityGroupPublicIngressAllowlist } from "../../../policies/ec2/securityGroupPublicIngressAllowlist";
import { T } from "../helpers/fixtures";
import { details } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-security-group-public-ingress-allowlist", () => {
    it("accepts 80 and 443 from the world", () => {
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }), []);
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 80, toPort: 80, cidrIpv6: "::/0" }), []);
    });
    it("accepts ICMP from the world", () => {
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "icmp", fromPort: 8, toPort: 0, cidrIpv4: "0.0.0.0/0" }), []);
    });
    it("flags an app port open to the world, advisory by default", () => {
        const d = check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 5000, toPort: 5000, cidrIpv4: "0.0.0.0/0" });
        assert.deepEqual(details(d), ["web-sg: rule (tcp port 5000) is open to 0.0.0.0/0 (the whole IPv4 internet), beyond the ports allowed from the internet (80, 443). "
            + "Restrict the source, put the service behind the load balancer, or add the port to allowedPorts in the policy config."]);
        assert.equal(d[0].enforcementLevel, "advisory");
    });
    it("accepts a port the config allows", () => {
        assert.deepEqual(check(securityGroupPublicIngressAllowlist, T.ingress, { ipProtocol: "tcp", fromPort: 5000, toPort: 5000, cidrIpv4: "0.0.0.0/0" }, { config: { allowedPorts: [80, 443, 5000] } }), []);
    });
});

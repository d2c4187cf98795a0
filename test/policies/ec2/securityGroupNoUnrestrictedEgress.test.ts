import * as assert from "node:assert/strict";
import { securityGroupNoUnrestrictedEgress as policy } from "../../../policies/ec2/securityGroupNoUnrestrictedEgress";
import { res, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

describe("ec2-security-group-no-unrestricted-egress", () => {
    it("accepts egress on named ports, to restricted ranges, and all-traffic ingress is not its business", () => {
        assert.deepEqual(runResource(policy, res(T.sg, "app", { egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }] })), []);
        assert.deepEqual(runResource(policy, res(T.egress, "https", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })), []);
        assert.deepEqual(runResource(policy, res(T.sg, "none", {})), [], "a group without egress rules allows no outbound traffic");
    });
    it("flags all-traffic egress to the world in every spelling, as advisory", () => {
        const inline = runResource(policy, res(T.sg, "app", { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }));
        assert.deepEqual(details(inline), ["app: egress[0] (all traffic) allows all outbound traffic to 0.0.0.0/0 (the whole IPv4 internet), so a compromised workload can reach any host and port on the internet (exfiltration, command and control). "
            + "Allow only the ports it uses (e.g. TCP 443) or the prefix lists and VPC endpoints of the services it calls."]);
        assert.equal(inline[0].enforcementLevel, "advisory");
        assert.equal(runResource(policy, res(T.egress, "all6", { ipProtocol: "-1", cidrIpv6: "::/0" })).length, 1);
        assert.equal(runResource(policy, res(T.sgRule, "tcp-all", { type: "egress", protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/1"] })).length, 1);
    });
    it("notes, never fails, an egress list or protocol unknown during preview", () => {
        assert.deepEqual(runResource(policy, res(T.sg, "app", { egress: UNKNOWN })).map((d) => d.enforcementLevel), ["advisory"]);
        const d = runResource(policy, res(T.egress, "x", { ipProtocol: UNKNOWN, cidrIpv4: "0.0.0.0/0" }), { level: "mandatory" });
        assert.deepEqual(d.map((x) => x.enforcementLevel), ["advisory"]);
        assert.match(d[0].detail, /protocol is not known during preview/);
    });
});

import * as assert from "node:assert/strict";
import { describeOpen, reachesAllPorts, reachesBeyond, reachesPort, worldIngress } from "../../../policies/lib/exposure";
import { rulesOf, SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_INGRESS_RULE } from "../../../policies/lib/sgrules";
import { type Rec, UNKNOWN } from "../../../policies/lib/values";
import { UNKNOWN as WIRE_UNKNOWN } from "../helpers/server";

const ssh = reachesPort({ port: 22, protocols: ["tcp"], label: "SSH" });

function verdicts(type: string, props: Rec, matcher = ssh) {
    return worldIngress(rulesOf(type, props), matcher);
}

describe("policies/lib/exposure", () => {
    it("finds a rule that opens the port to the world", () => {
        const [v] = verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" });
        assert.equal(v.kind, "open");
        assert.equal(v.kind === "open" && describeOpen(v), "rule (tcp port 22) is open to 0.0.0.0/0 (the whole IPv4 internet)");
    });

    it("counts port ranges that contain the port and all-traffic rules", () => {
        assert.equal(verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 1, toPort: 1024, cidrIpv4: "0.0.0.0/0" }).length, 1);
        assert.equal(verdicts(VPC_INGRESS_RULE, { ipProtocol: "-1", cidrIpv6: "::/0" }).length, 1);
        assert.equal(verdicts(SECURITY_GROUP, { ingress: [{ protocol: "all", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }).length, 1);
    });

    it("reports one verdict per public source of a rule", () => {
        assert.equal(verdicts(SECURITY_GROUP, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"], ipv6CidrBlocks: ["::/0"] }] }).length, 3);
    });

    it("ignores egress, other ports, other protocols and restricted sources", () => {
        assert.deepEqual(verdicts(SECURITY_GROUP_RULE, { type: "egress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }), []);
        assert.deepEqual(verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 23, toPort: 80, cidrIpv4: "0.0.0.0/0" }), []);
        assert.deepEqual(verdicts(VPC_INGRESS_RULE, { ipProtocol: "udp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }), []);
        assert.deepEqual(verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "203.0.113.10/32" }), []);
        assert.deepEqual(verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 22, toPort: 22, referencedSecurityGroupId: "sg-1" }), []);
    });

    it("cannot decide a world rule whose ports, protocol or direction are unknown", () => {
        const ports = verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: WIRE_UNKNOWN, toPort: WIRE_UNKNOWN, cidrIpv4: "0.0.0.0/0" });
        assert.deepEqual(ports.map((v) => v.kind === "unknown" && v.field), ["fromPort/toPort"]);
        const protocol = verdicts(SECURITY_GROUP, { ingress: [{ protocol: WIRE_UNKNOWN, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });
        assert.deepEqual(protocol.map((v) => v.kind === "unknown" && v.field), ["ingress[0].protocol"]);
        const direction = verdicts(SECURITY_GROUP_RULE, { type: WIRE_UNKNOWN, protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] });
        assert.deepEqual(direction.map((v) => v.kind === "unknown" && v.field), ["type"]);
    });

    it("cannot decide a rule on the port whose source is unknown", () => {
        const v = verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: WIRE_UNKNOWN });
        assert.deepEqual(v.map((x) => x.kind === "unknown" && x.field), ["cidrIpv4"]);
    });

    it("does not flag an unknown source on a rule that cannot reach the port", () => {
        assert.deepEqual(verdicts(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: WIRE_UNKNOWN }), []);
    });

    it("reports a rule open to the world even when another of its sources is unknown", () => {
        const v = verdicts(SECURITY_GROUP, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [WIRE_UNKNOWN, "0.0.0.0/0"] }] });
        assert.deepEqual(v.map((x) => x.kind), ["open"]);
    });

    it("matches all-port rules: all traffic or every TCP/UDP port, not wide-but-partial ranges", () => {
        const allPorts = (props: Rec) => verdicts(VPC_INGRESS_RULE, { cidrIpv4: "0.0.0.0/0", ...props }, reachesAllPorts).length;
        assert.equal(allPorts({ ipProtocol: "-1" }), 1);
        assert.equal(allPorts({ ipProtocol: "tcp", fromPort: 0, toPort: 65535 }), 1);
        assert.equal(allPorts({ ipProtocol: "udp", fromPort: 1, toPort: 65535 }), 1);
        assert.equal(allPorts({ ipProtocol: "tcp", fromPort: 1024, toPort: 65535 }), 0);
        assert.equal(allPorts({ ipProtocol: "icmp", fromPort: -1, toPort: -1 }), 0);
    });

    it("matches traffic beyond an allow-list, ignoring ICMP and counting other IP protocols", () => {
        const beyond = (props: Rec) => verdicts(VPC_INGRESS_RULE, { cidrIpv4: "0.0.0.0/0", ...props }, reachesBeyond([80, 443])).length;
        assert.equal(beyond({ ipProtocol: "tcp", fromPort: 443, toPort: 443 }), 0);
        assert.equal(beyond({ ipProtocol: "tcp", fromPort: 80, toPort: 81 }), 1);
        assert.equal(beyond({ ipProtocol: "tcp", fromPort: 8000, toPort: 8000 }), 1);
        assert.equal(beyond({ ipProtocol: "icmp", fromPort: 8, toPort: 0 }), 0);
        assert.equal(beyond({ ipProtocol: "50" }), 1);
        assert.equal(beyond({ ipProtocol: "-1" }), 1);
    });

    it("returns nothing for an unknown rule list (callers see the placeholder rule instead)", () => {
        assert.deepEqual(worldIngress(UNKNOWN, ssh), []);
    });
});

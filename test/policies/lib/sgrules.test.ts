import * as assert from "node:assert/strict";
import {
    DEFAULT_SECURITY_GROUP, describeRule, type NormalizedRule, rulesOf, SECURITY_GROUP, SECURITY_GROUP_RULE, VPC_EGRESS_RULE, VPC_INGRESS_RULE,
} from "../../../policies/lib/sgrules";
import { plainProps, UNKNOWN } from "../../../policies/lib/values";
import { serverProps, UNKNOWN as WIRE_UNKNOWN } from "../helpers/server";

function rules(type: string, props: Record<string, unknown>): readonly NormalizedRule[] {
    const r = rulesOf(type, plainProps(serverProps(props)));
    if (r === UNKNOWN) throw new Error("unexpected unknown rule list");
    return r;
}

describe("policies/lib/sgrules", () => {
    it("normalises inline ingress and egress blocks of a security group with their positions", () => {
        const r = rules(SECURITY_GROUP, {
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "https" }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        });
        assert.equal(r.length, 2);
        assert.deepEqual(r[0], {
            direction: "ingress", protocol: "tcp", ports: { from: 443, to: 443 },
            peers: [{ kind: "cidr", cidr: "0.0.0.0/0", exposure: "world" }, { kind: "cidr", cidr: "::/0", exposure: "world" }],
            description: "https", location: "ingress[0]",
        });
        assert.equal(r[1].direction, "egress");
        assert.equal(r[1].protocol, "all");
        assert.equal(r[1].ports, undefined);
    });

    it("reads the default security group's inline rules the same way", () => {
        assert.equal(rules(DEFAULT_SECURITY_GROUP, { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] })[0].peers[0].kind, "other");
    });

    it("reads aws.ec2.SecurityGroupRule's type, ports and every kind of peer", () => {
        const [r] = rules(SECURITY_GROUP_RULE, {
            type: "ingress", protocol: "6", fromPort: 20, toPort: 25, cidrBlocks: ["10.0.0.0/8"], sourceSecurityGroupId: WIRE_UNKNOWN,
        });
        assert.equal(r.direction, "ingress");
        assert.equal(r.protocol, "tcp");
        assert.deepEqual(r.ports, { from: 20, to: 25 });
        assert.deepEqual(r.peers.map((p) => p.kind), ["cidr", "other"]);
        assert.equal(r.location, "");
        assert.equal(rules(SECURITY_GROUP_RULE, { type: "egress", protocol: "tcp", fromPort: 1, toPort: 2 })[0].direction, "egress");
    });

    it("reads aws.vpc.SecurityGroupIngressRule and EgressRule (one CIDR each, ipProtocol)", () => {
        const [i] = rules(VPC_INGRESS_RULE, { ipProtocol: "-1", cidrIpv6: "::/0" });
        assert.equal(i.direction, "ingress");
        assert.equal(i.protocol, "all");
        assert.deepEqual(i.peers, [{ kind: "cidr", cidr: "::/0", exposure: "world" }]);
        assert.equal(rules(VPC_EGRESS_RULE, { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })[0].direction, "egress");
    });

    it("keeps unknown values visible: peers, ports, protocol and direction", () => {
        const [r] = rules(SECURITY_GROUP_RULE, { type: WIRE_UNKNOWN, protocol: WIRE_UNKNOWN, fromPort: 22, toPort: 22, cidrBlocks: [WIRE_UNKNOWN] });
        assert.equal(r.direction, UNKNOWN);
        assert.equal(r.protocol, UNKNOWN);
        assert.deepEqual(r.peers, [{ kind: "unknown", field: "cidrBlocks" }]);
        const [p] = rules(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: WIRE_UNKNOWN, toPort: 22, cidrIpv4: "0.0.0.0/0" });
        assert.equal(p.ports, UNKNOWN);
    });

    it("marks an unknown inline rule list with a placeholder rule and keeps the known side", () => {
        const r = rules(SECURITY_GROUP, { ingress: WIRE_UNKNOWN, egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
        assert.deepEqual(r.map((x) => x.location), ["egress[0]", "ingress"]);
        assert.deepEqual(r[1].peers, [{ kind: "unknown", field: "ingress" }]);
    });

    it("carries no rules for a group without inline blocks or for unrelated types", () => {
        assert.deepEqual(rules(SECURITY_GROUP, { description: "web" }), []);
        assert.deepEqual(rules("aws:s3/bucket:Bucket", {}), []);
    });

    it("describes rules for messages", () => {
        assert.equal(describeRule(rules(VPC_INGRESS_RULE, { ipProtocol: "tcp", fromPort: 20, toPort: 25, cidrIpv4: "1.2.3.4/32" })[0]), "rule (tcp ports 20-25)");
        assert.equal(describeRule(rules(SECURITY_GROUP, { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0 }] })[0]), "ingress[0] (all traffic)");
        assert.equal(describeRule(rules(VPC_INGRESS_RULE, { ipProtocol: "icmp", fromPort: 8, toPort: 0 })[0]), "rule (icmp)");
    });
});

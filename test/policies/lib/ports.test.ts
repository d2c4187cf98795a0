import * as assert from "node:assert/strict";
import { describeRange, includesPort, isAllPorts, parseProtocol, portRange } from "../../../policies/lib/ports";
import { UNKNOWN } from "../../../policies/lib/values";

describe("policies/lib/ports", () => {
    it("reads every spelling of all-traffic, TCP and UDP", () => {
        for (const all of ["-1", "all", "ALL", -1]) assert.equal(parseProtocol(all), "all", String(all));
        for (const tcp of ["tcp", "TCP", "6", 6]) assert.equal(parseProtocol(tcp), "tcp", String(tcp));
        for (const udp of ["udp", "17"]) assert.equal(parseProtocol(udp), "udp", udp);
        assert.equal(parseProtocol("icmp"), "icmp");
        assert.equal(parseProtocol("58"), "icmpv6");
    });

    it("keeps other IP protocols by number and flags nonsense", () => {
        assert.equal(parseProtocol("50"), "ip-50");
        assert.equal(parseProtocol("smtp"), "invalid");
        assert.equal(parseProtocol(UNKNOWN), UNKNOWN);
        assert.equal(parseProtocol(undefined), undefined);
    });

    it("orders reversed ends and widens missing or -1 ends to the full range", () => {
        assert.deepEqual(portRange(25, 20), { from: 20, to: 25 });
        assert.deepEqual(portRange(undefined, undefined), { from: 0, to: 65535 });
        assert.deepEqual(portRange(-1, -1), { from: 0, to: 65535 });
        assert.equal(portRange(UNKNOWN, 22), UNKNOWN);
    });

    it("checks port membership and all-port ranges", () => {
        assert.equal(includesPort({ from: 20, to: 25 }, 22), true);
        assert.equal(includesPort({ from: 23, to: 25 }, 22), false);
        assert.equal(isAllPorts({ from: 0, to: 65535 }), true);
        assert.equal(isAllPorts({ from: 1, to: 65535 }), true);
        assert.equal(isAllPorts({ from: 1024, to: 65535 }), false);
        assert.equal(describeRange({ from: 22, to: 22 }), "port 22");
        assert.equal(describeRange({ from: 20, to: 25 }), "ports 20-25");
    });
});

import * as assert from "node:assert/strict";
import { vpcLayout } from "../../components/blocks/network/layout";

describe("network layout", () => {
    it("phase 1: public subnets only, no NAT gateway (costs nothing)", () => {
        const layout = vpcLayout({ cidrBlock: "10.0.0.0/16", availabilityZones: 2, privateSubnets: false, natStrategy: "none", ipv6: false });
        assert.deepEqual(layout.subnetSpecs, [{ type: "Public", cidrMask: 20 }]);
        assert.deepEqual(layout.natGateways, { strategy: "None" });
        assert.equal(layout.numberOfAvailabilityZones, 2);
        assert.equal(layout.assignGeneratedIpv6CidrBlock, false);
    });

    it("IPv6 assigns a VPC block and addresses in public subnets", () => {
        const layout = vpcLayout({ cidrBlock: "10.0.0.0/16", availabilityZones: 1, privateSubnets: false, natStrategy: "none", ipv6: true });
        assert.equal(layout.assignGeneratedIpv6CidrBlock, true);
        assert.equal(layout.subnetSpecs[0].assignIpv6AddressOnCreation, true);
    });

    it("private subnets map NAT strategies onto awsx explicitly, never awsx's per-AZ default by omission", () => {
        const base = { cidrBlock: "10.0.0.0/16", availabilityZones: 2, privateSubnets: true, ipv6: false };
        assert.equal(vpcLayout({ ...base, natStrategy: "gateway" }).natGateways.strategy, "Single");
        assert.equal(vpcLayout({ ...base, natStrategy: "gateway-per-az" }).natGateways.strategy, "OnePerAz");
        assert.equal(vpcLayout({ ...base, natStrategy: "none" }).natGateways.strategy, "None");
        assert.deepEqual(vpcLayout({ ...base, natStrategy: "none" }).subnetSpecs.map((s) => s.type), ["Public", "Private"]);
    });

    it("refuses NAT without private subnets", () => {
        assert.throws(() => vpcLayout({ cidrBlock: "10.0.0.0/16", availabilityZones: 2, privateSubnets: false, natStrategy: "gateway", ipv6: false }), /needs private subnets/);
    });
});

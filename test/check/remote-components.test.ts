import * as assert from "node:assert/strict";
import { isRemoteComponentType, remoteComponentOutputs } from "../../tools/mocks/remote-components";
import { UNKNOWN } from "../../tools/mocks/unknown";

describe("awsx remote component outputs", () => {
    it("knows which types are remote components", () => {
        assert.equal(isRemoteComponentType("awsx:ec2:Vpc"), true);
        assert.equal(isRemoteComponentType("awsx:ec2:DefaultVpc"), true);
        assert.equal(isRemoteComponentType("aws:ec2/vpc:Vpc"), false);
        assert.equal(isRemoteComponentType("stagecraft:network:Network"), false);
        assert.equal(remoteComponentOutputs("aws:s3/bucket:Bucket", "b", {}, { preview: false }), undefined);
    });

    it("lays out public and private subnets per AZ with no NAT when asked", () => {
        const out = remoteComponentOutputs(
            "awsx:ec2:Vpc",
            "net",
            {
                cidrBlock: "10.20.0.0/16",
                numberOfAvailabilityZones: 2,
                subnetSpecs: [{ type: "Public", cidrMask: 24 }, { type: "Private", cidrMask: 20 }],
                natGateways: { strategy: "None" },
            },
            { preview: false },
        )!;
        const subnets = out.subnets as Array<{ cidrBlock: string; availabilityZone: string; tags: Record<string, string> }>;
        assert.equal(subnets.length, 4);
        assert.deepEqual(subnets.map((s) => s.cidrBlock), ["10.20.0.0/24", "10.20.16.0/20", "10.20.128.0/24", "10.20.144.0/20"]);
        assert.deepEqual(subnets.map((s) => s.availabilityZone), ["us-east-1a", "us-east-1a", "us-east-1b", "us-east-1b"]);
        assert.equal((out.publicSubnetIds as string[]).length, 2);
        assert.equal((out.privateSubnetIds as string[]).length, 2);
        assert.deepEqual(out.natGateways, []);
        assert.deepEqual(out.eips, []);
        assert.match(out.vpcId as string, /^vpc-0[0-9a-f]{16}$/);
        assert.equal(subnets[0].tags.SubnetType, "Public");
    });

    it("creates one NAT gateway and EIP for the Single strategy, routing every private subnet through it", () => {
        const out = remoteComponentOutputs(
            "awsx:ec2:Vpc",
            "net",
            { numberOfAvailabilityZones: 3, natGateways: { strategy: "Single" } },
            { preview: false },
        )!;
        const nats = out.natGateways as Array<{ id: string }>;
        assert.equal(nats.length, 1);
        assert.equal((out.eips as unknown[]).length, 1);
        const natRoutes = (out.routes as Array<{ natGatewayId?: string }>).filter((r) => r.natGatewayId);
        assert.equal(natRoutes.length, 3);
        assert.ok(natRoutes.every((r) => r.natGatewayId === nats[0].id));
    });

    it("defaults to awsx's NAT gateway per AZ when public and private subnets exist", () => {
        const out = remoteComponentOutputs("awsx:ec2:Vpc", "net", {}, { preview: false })!;
        assert.equal((out.natGateways as unknown[]).length, 3);
        assert.equal((out.subnets as unknown[]).length, 6);
    });

    it("reports ids, ARNs and IPs as unknown in preview but keeps CIDRs known", () => {
        const out = remoteComponentOutputs("awsx:ec2:Vpc", "net", { natGateways: { strategy: "Single" } }, { preview: true })!;
        assert.equal(out.vpcId, UNKNOWN);
        assert.ok((out.privateSubnetIds as string[]).every((id) => id === UNKNOWN));
        const subnets = out.subnets as Array<{ id: string; cidrBlock: string }>;
        assert.equal(subnets[0].id, UNKNOWN);
        assert.equal(subnets[0].cidrBlock, "10.0.0.0/19");
        assert.equal((out.eips as Array<{ publicIp: string }>)[0].publicIp, UNKNOWN);
    });

    it("answers the default VPC with stable ids even in preview", () => {
        const out = remoteComponentOutputs("awsx:ec2:DefaultVpc", "default", {}, { preview: true })!;
        assert.match(out.vpcId as string, /^vpc-/);
        assert.equal((out.publicSubnetIds as string[]).length, 3);
    });
});

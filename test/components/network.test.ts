import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { type NatStrategy } from "../../components/config/settings";
import { defaultGatewayEndpoints, natMonthlyCost, routeTablesForSubnets, vpcLayout } from "../../components/blocks/network/layout";
import { natEgress, natIngress, natUserData } from "../../components/blocks/network/nat";
import { Network, type NetworkArgs } from "../../components/blocks/network/network";
import { expandRules } from "../../components/blocks/security/ruleSpecs";
import { type Registration, remoteComponentOutputs } from "../../tools/mocks";
import { named, ofType, runWithMocks, valueOf } from "../helpers/pulumi";

const TAGS = { project: "chat", environment: "staging", owner: "platform-team" };
const PRIVATE = { cidrBlock: "10.0.0.0/16", availabilityZones: 2, privateSubnets: true, ipv6: false };

interface Built { network: Network; registrations: Registration[] }

async function build(overrides: Partial<NetworkArgs>): Promise<Built> {
    const args: NetworkArgs = { ...PRIVATE, natStrategy: "none", tags: TAGS, ...overrides };
    const { result, registrations } = await runWithMocks(() => new Network("chat-staging-network", args));
    return { network: result, registrations };
}

describe("network decisions (pure)", () => {
    describe("NAT strategy per config", () => {
        const layout = (natStrategy: NatStrategy) => vpcLayout({ ...PRIVATE, natStrategy });

        it("none: public and private subnets, no NAT gateway", () => {
            assert.deepEqual(layout("none").subnetSpecs.map((s) => s.type), ["Public", "Private"]);
            assert.equal(layout("none").natGateways.strategy, "None");
        });

        it("instance: awsx builds no NAT gateway (the NAT instance is ours)", () => {
            assert.equal(layout("instance").natGateways.strategy, "None");
            assert.deepEqual(layout("instance").subnetSpecs.map((s) => s.type), ["Public", "Private"]);
        });

        it("gateway: one NAT gateway for every AZ", () => {
            assert.equal(layout("gateway").natGateways.strategy, "Single");
        });

        it("gateway-per-az: one NAT gateway per AZ", () => {
            assert.equal(layout("gateway-per-az").natGateways.strategy, "OnePerAz");
        });

        it("two AZs of a /16 give /20 public and private subnets", () => {
            assert.deepEqual(layout("instance").subnetSpecs.map((s) => s.cidrMask), [20, 20]);
            assert.equal(layout("instance").numberOfAvailabilityZones, 2);
        });

        it("a NAT instance without private subnets is refused", () => {
            assert.throws(() => vpcLayout({ ...PRIVATE, privateSubnets: false, natStrategy: "instance" }), /needs private subnets/);
        });
    });

    describe("NAT cost per month (us-east-1)", () => {
        it("none costs nothing", () => {
            assert.equal(natMonthlyCost("none", 2).monthlyUsd, 0);
        });

        it("a NAT instance is about $7.36 with no per-GB charge", () => {
            assert.deepEqual([natMonthlyCost("instance", 2).monthlyUsd, natMonthlyCost("instance", 2).perGbProcessedUsd], [7.36, 0]);
        });

        it("one NAT gateway is $36.50 plus $0.045/GB", () => {
            assert.deepEqual([natMonthlyCost("gateway", 2).monthlyUsd, natMonthlyCost("gateway", 2).perGbProcessedUsd], [36.5, 0.045]);
        });

        it("a NAT gateway per AZ is $36.50 per AZ", () => {
            assert.equal(natMonthlyCost("gateway-per-az", 2).monthlyUsd, 73);
            assert.equal(natMonthlyCost("gateway-per-az", 3).monthlyUsd, 109.5);
        });
    });

    it("private subnets get free S3 and DynamoDB gateway endpoints; public-only networks none", () => {
        assert.deepEqual(defaultGatewayEndpoints(true), ["s3", "dynamodb"]);
        assert.deepEqual(defaultGatewayEndpoints(false), []);
    });

    it("route tables are matched to subnets through their associations, in subnet order", () => {
        const links = [
            { subnetId: "subnet-pub1", routeTableId: "rtb-pub1" },
            { subnetId: "subnet-priv2", routeTableId: "rtb-priv2" },
            { subnetId: "subnet-priv1", routeTableId: "rtb-priv1" },
        ];
        assert.deepEqual(routeTablesForSubnets(["subnet-priv1", "subnet-priv2"], links), ["rtb-priv1", "rtb-priv2"]);
    });

    it("a private subnet without a route table is an error naming the subnet", () => {
        assert.throws(() => routeTablesForSubnets(["subnet-x"], []), /subnet-x/);
    });

    it("the NAT instance admits the forwarded ports from the VPC only and sends them to the world", () => {
        const view = (rules: ReturnType<typeof expandRules>) => rules.map((r) => `${r.ipProtocol} ${r.fromPort} ${r.cidrIpv4}`);
        assert.deepEqual(view(expandRules(natIngress("10.0.0.0/16"))), ["tcp 443 10.0.0.0/16", "tcp 80 10.0.0.0/16"]);
        assert.deepEqual(view(expandRules(natEgress())), ["tcp 443 0.0.0.0/0", "tcp 80 0.0.0.0/0"]);
        assert.deepEqual(view(expandRules(natIngress("10.0.0.0/16", [443, 27017]))), ["tcp 443 10.0.0.0/16", "tcp 27017 10.0.0.0/16"]);
    });

    it("the NAT user data forwards and masquerades only the VPC's traffic, and is valid bash", () => {
        const script = natUserData("10.0.0.0/16");
        assert.match(script, /net\.ipv4\.ip_forward = 1/);
        assert.match(script, /-t nat -A POSTROUTING -o "\$iface" -s '10\.0\.0\.0\/16' -j MASQUERADE/);
        assert.match(script, /-A FORWARD -j DROP/);
        assert.match(script, /service iptables save/);
        const result = spawnSync("bash", ["-n"], { input: script, encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
    });
});

describe("Network under mocks", function () {
    describe("natStrategy instance", () => {
        let built: Built;
        before(async () => { built = await build({ natStrategy: "instance" }); });

        it("asks awsx for public and private subnets and no NAT gateway", () => {
            const [vpc] = ofType(built.registrations, "awsx:ec2:Vpc");
            assert.deepEqual(vpc.inputs.subnetSpecs.map((s: { type: string }) => s.type), ["Public", "Private"]);
            assert.deepEqual(vpc.inputs.natGateways, { strategy: "None" });
        });

        it("runs a t4g.nano NAT instance in a public subnet with a public IP and source/dest check off", () => {
            const nat = named(built.registrations, "chat-staging-network-nat");
            assert.equal(nat.type, "aws:ec2/instance:Instance");
            assert.equal(nat.inputs.instanceType, "t4g.nano");
            assert.equal(nat.inputs.sourceDestCheck, false);
            assert.equal(nat.inputs.associatePublicIpAddress, true);
            assert.match(nat.inputs.subnetId, /^subnet-/);
        });

        it("the NAT instance requires IMDSv2 with hop limit 1 and has an encrypted gp3 root volume", () => {
            const nat = named(built.registrations, "chat-staging-network-nat");
            assert.equal(nat.inputs.metadataOptions.httpTokens, "required");
            assert.equal(nat.inputs.metadataOptions.httpPutResponseHopLimit, 1);
            assert.deepEqual([nat.inputs.rootBlockDevice.volumeType, nat.inputs.rootBlockDevice.encrypted], ["gp3", true]);
        });

        it("the NAT instance boots the arm64 Amazon Linux 2023 image and masquerades the VPC CIDR", () => {
            const nat = named(built.registrations, "chat-staging-network-nat");
            assert.match(nat.inputs.ami, /^ami-/);
            assert.match(nat.inputs.userData, /-s '10\.0\.0\.0\/16' -j MASQUERADE/);
            assert.equal(nat.inputs.iamInstanceProfile, undefined, "no role: the NAT calls no AWS API");
        });

        it("the NAT security group admits only 80 and 443 from the VPC CIDR and sends them to the world", () => {
            const rules = (type: string) => ofType(built.registrations, type)
                .filter((r) => r.name.startsWith("chat-staging-network-nat-sg"))
                .map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort} ${r.inputs.cidrIpv4}`).sort();
            assert.deepEqual(rules("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), ["tcp 443 10.0.0.0/16", "tcp 80 10.0.0.0/16"]);
            assert.deepEqual(rules("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), ["tcp 443 0.0.0.0/0", "tcp 80 0.0.0.0/0"]);
        });

        it("each private route table gets a default route to the NAT instance's network interface", async () => {
            const routes = ofType(built.registrations, "aws:ec2/route:Route");
            assert.equal(routes.length, 2);
            const privateTables = await valueOf(built.network.privateRouteTableIds);
            assert.deepEqual(routes.map((r) => r.inputs.routeTableId).sort(), [...privateTables].sort());
            for (const route of routes) {
                assert.equal(route.inputs.destinationCidrBlock, "0.0.0.0/0");
                assert.match(route.inputs.networkInterfaceId, /^eni-/);
            }
        });

        it("the private route tables are the private subnets' own, not the public ones", async () => {
            const [vpc] = ofType(built.registrations, "awsx:ec2:Vpc");
            const outputs = remoteComponentOutputs("awsx:ec2:Vpc", vpc.name, vpc.inputs, { preview: false }) as { routeTables: { id: string; tags: { Name: string } }[] };
            const expected = outputs.routeTables.filter((t) => t.tags.Name.includes("-private-")).map((t) => t.id);
            assert.equal(expected.length, 2);
            assert.deepEqual(await valueOf(built.network.privateRouteTableIds), expected);
        });

        it("S3 and DynamoDB gateway endpoints are attached to the private route tables", async () => {
            const privateTables = await valueOf(built.network.privateRouteTableIds);
            const endpoints = ofType(built.registrations, "aws:ec2/vpcEndpoint:VpcEndpoint");
            assert.deepEqual(endpoints.map((e) => e.inputs.serviceName).sort(), ["com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"]);
            for (const e of endpoints) {
                assert.equal(e.inputs.vpcEndpointType, "Gateway");
                assert.deepEqual(e.inputs.routeTableIds, privateTables);
            }
        });
    });

    for (const [strategy, awsx] of [["none", "None"], ["gateway", "Single"], ["gateway-per-az", "OnePerAz"]] as const) {
        it(`natStrategy ${strategy}: awsx NAT strategy ${awsx}, no NAT instance and no routes of ours`, async () => {
            const { registrations } = await build({ natStrategy: strategy });
            assert.deepEqual(ofType(registrations, "awsx:ec2:Vpc")[0].inputs.natGateways, { strategy: awsx });
            assert.equal(ofType(registrations, "stagecraft:network:NatInstance").length, 0);
            assert.equal(ofType(registrations, "aws:ec2/route:Route").length, 0);
            assert.equal(ofType(registrations, "aws:ec2/vpcEndpoint:VpcEndpoint").length, 2);
        });
    }

    it("phase 1 (public subnets only): no NAT, no endpoints, no private route tables", async () => {
        const { network, registrations } = await build({ privateSubnets: false, natStrategy: "none" });
        assert.equal(ofType(registrations, "aws:ec2/instance:Instance").length, 0);
        assert.equal(ofType(registrations, "aws:ec2/vpcEndpoint:VpcEndpoint").length, 0);
        assert.deepEqual(await valueOf(network.privateRouteTableIds), []);
    });

    it("a NAT instance can forward extra ports (e.g. 27017 for MongoDB Atlas)", async () => {
        const { registrations } = await build({ natStrategy: "instance", natInstancePorts: [443, 80, 27017] });
        const ports = ofType(registrations, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs.fromPort).sort();
        assert.deepEqual(ports, [27017, 443, 80]);
    });
});

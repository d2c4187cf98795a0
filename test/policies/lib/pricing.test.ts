// The one price table and the plan estimate (policies/lib/pricing): each priced resource type with
// its hand-computed monthly price, a whole stack's total worked out by hand, region factors,
// usage-priced types listed (never guessed), unknown sizes named, and an awsx VPC's hidden NAT
// gateways priced from its inputs only when its children are not in the plan.
import * as assert from "node:assert/strict";
import { estimatePlan, type PricedLine, type PricedResource } from "../../../policies/lib/pricing/estimate";
import { EC2_HOURLY, HOURS_PER_MONTH, PRICES_READ, REGION_FACTORS } from "../../../policies/lib/pricing/prices";
import { UNKNOWN } from "../helpers/server";

let n = 0;
function r(type: string, props: Record<string, unknown>, extra: Partial<PricedResource> = {}): PricedResource {
    n++;
    return { urn: `urn:pulumi:s::p::${type}::r${n}`, type, name: `r${n}`, props, propertyDependencies: {}, ...extra };
}

function only(resource: PricedResource, ...others: PricedResource[]) {
    const e = estimatePlan([resource, ...others], "us-east-1");
    const line = e.lines.find((l) => l.urn === resource.urn);
    assert.ok(line, `no line for ${resource.type}`);
    return line;
}

function usd(resource: PricedResource, ...others: PricedResource[]): number {
    const line = only(resource, ...others);
    assert.equal(line.kind, "priced", JSON.stringify(line));
    return (line as PricedLine).monthlyUsd;
}

const task = (cpu: string, memory: string, arch?: string) => r("aws:ecs/taskDefinition:TaskDefinition", { cpu, memory, ...(arch ? { runtimePlatform: { cpuArchitecture: arch } } : {}) });
const service = (td: PricedResource, props: Record<string, unknown>) =>
    r("aws:ecs/service:Service", { launchType: "FARGATE", taskDefinition: UNKNOWN, ...props }, { propertyDependencies: { taskDefinition: [td.urn] } });

describe("pricing: the price table and the plan estimate", () => {
    it("is dated and prices a month as 730 hours", () => {
        assert.match(PRICES_READ, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(HOURS_PER_MONTH, 730);
        assert.equal(REGION_FACTORS["us-east-1"], 1);
    });

    it("prices EC2 instances with their volumes: t3.micro + 30 GB gp3 = $7.59 + $2.40", () => {
        assert.equal(usd(r("aws:ec2/instance:Instance", { instanceType: "t3.micro", rootBlockDevice: { volumeSize: 30, volumeType: "gp3" } })), 9.99);
        // No root size: the AMI's 8 GB, priced and said so.
        const line = only(r("aws:ec2/instance:Instance", { instanceType: "t4g.nano" })) as PricedLine;
        assert.equal(line.monthlyUsd, 3.71); // 0.0042 × 730 + 8 × 0.08
        assert.match(line.basis, /AMI's root size, assumed/);
        // Unlimited CPU credits (T3's default) are billed by use; standard credits are not.
        assert.match((only(r("aws:ec2/instance:Instance", { instanceType: "t3.micro" })) as PricedLine).byUse ?? "", /surplus CPU credits/);
        assert.equal((only(r("aws:ec2/instance:Instance", { instanceType: "t3.micro", creditSpecification: { cpuCredits: "standard" } })) as PricedLine).byUse, undefined);
        // A public IP on the instance is a public IPv4 address.
        assert.equal(usd(r("aws:ec2/instance:Instance", { instanceType: "t4g.nano", associatePublicIpAddress: true })), 7.36);
    });

    it("prices volumes, gp3 extras and provisioned IOPS", () => {
        assert.equal(usd(r("aws:ebs/volume:Volume", { size: 100, type: "gp3" })), 8);
        assert.equal(usd(r("aws:ebs/volume:Volume", { size: 100, type: "gp3", iops: 4000, throughput: 250 })), 18); // 8 + 1000 × 0.005 + 125 × 0.04
        assert.equal(usd(r("aws:ebs/volume:Volume", { size: 100, type: "io2", iops: 1000 })), 77.5); // 12.5 + 65
        assert.equal(usd(r("aws:ebs/volume:Volume", { size: 10 })), 1); // AWS's default type is gp2
    });

    it("prices addresses, NAT gateways, interface endpoints and load balancers; LCUs and data by use", () => {
        assert.equal(usd(r("aws:ec2/eip:Eip", { domain: "vpc" })), 3.65);
        const nat = only(r("aws:ec2/natGateway:NatGateway", {})) as PricedLine;
        assert.equal(nat.monthlyUsd, 32.85);
        assert.match(nat.byUse ?? "", /per GB/);
        assert.equal(usd(r("aws:ec2/vpcEndpoint:VpcEndpoint", { vpcEndpointType: "Interface", subnetIds: ["a", "b"] })), 14.6);
        assert.equal(estimatePlan([r("aws:ec2/vpcEndpoint:VpcEndpoint", { vpcEndpointType: "Gateway" })], "us-east-1").lines.length, 0, "gateway endpoints are free");
        const alb = only(r("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a", "b"] })) as PricedLine;
        assert.equal(alb.monthlyUsd, 23.73); // 16.425 + 2 × 3.65
        assert.match(alb.byUse ?? "", /LCU/);
        assert.equal(usd(r("aws:lb/loadBalancer:LoadBalancer", { internal: true, subnets: ["a", "b"] })), 16.43);
        // Subnets not known during preview: the fewest the type allows, so the total stays a lower bound.
        const preview = only(r("aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: "network", subnets: UNKNOWN })) as PricedLine;
        assert.equal(preview.monthlyUsd, 20.08);
        assert.match(preview.basis, /not known during preview/);
    });

    it("prices Fargate services from their task definition, on x86 and ARM, and nothing for zero tasks", () => {
        const td = task("1024", "2048");
        assert.equal(usd(service(td, { desiredCount: 2 }), td), 72.08);
        const arm = task("1024", "2048", "ARM64");
        assert.equal(usd(service(arm, { desiredCount: 1 }), arm), 28.84);
        assert.equal(usd(service(td, {}), td), 0, "desiredCount defaults to 0");
        const ec2 = r("aws:ecs/service:Service", { launchType: "EC2", desiredCount: 3 });
        assert.equal(estimatePlan([ec2], "us-east-1").lines.length, 0, "EC2 capacity is priced as instances");
        const lost = r("aws:ecs/service:Service", { launchType: "FARGATE", desiredCount: 1 });
        assert.deepEqual(only(lost).kind, "unpriced");
    });

    it("prices cache nodes (Valkey 20% less), database instances with storage and Multi-AZ, Aurora instances", () => {
        assert.equal(usd(r("aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: "cache.t4g.small", numCacheClusters: 2 })), 46.72);
        assert.equal(usd(r("aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: "cache.t4g.small", numCacheClusters: 2, engine: "valkey" })), 37.38);
        assert.equal(usd(r("aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: "cache.t4g.micro", numNodeGroups: 2, replicasPerNodeGroup: 1 })), 46.72);
        assert.equal(usd(r("aws:rds/instance:Instance", { instanceClass: "db.t4g.micro", allocatedStorage: 20, storageType: "gp3" })), 13.98);
        assert.equal(usd(r("aws:rds/instance:Instance", { instanceClass: "db.t4g.micro", allocatedStorage: 20, storageType: "gp3", multiAz: true })), 27.96);
        assert.equal(usd(r("aws:rds/clusterInstance:ClusterInstance", { instanceClass: "db.r6g.large" })), 189.8);
        assert.equal(only(r("aws:rds/clusterInstance:ClusterInstance", { instanceClass: "db.serverless" })).kind, "by-use");
    });

    it("prices flat monthly fees: keys, zones, health checks by feature, alarms by metric, dashboards, WAF, secrets, Private CA", () => {
        assert.equal(usd(r("aws:kms/key:Key", {})), 1);
        assert.equal(usd(r("aws:route53/zone:Zone", { name: "example.com" })), 0.5);
        assert.equal(usd(r("aws:route53/healthCheck:HealthCheck", { type: "HTTP" })), 0.5);
        assert.equal(usd(r("aws:route53/healthCheck:HealthCheck", { type: "HTTPS_STR_MATCH", requestInterval: 10 })), 3.5);
        assert.equal(usd(r("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "CPUUtilization", period: 300 })), 0.1);
        assert.equal(usd(r("aws:cloudwatch/metricAlarm:MetricAlarm", { metricQueries: [{ id: "a", metric: {} }, { id: "b", metric: {} }, { id: "e", expression: "a/b" }] })), 0.2);
        assert.equal(usd(r("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "x", period: 10 })), 0.3);
        // An alarm on a custom metric (the CloudWatch agent's) carries the metric's $0.30; AWS's own and Container Insights' do not.
        assert.equal(usd(r("aws:cloudwatch/metricAlarm:MetricAlarm", { namespace: "chat/dev/host", metricName: "mem_used_percent", period: 60 })), 0.4);
        assert.equal(usd(r("aws:cloudwatch/metricAlarm:MetricAlarm", { namespace: "AWS/EC2", metricName: "CPUUtilization", period: 300 })), 0.1);
        assert.equal(usd(r("aws:cloudwatch/metricAlarm:MetricAlarm", { namespace: "ECS/ContainerInsights", metricName: "RunningTaskCount", period: 60 })), 0.1);
        assert.equal(usd(r("aws:cloudwatch/metricAlarm:MetricAlarm", { namespace: UNKNOWN, metricName: "x", period: 60 })), 0.1);
        assert.equal(usd(r("aws:cloudwatch/dashboard:Dashboard", {})), 3);
        assert.equal(usd(r("aws:wafv2/webAcl:WebAcl", { rules: [{}, {}, {}] })), 8);
        assert.equal(usd(r("aws:secretsmanager/secret:Secret", {})), 0.4);
        assert.equal(usd(r("aws:acmpca/certificateAuthority:CertificateAuthority", {})), 400);
        assert.equal(usd(r("aws:acmpca/certificateAuthority:CertificateAuthority", { usageMode: "SHORT_LIVED_CERTIFICATE" })), 50);
        assert.equal(usd(r("aws:kinesis/stream:Stream", { shardCount: 2 })), 21.9);
        assert.equal(usd(r("aws:dynamodb/table:Table", { billingMode: "PROVISIONED", readCapacity: 10, writeCapacity: 5 })), 3.32);
    });

    it("lists usage-priced types as by use, never with a guessed figure", () => {
        for (const type of ["aws:s3/bucket:Bucket", "aws:lambda/function:Function", "aws:cloudfront/distribution:Distribution", "aws:sqs/queue:Queue", "aws:cloudwatch/logGroup:LogGroup"]) {
            const line = only(r(type, {}));
            assert.equal(line.kind, "by-use", type);
        }
        assert.equal(only(r("aws:dynamodb/table:Table", { billingMode: "PAY_PER_REQUEST" })).kind, "by-use");
        assert.equal(estimatePlan([r("aws:iam/role:Role", {}), r("aws:ec2/securityGroup:SecurityGroup", {})], "us-east-1").lines.length, 0, "free types have no line");
    });

    it("names what it cannot price: sizes not known during preview and sizes not in the table", () => {
        const unknown = only(r("aws:ec2/instance:Instance", { instanceType: UNKNOWN }));
        assert.deepEqual(unknown.kind === "unpriced" && unknown.reason, "the instance type not known during preview");
        const exotic = only(r("aws:ec2/instance:Instance", { instanceType: "u-24tb1.112xlarge" }));
        assert.match(exotic.kind === "unpriced" ? exotic.reason : "", /"u-24tb1.112xlarge" not in the price table/);
        assert.equal(EC2_HOURLY["u-24tb1.112xlarge"], undefined);
    });

    it("adds up a whole stack worked out by hand: $217.50", () => {
        const td = task("1024", "2048");
        const stack = [
            r("aws:ec2/instance:Instance", { instanceType: "t3.micro", rootBlockDevice: { volumeSize: 30, volumeType: "gp3" } }), // 7.592 + 2.40 = 9.99
            r("aws:ec2/eip:Eip", {}), // 3.65
            r("aws:ec2/natGateway:NatGateway", {}), // 32.85
            r("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a", "b"] }), // 16.425 + 7.30 = 23.73
            td, service(td, { desiredCount: 2 }), // 2 × 730 × (0.04048 + 2 × 0.004445) = 72.08
            r("aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: "cache.t4g.small", numCacheClusters: 2 }), // 46.72
            r("aws:rds/instance:Instance", { instanceClass: "db.t4g.micro", allocatedStorage: 20, storageType: "gp3" }), // 11.68 + 2.30 = 13.98
            r("aws:kms/key:Key", {}), // 1
            r("aws:secretsmanager/secret:Secret", {}), // 0.40
            r("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "CPUUtilization", period: 60 }), // 0.10
            r("aws:cloudwatch/dashboard:Dashboard", {}), // 3
            r("aws:route53/healthCheck:HealthCheck", { type: "HTTPS" }), // 0.50 + 1.00
            r("aws:wafv2/webAcl:WebAcl", { rules: [{}, {}, {}] }), // 5 + 3
            r("aws:route53/zone:Zone", {}), // 0.50
            r("aws:s3/bucket:Bucket", {}), // by use
        ];
        const e = estimatePlan(stack, "us-east-1");
        assert.equal(e.monthlyUsd, 217.5);
        const priced = e.lines.filter((l): l is PricedLine => l.kind === "priced");
        assert.equal(Math.round(priced.reduce((s, l) => s + l.monthlyUsd, 0) * 100) / 100, e.monthlyUsd, "the lines add up to the total");
        assert.equal(e.lines.filter((l) => l.kind === "by-use").length, 1);
    });

    it("scales hourly prices by region, not the flat monthly fees, and says when a region is not in the table", () => {
        const vm = () => r("aws:ec2/instance:Instance", { instanceType: "t3.micro", rootBlockDevice: { volumeSize: 30, volumeType: "gp3" } });
        const saoPaulo = estimatePlan([vm(), r("aws:kms/key:Key", {})], "sa-east-1");
        assert.equal(saoPaulo.regionFactor, REGION_FACTORS["sa-east-1"]);
        assert.equal(saoPaulo.lines[0].kind === "priced" && saoPaulo.lines[0].monthlyUsd, Math.round(9.992 * REGION_FACTORS["sa-east-1"] * 100) / 100);
        assert.equal(saoPaulo.lines[1].kind === "priced" && saoPaulo.lines[1].monthlyUsd, 1, "a key costs $1 everywhere");
        const mars = estimatePlan([vm()], "mars-north-1");
        assert.equal(mars.regionPriced, false);
        assert.equal(mars.monthlyUsd, 9.99);
        assert.equal(estimatePlan([vm()], undefined).region, "us-east-1");
    });

    it("prices an awsx VPC's hidden NAT gateways from its inputs (awsx's default: one per AZ, three AZs), unless its children are in the plan", () => {
        assert.equal(usd(r("awsx:ec2:Vpc", {})), 109.5); // 3 × (32.85 + 3.65)
        assert.equal(usd(r("awsx:ec2:Vpc", { natGateways: { strategy: "Single" } })), 36.5);
        assert.equal(usd(r("awsx:ec2:Vpc", { natGateways: { strategy: "OnePerAz" }, numberOfAvailabilityZones: 2 })), 73);
        assert.equal(estimatePlan([r("awsx:ec2:Vpc", { natGateways: { strategy: "None" } })], "us-east-1").lines.length, 0);
        assert.equal(estimatePlan([r("awsx:ec2:Vpc", { subnetSpecs: [{ type: "Public" }] })], "us-east-1").lines.length, 0, "no private subnet, no NAT");
        // In a real preview the children are resources of the plan: priced once, as themselves.
        const vpc = r("awsx:ec2:Vpc", {});
        const child = r("aws:ec2/natGateway:NatGateway", {}, { parent: vpc.urn });
        const e = estimatePlan([vpc, child], "us-east-1");
        assert.deepEqual(e.lines.map((l) => l.type), ["aws:ec2/natGateway:NatGateway"]);
    });
});

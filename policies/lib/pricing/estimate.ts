/**
 * The monthly cost of a plan (pure): each resource priced from the one table (prices.ts) by its
 * type and size, with what AWS charges by use listed, never guessed. It works on any program's
 * resources: the offline check prints it per component, the budget policy compares it with a
 * budget. A size that is not known yet (during preview) or not in the table is reported as such,
 * so a total is always a lower bound with its gaps named.
 */
import { at, bool, list, num, type Rec, str, UNKNOWN } from "../values";
import {
    AURORA_HOURLY, DYNAMODB_CAPACITY_HOURLY, EBS_GB_MONTH, EC2_HOURLY, ELASTICACHE_HOURLY, FARGATE_HOURLY, GP3_EXTRA,
    HOURS_PER_MONTH, INTERFACE_ENDPOINT_AZ_HOURLY, KINESIS_SHARD_HOURLY, LOAD_BALANCER_HOURLY, MONTHLY_FEES, NAT_GATEWAY_HOURLY,
    PIOPS_MONTH, PUBLIC_IPV4_HOURLY, RDS_HOURLY, RDS_STORAGE_GB_MONTH, REGION_FACTORS, VALKEY_FACTOR,
} from "./prices";

/** A planned resource as the estimate needs it: inputs, and which resources each input depends on. */
export interface PricedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly props: Rec;
    /** The parent's URN. */
    readonly parent?: string;
    /** URNs of the resources each input was computed from (the engine's propertyDependencies). */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

interface LineBase {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
}

/** A resource with a monthly price (and, maybe, usage charges on top). */
export interface PricedLine extends LineBase {
    readonly kind: "priced";
    readonly monthlyUsd: number;
    /** How the price was reached, e.g. "t3.micro 730 h × $0.0104 + 30 GB gp3 × $0.08". */
    readonly basis: string;
    /** What is charged by use on top, when something is. */
    readonly byUse?: string;
}

/** A resource AWS charges only by use (requests, storage, transfer). */
export interface ByUseLine extends LineBase {
    readonly kind: "by-use";
    readonly byUse: string;
}

/** A resource with a price that cannot be computed: a size not known yet, or not in the table. */
export interface UnpricedLine extends LineBase {
    readonly kind: "unpriced";
    readonly reason: string;
}

export type CostLine = PricedLine | ByUseLine | UnpricedLine;

export interface PlanEstimate {
    readonly region: string;
    /** The factor applied to hourly prices (1 in us-east-1). */
    readonly regionFactor: number;
    /** False when the region is not in the table (priced as us-east-1) or not known. */
    readonly regionPriced: boolean;
    readonly lines: readonly CostLine[];
    /** Sum of the priced lines, rounded to cents: a lower bound when `unpriced` is not empty. */
    readonly monthlyUsd: number;
}

/** A monthly amount as the reports print it: "$15.24". */
export function usd(amount: number): string {
    return `$${amount.toFixed(2)}`;
}

/** The lines AWS also bills by use (usage-only resources, and priced ones with usage on top). */
export function byUseLines(lines: readonly CostLine[]): CostLine[] {
    return lines.filter((l) => l.kind === "by-use" || (l.kind === "priced" && l.byUse !== undefined));
}

/** The lines that could not be priced (a size not known yet, or not in the table). */
export function unpricedLines(lines: readonly CostLine[]): UnpricedLine[] {
    return lines.filter((l): l is UnpricedLine => l.kind === "unpriced");
}

/** Rounds to cents. */
export function cents(usd: number): number {
    return Math.round(usd * 100) / 100;
}

/** A price as text: cents for amounts, three significant digits for unit prices below a dollar. */
function money(usd: number): string {
    return `$${usd < 1 ? String(Number(usd.toPrecision(3))) : String(cents(usd))}`;
}

/** Usage-priced resource types and what drives their bill. */
const BY_USE: Readonly<Record<string, string>> = {
    "aws:s3/bucket:Bucket": "storage, requests and transfer",
    "aws:s3/bucketV2:BucketV2": "storage, requests and transfer",
    "aws:cloudfront/distribution:Distribution": "requests and transfer out",
    "aws:lambda/function:Function": "requests and GB-seconds",
    "aws:sqs/queue:Queue": "requests",
    "aws:sns/topic:Topic": "requests and deliveries",
    "aws:cloudwatch/logGroup:LogGroup": "ingestion and storage",
    "aws:apigateway/restApi:RestApi": "requests and transfer",
    "aws:apigatewayv2/api:Api": "requests, messages and connection minutes",
    "aws:cognito/userPool:UserPool": "monthly active users beyond the free tier",
    "aws:sfn/stateMachine:StateMachine": "state transitions",
    "aws:ecr/repository:Repository": "image storage and transfer",
    "aws:efs/fileSystem:FileSystem": "storage and throughput",
    "aws:cloudtrail/trail:Trail": "events beyond the first management trail, and S3 storage",
    "aws:cfg/recorder:Recorder": "configuration items recorded",
    "aws:guardduty/detector:Detector": "events and data analysed",
    "aws:ec2/flowLog:FlowLog": "log ingestion",
    "aws:rds/cluster:Cluster": "Aurora storage and I/O",
    "aws:elasticache/serverlessCache:ServerlessCache": "data stored and ECPUs",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": "data ingested",
    "aws:secretsmanager/secretRotation:SecretRotation": "the rotation function's requests",
};


interface Context {
    readonly factor: number;
    /** The resource a property of `r` depends on, when exactly one resource of `type` is among its dependencies. */
    readonly source: (r: PricedResource, property: string, types: readonly string[]) => PricedResource | undefined;
}

type Priced = { monthlyUsd: number; basis: string; byUse?: string } | { unpriced: string } | { byUse: string } | undefined;

const hourly = (price: number, factor: number) => price * factor * HOURS_PER_MONTH;

/** "size not known during preview" for an unknown, "not in the price table" for an unlisted size. */
function sizeProblem(what: string, value: unknown): { unpriced: string } {
    return { unpriced: value === UNKNOWN ? `${what} not known during preview` : `${what} ${JSON.stringify(value)} not in the price table` };
}

function volumeMonthly(type: string, sizeGb: number, iops: number | undefined, throughput: number | undefined, factor: number): { usd: number; basis: string } | undefined {
    const perGb = EBS_GB_MONTH[type];
    if (perGb === undefined) return undefined;
    let usd = sizeGb * perGb * factor;
    let basis = `${sizeGb} GB ${type} × ${money(perGb * factor)}`;
    if (type === "gp3") {
        const extraIops = Math.max(0, (iops ?? GP3_EXTRA.baselineIops) - GP3_EXTRA.baselineIops);
        const extraMbps = Math.max(0, (throughput ?? GP3_EXTRA.baselineMbps) - GP3_EXTRA.baselineMbps);
        if (extraIops > 0) {
            usd += extraIops * GP3_EXTRA.iopsMonth * factor;
            basis += ` + ${extraIops} IOPS`;
        }
        if (extraMbps > 0) {
            usd += extraMbps * GP3_EXTRA.mbpsMonth * factor;
            basis += ` + ${extraMbps} MB/s`;
        }
    } else if ((type === "io1" || type === "io2") && iops !== undefined) {
        usd += iops * PIOPS_MONTH * factor;
        basis += ` + ${iops} IOPS`;
    }
    return { usd, basis };
}

const known = <T>(v: T | typeof UNKNOWN | undefined): T | undefined => (v === UNKNOWN ? undefined : v);

function instanceLike(instanceType: unknown, rootProps: unknown, extraDevices: readonly unknown[], count: number, factor: number, what: string, cpuCredits?: unknown): Priced {
    const type = str(instanceType);
    if (type === UNKNOWN || type === undefined) return sizeProblem(`${what} instance type`, type === undefined ? "(none)" : UNKNOWN);
    const price = EC2_HOURLY[type];
    if (price === undefined) return sizeProblem(`${what} instance type`, type);
    let usd = hourly(price, factor);
    const parts = [`${type} ${HOURS_PER_MONTH} h × ${money(price * factor)}`];
    const devices = [rootProps, ...extraDevices];
    for (const [i, device] of devices.entries()) {
        if (device === undefined && i > 0) continue;
        const size = num(at(device, "volumeSize"));
        const volumeType = known(str(at(device, "volumeType"))) ?? "gp3";
        if (size === UNKNOWN) return { unpriced: `${what} volume size not known during preview` };
        // No size: the AMI's (8 GB for Amazon Linux 2023 and Ubuntu), priced as such.
        const gb = size ?? 8;
        const volume = volumeMonthly(volumeType, gb, known(num(at(device, "iops"))), known(num(at(device, "throughput"))), factor);
        if (volume === undefined) return sizeProblem("volume type", volumeType);
        usd += volume.usd;
        parts.push(size === undefined ? `${volume.basis} (the AMI's root size, assumed)` : volume.basis);
    }
    // T3/T3a/T4g run "unlimited" by default (T2 "standard"): surplus credits are billed by use.
    const credits = known(str(cpuCredits)) ?? (type.startsWith("t2.") ? "standard" : /^t[34]/.test(type) ? "unlimited" : undefined);
    const burstable = credits === "unlimited";
    return {
        monthlyUsd: usd * count,
        basis: count === 1 ? parts.join(" + ") : `${count} × (${parts.join(" + ")})`,
        byUse: burstable ? "surplus CPU credits (unlimited mode)" : undefined,
    };
}

/** Namespaces of Container Insights, whose metrics are billed by its own pricing, not as custom metrics. */
const CONTAINER_INSIGHTS = ["ECS/ContainerInsights", "ContainerInsights"];

/** How each priced type is priced (r: the resource, p: its inputs, f: the region factor). */
type Pricer = (r: PricedResource, p: Rec, f: number, ctx: Context) => Priced;

const PRICERS: Readonly<Record<string, Pricer>> = {
    "aws:ec2/instance:Instance": (_r, p, f, _ctx) => {
        const priced = instanceLike(p.instanceType, at(p, "rootBlockDevice") ?? {}, known(list(p.ebsBlockDevices)) ?? [], 1, f, "the", at(p, "creditSpecification", "cpuCredits"));
        if (priced !== undefined && "monthlyUsd" in priced && bool(p.associatePublicIpAddress) === true) {
            return { ...priced, monthlyUsd: priced.monthlyUsd + hourly(PUBLIC_IPV4_HOURLY, f), basis: `${priced.basis} + public IPv4` };
        }
        return priced;
    },
    "aws:autoscaling/group:Group": (r, p, f, ctx) => {
        const desired = num(p.desiredCapacity) ?? num(p.minSize);
        if (desired === UNKNOWN || desired === undefined) return { unpriced: "instance count not known during preview" };
        const template = ctx.source(r, "launchTemplate", ["aws:ec2/launchTemplate:LaunchTemplate"]);
        if (template === undefined) return { unpriced: "launch template not in this plan" };
        const devices = known(list(template.props.blockDeviceMappings)) ?? [];
        const root = devices.length > 0 ? at(devices[0], "ebs") : {};
        return instanceLike(template.props.instanceType, root, devices.slice(1).map((d) => at(d, "ebs")), desired, f, "launch template", at(template.props, "creditSpecification", "cpuCredits"));
    },
    "aws:ebs/volume:Volume": (_r, p, f, _ctx) => {
        const size = num(p.size);
        if (size === UNKNOWN || size === undefined) return { unpriced: size === UNKNOWN ? "size not known during preview" : "size from a snapshot" };
        const type = known(str(p.type)) ?? "gp2";
        const volume = volumeMonthly(type, size, known(num(p.iops)), known(num(p.throughput)), f);
        return volume === undefined ? sizeProblem("volume type", type) : { monthlyUsd: volume.usd, basis: volume.basis };
    },
    "aws:ec2/eip:Eip": (_r, _p, f, _ctx) => {
        return { monthlyUsd: hourly(PUBLIC_IPV4_HOURLY, f), basis: `public IPv4 ${HOURS_PER_MONTH} h × ${money(PUBLIC_IPV4_HOURLY * f)}` };
    },
    "aws:ec2/natGateway:NatGateway": (_r, _p, f, _ctx) => {
        return { monthlyUsd: hourly(NAT_GATEWAY_HOURLY, f), basis: `NAT gateway ${HOURS_PER_MONTH} h × ${money(NAT_GATEWAY_HOURLY * f)}`, byUse: "$0.045 per GB processed" };
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": (_r, p, f, _ctx) => {
        const kind = known(str(p.vpcEndpointType)) ?? "Gateway";
        if (kind !== "Interface") return undefined;
        const subnets = list(p.subnetIds);
        if (subnets === UNKNOWN) return { unpriced: "subnets not known during preview" };
        const azs = Math.max(1, subnets?.length ?? 1);
        return { monthlyUsd: azs * hourly(INTERFACE_ENDPOINT_AZ_HOURLY, f), basis: `interface endpoint in ${azs} AZ × ${HOURS_PER_MONTH} h × ${money(INTERFACE_ENDPOINT_AZ_HOURLY * f)}`, byUse: "$0.01 per GB processed" };
    },
    "aws:lb/loadBalancer:LoadBalancer": (_r, p, f, _ctx) => {
        const kind = known(str(p.loadBalancerType)) ?? "application";
        const price = LOAD_BALANCER_HOURLY[kind];
        if (price === undefined) return sizeProblem("load balancer type", kind);
        let usd = hourly(price, f);
        let basis = `${kind} load balancer ${HOURS_PER_MONTH} h × ${money(price * f)}`;
        if (bool(p.internal) !== true && kind !== "gateway") {
            // One public IPv4 per subnet (AZ). Unknown during preview (subnets of a VPC created in the
            // same update): the fewest the type allows, so the total stays a lower bound.
            const subnets = list(p.subnets) ?? list(p.subnetMappings);
            const fewest = kind === "application" ? 2 : 1;
            const addresses = subnets === UNKNOWN || subnets === undefined ? fewest : Math.max(1, subnets.length);
            usd += addresses * hourly(PUBLIC_IPV4_HOURLY, f);
            basis += ` + ${addresses} public IPv4${subnets === UNKNOWN ? ` (subnets not known during preview: at least ${fewest}, one per subnet)` : ""}`;
        }
        return { monthlyUsd: usd, basis, byUse: "capacity units (LCUs) by traffic" };
    },
    "aws:ecs/service:Service": (r, p, f, ctx) => {
        const strategies = known(list(p.capacityProviderStrategies)) ?? [];
        const providers = strategies.map((s) => known(str(at(s, "capacityProvider"))) ?? "");
        const fargate = str(p.launchType) === "FARGATE" || providers.some((c) => c.startsWith("FARGATE"));
        if (!fargate) return undefined; // EC2 capacity: the instances are priced themselves.
        const desired = num(p.desiredCount);
        if (desired === UNKNOWN) return { unpriced: "desired count not known during preview" };
        const tasks = desired ?? 0;
        const task = ctx.source(r, "taskDefinition", ["aws:ecs/taskDefinition:TaskDefinition"]);
        if (task === undefined) return { unpriced: "task definition not in this plan" };
        const cpu = Number(known(str(task.props.cpu)) ?? known(num(task.props.cpu)));
        const memory = Number(known(str(task.props.memory)) ?? known(num(task.props.memory)));
        if (!Number.isFinite(cpu) || !Number.isFinite(memory)) return { unpriced: "task size not known during preview" };
        const arch = known(str(at(task.props, "runtimePlatform", "cpuArchitecture"))) === "ARM64" ? "ARM64" : "X86_64";
        const price = FARGATE_HOURLY[arch];
        const perTask = hourly((cpu / 1024) * price.vcpu + (memory / 1024) * price.gb, f);
        const spot = providers.includes("FARGATE_SPOT");
        return {
            monthlyUsd: tasks * perTask,
            basis: `${tasks} × Fargate ${cpu / 1024} vCPU / ${memory / 1024} GB ${arch} (${money(perTask)} a task)${spot ? ", Spot priced on demand" : ""}`,
        };
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": (_r, p, f, _ctx) => {
        const nodeType = str(p.nodeType);
        if (nodeType === UNKNOWN || nodeType === undefined) return sizeProblem("node type", nodeType ?? "(none)");
        const price = ELASTICACHE_HOURLY[nodeType];
        if (price === undefined) return sizeProblem("node type", nodeType);
        const clusters = num(p.numCacheClusters);
        const groups = num(p.numNodeGroups);
        const replicas = num(p.replicasPerNodeGroup);
        if (clusters === UNKNOWN || groups === UNKNOWN || replicas === UNKNOWN) return { unpriced: "node count not known during preview" };
        const nodes = clusters ?? (groups ?? 1) * ((replicas ?? 0) + 1);
        const valkey = str(p.engine) === "valkey";
        const nodePrice = price * (valkey ? VALKEY_FACTOR : 1);
        return { monthlyUsd: nodes * hourly(nodePrice, f), basis: `${nodes} × ${nodeType}${valkey ? " (Valkey)" : ""} ${HOURS_PER_MONTH} h × ${money(nodePrice * f)}` };
    },
    "aws:elasticache/cluster:Cluster": (_r, p, f, _ctx) => {
        if (str(p.replicationGroupId) !== undefined) return undefined; // a member of a replication group, priced there
        const nodeType = str(p.nodeType);
        if (nodeType === UNKNOWN || nodeType === undefined) return sizeProblem("node type", nodeType ?? "(none)");
        const price = ELASTICACHE_HOURLY[nodeType];
        if (price === undefined) return sizeProblem("node type", nodeType);
        const nodes = known(num(p.numCacheNodes)) ?? 1;
        return { monthlyUsd: nodes * hourly(price, f), basis: `${nodes} × ${nodeType} ${HOURS_PER_MONTH} h × ${money(price * f)}` };
    },
    "aws:rds/instance:Instance": (_r, p, f, _ctx) => {
        const cls = str(p.instanceClass);
        if (cls === UNKNOWN || cls === undefined) return sizeProblem("instance class", cls ?? "(none)");
        const price = RDS_HOURLY[cls];
        if (price === undefined) return sizeProblem("instance class", cls);
        const multiAz = bool(p.multiAz) === true;
        const copies = multiAz ? 2 : 1;
        const storage = num(p.allocatedStorage);
        if (storage === UNKNOWN) return { unpriced: "storage size not known during preview" };
        const storageType = known(str(p.storageType)) ?? (num(p.iops) !== undefined ? "io1" : "gp2");
        const perGb = RDS_STORAGE_GB_MONTH[storageType] ?? RDS_STORAGE_GB_MONTH.gp2;
        const gb = storage ?? 0;
        return {
            monthlyUsd: copies * (hourly(price, f) + gb * perGb * f),
            basis: `${cls}${multiAz ? " Multi-AZ (×2)" : ""} ${HOURS_PER_MONTH} h × ${money(price * f)} + ${gb} GB ${storageType} × ${money(perGb * f)}`,
            byUse: "backup storage beyond the database size, I/O on magnetic storage",
        };
    },
    "aws:rds/clusterInstance:ClusterInstance": (_r, p, f, _ctx) => {
        const cls = str(p.instanceClass);
        if (cls === "db.serverless") return { byUse: "Aurora Serverless v2 capacity units" };
        if (cls === UNKNOWN || cls === undefined) return sizeProblem("instance class", cls ?? "(none)");
        const price = AURORA_HOURLY[cls];
        if (price === undefined) return sizeProblem("instance class", cls);
        return { monthlyUsd: hourly(price, f), basis: `Aurora ${cls} ${HOURS_PER_MONTH} h × ${money(price * f)}`, byUse: "Aurora storage and I/O (on the cluster)" };
    },
    "aws:kms/key:Key": (_r, _p, _f, _ctx) => {
        return { monthlyUsd: MONTHLY_FEES.kmsKey, basis: "customer managed key", byUse: "requests beyond 20,000 a month" };
    },
    "aws:route53/zone:Zone": (_r, _p, _f, _ctx) => {
        return { monthlyUsd: MONTHLY_FEES.hostedZone, basis: "hosted zone", byUse: "DNS queries" };
    },
    "aws:route53/healthCheck:HealthCheck": (_r, p, _f, _ctx) => {
        const type = known(str(p.type)) ?? "HTTP";
        if (type === "CALCULATED" || type === "CLOUDWATCH_METRIC") return { monthlyUsd: MONTHLY_FEES.healthCheck, basis: `${type.toLowerCase()} health check` };
        const features = [type.startsWith("HTTPS") ? "HTTPS" : "", type.endsWith("STR_MATCH") ? "string matching" : "",
            num(p.requestInterval) === 10 ? "10 s interval" : "", bool(p.measureLatency) === true ? "latency" : ""].filter((x) => x !== "");
        return {
            monthlyUsd: MONTHLY_FEES.healthCheck + features.length * MONTHLY_FEES.healthCheckFeature,
            basis: `health check of an AWS endpoint${features.length > 0 ? ` + ${features.join(", ")}` : ""} (a non-AWS endpoint costs $0.75 + $2 a feature)`,
        };
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": (_r, p, _f, _ctx) => {
        const queries = list(p.metricQueries);
        const metrics = queries === UNKNOWN || queries === undefined || queries.length === 0
            ? 1
            : queries.filter((q) => at(q, "metric") !== undefined).length;
        const period = num(p.period);
        const highResolution = typeof period === "number" && period < 60;
        const price = highResolution ? MONTHLY_FEES.alarmMetricHighResolution : MONTHLY_FEES.alarmMetric;
        const basis = `alarm on ${metrics} metric${metrics === 1 ? "" : "s"}${highResolution ? " (high resolution)" : ""}`;
        // A custom metric (an agent's or an app's) costs by itself: priced with the alarm that
        // watches it (a metric watched by two alarms is counted twice; one nobody watches, never).
        const namespace = queries === undefined || (queries !== UNKNOWN && queries.length === 0) ? known(str(p.namespace)) : undefined;
        if (namespace !== undefined && !namespace.startsWith("AWS/") && !CONTAINER_INSIGHTS.includes(namespace)) {
            return { monthlyUsd: metrics * price + MONTHLY_FEES.customMetric, basis: `${basis} + its custom metric in ${namespace} ${money(MONTHLY_FEES.customMetric)}` };
        }
        return { monthlyUsd: metrics * price, basis };
    },
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": (_r, _p, _f, _ctx) => {
        return { monthlyUsd: MONTHLY_FEES.compositeAlarm, basis: "composite alarm" };
    },
    "aws:cloudwatch/dashboard:Dashboard": (_r, _p, _f, _ctx) => {
        return { monthlyUsd: MONTHLY_FEES.dashboard, basis: "dashboard (the first three of an account are free)" };
    },
    "aws:wafv2/webAcl:WebAcl": (_r, p, _f, _ctx) => {
        const rules = list(p.rules);
        if (rules === UNKNOWN) return { unpriced: "rules not known during preview" };
        const count = rules?.length ?? 0;
        return { monthlyUsd: MONTHLY_FEES.webAcl + count * MONTHLY_FEES.webAclRule, basis: `web ACL + ${count} rule${count === 1 ? "" : "s"}`, byUse: "$0.60 per million requests" };
    },
    "aws:secretsmanager/secret:Secret": (_r, _p, _f, _ctx) => {
        return { monthlyUsd: MONTHLY_FEES.secret, basis: "secret", byUse: "API calls" };
    },
    "aws:acmpca/certificateAuthority:CertificateAuthority": (_r, p, _f, _ctx) => {
        const shortLived = str(p.usageMode) === "SHORT_LIVED_CERTIFICATE";
        return {
            monthlyUsd: shortLived ? MONTHLY_FEES.privateCaShortLived : MONTHLY_FEES.privateCaGeneralPurpose,
            basis: `private CA (${shortLived ? "short-lived certificates" : "general purpose"})`,
            byUse: "certificates issued",
        };
    },
    "aws:kinesis/stream:Stream": (_r, p, f, _ctx) => {
        if (str(at(p, "streamModeDetails", "streamMode")) === "ON_DEMAND") return { byUse: "stream hours and data in and out (on demand)" };
        const shards = num(p.shardCount);
        if (shards === UNKNOWN || shards === undefined) return { unpriced: "shard count not known during preview" };
        return { monthlyUsd: shards * hourly(KINESIS_SHARD_HOURLY, f), basis: `${shards} shard${shards === 1 ? "" : "s"} × ${HOURS_PER_MONTH} h`, byUse: "PUT payload units" };
    },
    "aws:dynamodb/table:Table": (_r, p, f, _ctx) => {
        if (str(p.billingMode) === "PAY_PER_REQUEST") return { byUse: "read and write requests, storage" };
        const read = num(p.readCapacity);
        const write = num(p.writeCapacity);
        if (read === UNKNOWN || write === UNKNOWN) return { unpriced: "capacity not known during preview" };
        const usd = hourly((read ?? 0) * DYNAMODB_CAPACITY_HOURLY.read + (write ?? 0) * DYNAMODB_CAPACITY_HOURLY.write, f);
        return { monthlyUsd: usd, basis: `provisioned ${read ?? 0} RCU + ${write ?? 0} WCU`, byUse: "storage" };
    },
    "awsx:ec2:Vpc": (_r, p, f, _ctx) => {
        // A remote component: its NAT gateways are hidden offline, but its inputs say how many it
        // creates. awsx's default is one per AZ (three AZs by default), the classic cost surprise.
        const strategy = known(str(at(p, "natGateways", "strategy"))) ?? "OnePerAz";
        const specs = known(list(p.subnetSpecs));
        const hasPrivate = specs === undefined || specs.some((x) => /^Private$/i.test(String(known(str(at(x, "type"))) ?? "")));
        if (/^None$/i.test(strategy) || !hasPrivate) return undefined;
        const azNames = known(list(p.availabilityZoneNames));
        const azs = known(num(p.numberOfAvailabilityZones)) ?? azNames?.length ?? 3;
        const gateways = /^Single$/i.test(strategy) ? 1 : azs;
        const each = hourly(NAT_GATEWAY_HOURLY + PUBLIC_IPV4_HOURLY, f);
        return {
            monthlyUsd: gateways * each,
            basis: `awsx VPC: ${gateways} NAT gateway${gateways === 1 ? "" : "s"} (${strategy}) with ${gateways === 1 ? "its" : "their"} public IPv4, ${money(each)} each`,
            byUse: "$0.045 per GB processed",
        };
    },
};

/** Types priced exactly as another one. */
const SAME_AS: Readonly<Record<string, string>> = {
    "aws:alb/loadBalancer:LoadBalancer": "aws:lb/loadBalancer:LoadBalancer",
    "aws:kms/replicaKey:ReplicaKey": "aws:kms/key:Key",
    "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": "aws:route53/zone:Zone",
    "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace": "aws:route53/zone:Zone",
};

function priceOf(r: PricedResource, ctx: Context): Priced {
    const pricer = PRICERS[r.type] ?? PRICERS[SAME_AS[r.type] ?? ""];
    if (pricer !== undefined) return pricer(r, r.props, ctx.factor, ctx);
    const byUse = BY_USE[r.type];
    return byUse === undefined ? undefined : { byUse };
}

/** Every resource type the estimate prices, or lists as priced by use. */
export const PRICED_TYPES: readonly string[] = [...new Set([...Object.keys(PRICERS), ...Object.keys(SAME_AS), ...Object.keys(BY_USE)])].sort();

/** The region's factor, and whether the table knows the region. */
export function regionFactor(region: string | undefined): { factor: number; priced: boolean } {
    const factor = region === undefined ? undefined : REGION_FACTORS[region];
    return factor === undefined ? { factor: 1, priced: false } : { factor, priced: true };
}

/** The monthly estimate of the plan's resources in `region` (undefined: priced as us-east-1). */
export function estimatePlan(resources: readonly PricedResource[], region: string | undefined): PlanEstimate {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const { factor, priced } = regionFactor(region);
    const ctx: Context = {
        factor,
        source(r, property, types) {
            const found = (r.propertyDependencies[property] ?? []).map((u) => byUrn.get(u)).filter((d): d is PricedResource => d !== undefined && types.includes(d.type));
            return found.length === 1 ? found[0] : undefined;
        },
    };
    // A remote component priced from its inputs only when its children are not in the plan (the
    // offline check); in a real preview they are, and are priced themselves.
    const parents = new Set(resources.map((r) => r.parent).filter((p): p is string => p !== undefined));
    const lines: CostLine[] = [];
    let total = 0;
    for (const r of resources) {
        if (r.type.startsWith("awsx:") && parents.has(r.urn)) continue;
        const p = priceOf(r, ctx);
        if (p === undefined) continue;
        const base = { urn: r.urn, type: r.type, name: r.name };
        if ("monthlyUsd" in p) {
            // The total is the sum of the lines as shown, so the parts always add up to it.
            total += cents(p.monthlyUsd);
            lines.push({ ...base, kind: "priced", monthlyUsd: cents(p.monthlyUsd), basis: p.basis, ...(p.byUse === undefined ? {} : { byUse: p.byUse }) });
        } else if ("unpriced" in p) {
            lines.push({ ...base, kind: "unpriced", reason: p.unpriced });
        } else {
            lines.push({ ...base, kind: "by-use", byUse: p.byUse });
        }
    }
    return { region: region ?? "us-east-1", regionFactor: factor, regionPriced: priced, lines, monthlyUsd: cents(total) };
}

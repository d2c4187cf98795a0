/**
 * The one price table (pure data): us-east-1 on-demand prices, read on PRICES_READ from the AWS
 * pricing pages named in PRICE_SOURCES. Everything that prices something reads it: the offline
 * check's estimate, the pack's budget policy, the components' cost notes and the README figures.
 * Prices are per hour unless the name says otherwise; a month is 730 hours (AWS's own convention).
 * What AWS charges by use (requests, GB transferred or stored, LCUs, invocations) is never guessed
 * here: the estimate lists it as "by use".
 */

/** When the prices were read from the pages below. */
export const PRICES_READ = "2026-12-04";

export const HOURS_PER_MONTH = 730;

/** Where each group of prices comes from. */
export const PRICE_SOURCES = {
    ec2: "https://aws.amazon.com/ec2/pricing/on-demand/",
    ebs: "https://aws.amazon.com/ebs/pricing/",
    publicIpv4: "https://aws.amazon.com/vpc/pricing/",
    natGateway: "https://aws.amazon.com/vpc/pricing/",
    vpcEndpoint: "https://aws.amazon.com/privatelink/pricing/",
    loadBalancer: "https://aws.amazon.com/elasticloadbalancing/pricing/",
    fargate: "https://aws.amazon.com/fargate/pricing/",
    elasticache: "https://aws.amazon.com/elasticache/pricing/",
    rds: "https://aws.amazon.com/rds/postgresql/pricing/",
    aurora: "https://aws.amazon.com/rds/aurora/pricing/",
    kms: "https://aws.amazon.com/kms/pricing/",
    route53: "https://aws.amazon.com/route53/pricing/",
    cloudwatch: "https://aws.amazon.com/cloudwatch/pricing/",
    waf: "https://aws.amazon.com/waf/pricing/",
    secretsManager: "https://aws.amazon.com/secrets-manager/pricing/",
    privateCa: "https://aws.amazon.com/private-ca/pricing/",
    kinesis: "https://aws.amazon.com/kinesis/data-streams/pricing/",
    dynamodb: "https://aws.amazon.com/dynamodb/pricing/provisioned/",
} as const;

/** EC2 Linux on-demand, per hour. Types not listed are reported as "not in the price table". */
export const EC2_HOURLY: Readonly<Record<string, number>> = {
    "t3.nano": 0.0052, "t3.micro": 0.0104, "t3.small": 0.0208, "t3.medium": 0.0416, "t3.large": 0.0832, "t3.xlarge": 0.1664, "t3.2xlarge": 0.3328,
    "t3a.nano": 0.0047, "t3a.micro": 0.0094, "t3a.small": 0.0188, "t3a.medium": 0.0376, "t3a.large": 0.0752,
    "t4g.nano": 0.0042, "t4g.micro": 0.0084, "t4g.small": 0.0168, "t4g.medium": 0.0336, "t4g.large": 0.0672, "t4g.xlarge": 0.1344,
    "t2.nano": 0.0058, "t2.micro": 0.0116, "t2.small": 0.023, "t2.medium": 0.0464,
    "m5.large": 0.096, "m5.xlarge": 0.192, "m6i.large": 0.096, "m6i.xlarge": 0.192, "m7i.large": 0.1008,
    "m6g.large": 0.077, "m6g.xlarge": 0.154, "m7g.large": 0.0816, "m7g.xlarge": 0.1632,
    "c5.large": 0.085, "c6i.large": 0.085, "c6g.large": 0.068, "c7g.large": 0.0725,
    "r5.large": 0.126, "r6i.large": 0.126, "r6g.large": 0.1008, "r7g.large": 0.1071,
};

/** EBS volumes, per GB-month, by volume type (gp3 includes 3,000 IOPS and 125 MB/s). */
export const EBS_GB_MONTH: Readonly<Record<string, number>> = {
    gp3: 0.08, gp2: 0.1, io1: 0.125, io2: 0.125, st1: 0.045, sc1: 0.015, standard: 0.05,
};
/** gp3 beyond its baseline: per provisioned IOPS-month above 3,000 and per MB/s-month above 125. */
export const GP3_EXTRA = { iopsMonth: 0.005, mbpsMonth: 0.04, baselineIops: 3000, baselineMbps: 125 } as const;
/** io1/io2 provisioned IOPS, per IOPS-month. */
export const PIOPS_MONTH = 0.065;

/** Every public IPv4 address (Elastic IP, a public load balancer's or instance's), in use or idle. */
export const PUBLIC_IPV4_HOURLY = 0.005;
/** NAT gateway, per hour (plus $0.045 per GB processed: by use). */
export const NAT_GATEWAY_HOURLY = 0.045;
/** Interface VPC endpoint, per AZ (per subnet) and hour (plus $0.01 per GB: by use); gateway endpoints are free. */
export const INTERFACE_ENDPOINT_AZ_HOURLY = 0.01;

/** Load balancers, per hour; LCUs (ALB $0.008, NLB $0.006, GWLB $0.004 per hour) are by use. */
export const LOAD_BALANCER_HOURLY: Readonly<Record<string, number>> = { application: 0.0225, network: 0.0225, gateway: 0.0125 };

/** Fargate Linux, per vCPU-hour and per GB-hour. */
export const FARGATE_HOURLY = {
    X86_64: { vcpu: 0.04048, gb: 0.004445 },
    ARM64: { vcpu: 0.03238, gb: 0.00356 },
} as const;

/** ElastiCache on-demand nodes (Redis OSS; Valkey nodes cost 20% less), per hour. */
export const ELASTICACHE_HOURLY: Readonly<Record<string, number>> = {
    "cache.t4g.micro": 0.016, "cache.t4g.small": 0.032, "cache.t4g.medium": 0.065,
    "cache.t3.micro": 0.017, "cache.t3.small": 0.034, "cache.t3.medium": 0.068,
    "cache.m6g.large": 0.149, "cache.m7g.large": 0.158, "cache.r6g.large": 0.206, "cache.r7g.large": 0.219,
};
/** Valkey's node price relative to Redis OSS. */
export const VALKEY_FACTOR = 0.8;

/** RDS for PostgreSQL single-AZ instances, per hour (Multi-AZ doubles instance and storage). */
export const RDS_HOURLY: Readonly<Record<string, number>> = {
    "db.t4g.micro": 0.016, "db.t4g.small": 0.032, "db.t4g.medium": 0.065, "db.t4g.large": 0.129,
    "db.t3.micro": 0.018, "db.t3.small": 0.036, "db.t3.medium": 0.072,
    "db.m6g.large": 0.152, "db.m7g.large": 0.168, "db.r6g.large": 0.225, "db.r7g.large": 0.239,
};
/** RDS storage, per GB-month (single-AZ). */
export const RDS_STORAGE_GB_MONTH: Readonly<Record<string, number>> = { gp2: 0.115, gp3: 0.115, io1: 0.125, io2: 0.125, standard: 0.1 };
/** Aurora PostgreSQL instances, per hour (storage and I/O by use; Serverless v2 ACUs by use). */
export const AURORA_HOURLY: Readonly<Record<string, number>> = {
    "db.t4g.medium": 0.073, "db.t4g.large": 0.146, "db.r6g.large": 0.26, "db.r7g.large": 0.276,
};

/** Flat monthly fees: the same in every commercial region. */
export const MONTHLY_FEES = {
    kmsKey: 1,
    hostedZone: 0.5,
    /** Route53 health check of an AWS endpoint; each optional feature (HTTPS, string match, 10 s interval, latency) adds healthCheckFeature. */
    healthCheck: 0.5,
    healthCheckNonAws: 0.75,
    healthCheckFeature: 1,
    healthCheckFeatureNonAws: 2,
    /** CloudWatch alarm per metric (standard resolution); high resolution; composite alarm. */
    alarmMetric: 0.1,
    alarmMetricHighResolution: 0.3,
    compositeAlarm: 0.5,
    /**
     * A custom metric (first 10,000 a month; the first 10 of an account are free), e.g. the
     * CloudWatch agent's memory and disk use. Container Insights metrics are billed apart.
     */
    customMetric: 0.3,
    /** Beyond the three free per account. */
    dashboard: 3,
    webAcl: 5,
    webAclRule: 1,
    secret: 0.4,
    privateCaGeneralPurpose: 400,
    privateCaShortLived: 50,
} as const;

/**
 * Usage prices the components quote in their own cost notes (an assumed traffic level: "about one
 * LCU"); the plan estimate never adds them, it lists them as by use.
 */
export const USAGE_PRICES = {
    /** Load balancer capacity units, per hour. */
    albLcuHourly: 0.008,
    nlbLcuHourly: 0.006,
    /** NAT gateway and interface endpoint data processing, per GB. */
    natPerGb: 0.045,
    /** CloudFront to North America and Europe (PriceClass_100), per GB, and HTTPS requests per 10,000. */
    cloudfrontPerGb: 0.085,
    cloudfrontHttpsPer10k: 0.0075,
    /** CloudFront's always-free tier per month: 1 TB out, 10 million requests. */
    cloudfrontFreeGb: 1000,
    cloudfrontFreeRequestsMillions: 10,
    /** WAF requests, per million. */
    wafPerMillionRequests: 0.6,
    /** Cloud Map: a registered instance a month; Route53 DNS queries per million. */
    cloudMapInstanceMonth: 0.1,
    dnsPerMillionQueries: 0.4,
} as const;

/** Kinesis Data Streams provisioned shard, per hour (PUT units by use). */
export const KINESIS_SHARD_HOURLY = 0.015;
/** DynamoDB provisioned capacity, per unit and hour. */
export const DYNAMODB_CAPACITY_HOURLY = { write: 0.00065, read: 0.00013 } as const;

/**
 * Hourly prices (compute, storage, addresses, load balancers, NAT) of a region relative to
 * us-east-1: the region's t3.micro on-demand price over us-east-1's ($0.0104), from the EC2 page.
 * One factor per region is an approximation (services differ by a few percent); flat monthly fees
 * are the same everywhere and are not scaled. A region not listed is priced as us-east-1, and the
 * estimate says so.
 */
export const REGION_FACTORS: Readonly<Record<string, number>> = {
    "us-east-1": 1, "us-east-2": 1, "us-west-2": 1, "us-west-1": 1.19, "ca-central-1": 1.12,
    "sa-east-1": 1.62,
    "eu-west-1": 1.1, "eu-west-2": 1.13, "eu-west-3": 1.13, "eu-central-1": 1.15, "eu-north-1": 1.04, "eu-south-1": 1.13,
    "ap-south-1": 1.08, "ap-southeast-1": 1.27, "ap-southeast-2": 1.27, "ap-northeast-1": 1.31, "ap-northeast-2": 1.25,
};

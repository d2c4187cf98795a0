import { type DataSettings } from "./data";
import { type EnterpriseSettings } from "./enterprise";
import { type HostMetricsSettings } from "./hostMetrics";
import { type MtlsSettings } from "./mtls";
import { type PlatformSettings } from "./platform";
import { type ServingSettings } from "./serving";
import { type SmokeCheck } from "./smoke";
import { type WebSettings } from "./web";

/**
 * The typed settings the whole program runs on. Config is parsed and validated once, at the
 * edge (./parse.ts), into this shape; components never read pulumi.Config themselves.
 */

/** The four architecture phases of seed 001. */
export type Phase = 1 | 2 | 3 | 4;
export const PHASES: readonly Phase[] = [1, 2, 3, 4];
/** Phases this version of stagecraft can build. */
export const IMPLEMENTED_PHASES: readonly Phase[] = [1, 2, 3, 4];

export type AmiFamily = "al2023" | "ubuntu-22.04";
export const AMI_FAMILIES: readonly AmiFamily[] = ["al2023", "ubuntu-22.04"];

/**
 * How private subnets reach the internet. Monthly cost in us-east-1 (730 h):
 * - none: $0 (no private egress; phase 1 has no private subnets at all)
 * - instance: one t4g.nano NAT instance, about $3 + EBS
 * - gateway: one NAT gateway, about $33 + $0.045/GB processed (single AZ point of failure)
 * - gateway-per-az: one NAT gateway per AZ, about $33 per AZ + $0.045/GB
 */
export type NatStrategy = "none" | "instance" | "gateway" | "gateway-per-az";
export const NAT_STRATEGIES: readonly NatStrategy[] = ["none", "instance", "gateway", "gateway-per-az"];

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export interface AppSettings {
    /** Short name used in resource names, log groups and tags, e.g. `chat`. */
    name: string;
    /** Port the app container listens on (seed 000: 8000, seed 001: 5000). */
    port: number;
    /** Container image (without tag) the host runs. */
    image: string;
    /** Image tag deployed at first boot; later deploys pass a git ref through SSM. */
    initialTag: string;
    /** Optional git repository checked out on the host; deploys resolve refs against it. */
    repository?: string;
    /** Path the load balancer / Route53 health check probes. */
    healthPath: string;
    /** Probes the hosts' deploy tool runs after the health check; a failure rolls back (seed 004). */
    smokeChecks: SmokeCheck[];
}

export interface NetworkSettings {
    cidrBlock: string;
    availabilityZones: number;
    natStrategy: NatStrategy;
    ipv6: boolean;
    /** Send VPC flow logs to CloudWatch (CIS AWS 3.9); costs $0.50/GB ingested. */
    flowLogs: boolean;
}

export interface HostSettings {
    instanceType: string;
    amiFamily: AmiFamily;
    rootVolumeSizeGb: number;
    detailedMonitoring: boolean;
    /** Sources allowed to SSH; empty means no port-22 rule at all (access through SSM). */
    sshCidrs: string[];
    /** Sources allowed to reach the app port directly; empty means only through 80/443. */
    appPortCidrs: string[];
    /** Phase 1: the CloudWatch agent (memory, disk) and the host's alarm thresholds (config/hostMetrics.ts). */
    metrics: HostMetricsSettings;
}

export interface DnsSettings {
    /** The app's fully qualified domain name, e.g. `api.example.com`. */
    domain?: string;
    /** Route53 hosted zone that owns `domain`; when set, an A record points at the host. */
    hostedZoneId?: string;
    /** Serve HTTPS (certificates from Let's Encrypt on the host) and health-check over HTTPS. */
    tls: boolean;
}

export interface StorageSettings {
    /** Browser origins allowed to use the uploads bucket directly (CORS). */
    corsOrigins: string[];
    /**
     * Key prefixes of the uploads bucket anyone may read through the public-files CloudFront
     * distribution (seed 003's `profile-pictures/`); empty: no distribution, the bucket wholly private.
     */
    publicPrefixes: string[];
    /** Days after which uploads expire; 0 keeps them (seed 001 dev: 30). */
    uploadsExpirationDays: number;
    /** Days a backup is kept: current objects expire after it, replaced or deleted versions too. */
    backupRetentionDays: number;
    /** Move backups to cheaper storage classes as they age (prod). */
    backupArchive: boolean;
}

/** What every phase's settings hold; `phase`, `dns` and `network` are narrowed per phase below. */
interface CommonSettings {
    project: string;
    stack: string;
    region: string;
    /** Environment label (dev, staging, prod, ...) used in names and tags. */
    environment: string;
    owner: string;
    app: AppSettings;
    host: HostSettings;
    alertEmail?: string;
    logRetentionDays: number;
    storage: StorageSettings;
    /** Phase-1 data: PostgreSQL on its own volume and nightly backups (config/data.ts). */
    data: DataSettings;
    /** What the single host's proxy serves: the app alone, or an SPA beside it (config/serving.ts). */
    serving: ServingSettings;
    /** Protect stateful resources (buckets, data) from deletion: `pulumi destroy` stops at them. */
    protectStateful: boolean;
    /** Tags every taggable resource carries. */
    tags: Record<string, string>;
    /** Phase-2 web tier: Auto Scaling, load balancer, CDN, alarms (defaults apply in every phase). */
    web: WebSettings;
    /** Phase-3 container platform: services, Redis, Cognito, WAF, WebSocket API (defaults apply in every phase). */
    platform: PlatformSettings;
    /** Seed 002's mTLS API on the phase-3 platform; undefined unless `mtlsApi` is on. */
    mtls?: MtlsSettings;
    /** Phase-4 enterprise: tenants, provisioning workflow, organisation, security baseline. */
    enterprise: EnterpriseSettings;
    /** Cost alerts, in every phase (seed 004). */
    cost: CostSettings;
}

/** Phase 1: one host in a public subnet; a domain is optional. */
export interface SingleHostSettings extends CommonSettings {
    phase: 1;
    network: NetworkSettings;
    dns: DnsSettings;
}

/** From phase 2 on the apex domain and its hosted zone exist: certificates are validated through DNS. */
export interface WebDnsSettings extends DnsSettings {
    domain: string;
    hostedZoneId: string;
}

/** From phase 2 on workloads live in private subnets that reach the internet through NAT. */
export interface PrivateNetworkSettings extends NetworkSettings {
    natStrategy: Exclude<NatStrategy, "none">;
}

/** Phases 2-4: the load-balanced web tier and everything built on it. */
export interface WebTierSettings extends CommonSettings {
    phase: 2 | 3 | 4;
    network: PrivateNetworkSettings;
    dns: WebDnsSettings;
}

/**
 * The typed settings the whole program runs on, per phase: what a phase cannot work without is
 * required by its type, so no component checks it again.
 */
export type Settings = SingleHostSettings | WebTierSettings;

export interface CostSettings {
    /** Monthly cost budget in USD, alerting at 80 % actual and 100 % forecast; 0 turns it off. */
    monthlyBudgetUsd: number;
    /** Create the account-wide Cost Anomaly Detection monitor (one stack per account). */
    anomalyMonitor: boolean;
    /** An existing monitor (another stack's, in the same account) this stack subscribes to instead. */
    anomalyMonitorArn?: string;
    /** Anomalies reported from this total impact on, in USD. */
    anomalyThresholdUsd: number;
}

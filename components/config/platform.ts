/**
 * Phase 3 settings (the container platform): parsed from flat `stagecraft:` keys with the
 * ConfigReader, so every problem is collected with the others and reported before anything is
 * created. The lead's parseSettings calls parsePlatformSettings and stores the result as
 * `settings.platform`. Defaults are seed 001's numbers where it gives them (1024 CPU units,
 * 2048 MiB, WAF rate limit 2000 per IP) and safe values elsewhere.
 */
import { CPU_ARCHITECTURES, type CpuArchitecture, FARGATE_CPUS, fargateSizeProblem } from "../lib/fargate";
import { ENV_NAME, looksSecret, secretValueKind } from "../lib/environmentVariables";
import { secretSourceOf, type SecretSource } from "../lib/secretSources";
import { isCountryCode } from "../lib/countries";
import { MTLS_RESERVED_NAMES } from "./mtls";
import { type ConfigReader } from "./reader";
import { type Phase } from "./settings";

/** One ECS service of the platform. */
export interface ServiceSettings {
    /** Service, container and repository name (`api`, `worker`, ...). */
    name: string;
    /** Behind the load balancer on the app port (the `api` service); workers are not. */
    loadBalanced: boolean;
    /** Fargate CPU units (1024 = 1 vCPU). */
    cpu: number;
    /** Fargate memory, MiB (a size Fargate accepts with `cpu`). */
    memory: number;
    /** Tasks at creation; auto scaling owns the count afterwards. */
    desiredCount: number;
    minCount: number;
    maxCount: number;
    /** Average CPU (%) the service scales to. */
    cpuTarget: number;
    /** Load-balanced services also scale on requests per task per minute. */
    requestsPerTarget?: number;
    /** Image tag in the service's ECR repository; undefined means `appImageTag`. */
    imageTag?: string;
    /** Non-secret environment variables. */
    environment: Record<string, string>;
    /** Variables ECS injects from Secrets Manager / SSM Parameter Store: name → valueFrom. */
    secrets: ConfiguredSecret[];
    /** Container health-check shell command; undefined for none (the load balancer checks /health). */
    healthCheckCommand?: string;
    /** Read-only root filesystem with a writable /tmp. */
    readonlyRootFilesystem: boolean;
}

/** A secret the user configured: where ECS reads it and what kind of store that is. */
export interface ConfiguredSecret {
    name: string;
    /** Secrets Manager secret ARN, SSM parameter ARN, or SSM parameter name of this region. */
    valueFrom: string;
    source: SecretSource;
}

export type RedisEngine = "redis" | "valkey";
export const REDIS_ENGINES: readonly RedisEngine[] = ["redis", "valkey"];

export interface RedisSettings {
    engine: RedisEngine;
    /** e.g. cache.t4g.small */
    nodeType: string;
    /** Read replicas besides the primary; 1 or more turns on automatic failover and Multi-AZ. */
    replicas: number;
    /** Days of daily snapshots kept (0 turns backups off). */
    snapshotRetentionDays: number;
}

export type MfaMode = "OFF" | "OPTIONAL" | "ON";
export const MFA_MODES: readonly MfaMode[] = ["OFF", "OPTIONAL", "ON"];

export interface CognitoSettings {
    mfa: MfaMode;
    /** Shortest accepted password (upper, lower, digit and symbol always required). */
    passwordMinimumLength: number;
    /** Users may sign themselves up (a SaaS); false lets only administrators create users. */
    selfSignUp: boolean;
}

export interface WafSettings {
    /** Requests per source IP per 5 minutes before the IP is blocked (seed 001: 2000). */
    rateLimit: number;
    /** ISO 3166-1 alpha-2 codes whose requests are blocked (seed 001: CN, RU, KP). */
    geoBlockCountries: string[];
    /** Also put a web ACL (in us-east-1) on the CloudFront distribution when the CDN is on. */
    onCdn: boolean;
}

export interface WebSocketSettings {
    /** Label of the WebSocket API's hostname under the apex (`ws` → wss://ws.example.com). */
    subdomain: string;
    /** Steady-state messages per second the stage accepts (account-wide limit: 10,000). */
    throttleRateLimit: number;
    /** Burst of messages the stage accepts above the rate. */
    throttleBurstLimit: number;
}

export type ContainerInsights = "enabled" | "enhanced";
export const CONTAINER_INSIGHTS: readonly ContainerInsights[] = ["enabled", "enhanced"];

export interface PlatformSettings {
    /** The `api` service first, then the workers. */
    services: ServiceSettings[];
    /** CPU architecture of every task (ARM64 is about 20 % cheaper; images must be built for it). */
    cpuArchitecture: CpuArchitecture;
    containerInsights: ContainerInsights;
    /** Images kept per ECR repository. */
    ecrKeepImages: number;
    redis: RedisSettings;
    cognito: CognitoSettings;
    waf: WafSettings;
    websocket: WebSocketSettings;
    /** Label of the tenants' wildcard zone (`tenant` → *.tenant.example.com). */
    tenantSubdomain: string;
    /**
     * Set the account's API Gateway CloudWatch Logs role (one per account and region; WebSocket
     * stages cannot log without it). Turn off where another stack already sets it.
     */
    apiGatewayAccountRole: boolean;
    /**
     * The services' images exist in their repositories. While false (a new stack: `pulumi up`
     * creates empty repositories), every service starts with zero tasks and its scaling range is
     * 0-0, so nothing crash-loops on a missing image; set it true once the first release pushed them.
     */
    imageReady: boolean;
    /** CloudWatch namespace of the app's custom metrics: the only one its task role may put metrics in. */
    metricsNamespace: string;
}

/** Phase-3 defaults: seed 001's numbers where it gives them. */
export const PLATFORM_DEFAULTS = {
    taskCpu: 1024,
    taskMemory: 2048,
    serviceDesiredCount: 2,
    serviceMinCount: 2,
    serviceMaxCount: 6,
    serviceCpuTarget: 60,
    serviceRequestsPerTarget: 1000,
    workerCpu: 512,
    workerMemory: 1024,
    workerCount: 1,
    cpuArchitecture: "X86_64" as CpuArchitecture,
    containerInsights: "enabled" as ContainerInsights,
    ecrKeepImages: 30,
    redis: { engine: "redis", nodeType: "cache.t4g.small", replicas: 1, snapshotRetentionDays: 1 } as RedisSettings,
    cognito: { mfa: "OPTIONAL", passwordMinimumLength: 12, selfSignUp: true } as CognitoSettings,
    waf: { rateLimit: 2000, geoBlockCountries: [] as string[], onCdn: true } as WafSettings,
    websocket: { subdomain: "ws", throttleRateLimit: 500, throttleBurstLimit: 1000 } as WebSocketSettings,
    tenantSubdomain: "tenant",
    apiGatewayAccountRole: true,
    imageReady: false,
    /** "" means the app name. */
    metricsNamespace: "",
};

/** The load-balanced service every platform has. */
export const API_SERVICE = "api";

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const NODE_TYPE = /^cache\.[a-z0-9]+\.[a-z0-9]+$/;

function label(read: ConfigReader, key: string, fallback: string): string {
    const value = read.string(key, fallback).toLowerCase();
    if (!LABEL.test(value)) {
        read.problem(key, value, "one DNS label: lower-case letters, digits and hyphens (up to 63)");
        return fallback;
    }
    return value;
}

/**
 * Variables the platform sets in every service (architectures/phase3/environment.ts platformEnvironment and its
 * injected secrets): a user value under one of these names would silently re-point the app (PORT
 * away from the load balancer's port, REDIS_HOST elsewhere), so config refuses them.
 */
export const PLATFORM_VARIABLES: readonly string[] = [
    "PORT", "APP_URL", "REDIS_HOST", "REDIS_PORT", "REDIS_TLS", "SESSIONS_TABLE", "UPLOADS_BUCKET",
    "COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID", "WEBSOCKET_URL", "REDIS_AUTH_TOKEN", "SESSION_SECRET",
    "CLUSTER_MODE", "METRICS_NAMESPACE",
];

/**
 * A CloudWatch namespace the app may publish to: CloudWatch's characters (letters, digits and
 * `. - _ / # :`), up to 255, and never AWS's own `AWS/...` namespaces.
 */
const METRICS_NAMESPACE = /^(?!AWS\/)[A-Za-z0-9._\/#:-]{1,255}$/;

/**
 * Prefixes AWS reserves in a task's environment: ECS and the SDKs read AWS_* (a user
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI would take the task role away, AWS_REGION the region)
 * and ECS_* configure the agent.
 */
export const RESERVED_PREFIXES: readonly string[] = ["AWS_", "ECS_"];

function reservedName(name: string): string | undefined {
    if (PLATFORM_VARIABLES.includes(name)) return "the platform sets it in every service";
    const prefix = RESERVED_PREFIXES.find((p) => name.toUpperCase().startsWith(p));
    return prefix === undefined ? undefined : `${prefix}* is reserved by AWS (ECS and the SDKs read it)`;
}

/** Printable text without line breaks: what an environment value or a health-check line may hold. */
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

/** `NAME=value` entries; names must be valid, not reserved, and not look secret, nor may the values. */
function environment(read: ConfigReader): Record<string, string> {
    const env: Record<string, string> = {};
    for (const entry of read.stringList("containerEnvironment", [])) {
        const at = entry.indexOf("=");
        const name = at > 0 ? entry.slice(0, at) : entry;
        const value = entry.slice(at + 1);
        const reserved = at > 0 ? reservedName(name) : undefined;
        const valueKind = secretValueKind(value);
        if (at <= 0 || !ENV_NAME.test(name)) {
            read.problem("containerEnvironment", entry, "NAME=value entries with a variable name of letters, digits and _ (e.g. \"LOG_LEVEL=info\")");
        } else if (reserved !== undefined) {
            read.problem("containerEnvironment", name, `a name of the app's own: ${name} is not settable (${reserved})`);
        } else if (looksSecret(name)) {
            read.problem("containerEnvironment", name, `a non-secret variable: ${name} looks like a secret, so list it in stagecraft:containerSecrets as "${name}=<Secrets Manager ARN or SSM parameter>"`);
        } else if (valueKind !== undefined) {
            read.problem("containerEnvironment", `${name}=[hidden]`, `a non-secret value: the value of ${name} holds ${valueKind}; store it in Secrets Manager or SSM Parameter Store and list ${name} in stagecraft:containerSecrets`);
        } else if (!PRINTABLE.test(value) || value.length > 4096) {
            read.problem("containerEnvironment", name, "a value of printable characters without line breaks, up to 4096 characters");
        } else if (name in env) {
            read.problem("containerEnvironment", name, "each variable once");
        } else {
            env[name] = value;
        }
    }
    return env;
}

function secrets(read: ConfigReader): ConfiguredSecret[] {
    const out: ConfiguredSecret[] = [];
    for (const entry of read.stringList("containerSecrets", [])) {
        const at = entry.indexOf("=");
        const name = at > 0 ? entry.slice(0, at) : entry;
        const valueFrom = at > 0 ? entry.slice(at + 1).trim() : "";
        const source = secretSourceOf(valueFrom);
        const reserved = at > 0 ? reservedName(name) : undefined;
        if (at <= 0 || !ENV_NAME.test(name)) {
            read.problem("containerSecrets", at > 0 ? `${name}=[hidden]` : "[hidden]", "NAME=<valueFrom> entries with a variable name of letters, digits and _");
        } else if (reserved !== undefined) {
            read.problem("containerSecrets", name, `a name of the app's own: ${name} is not settable (${reserved})`);
        } else if (source === undefined) {
            // Whatever follows the = may be the secret itself: it is never printed.
            read.problem("containerSecrets", `${name}=[hidden]`, "NAME=<full Secrets Manager secret ARN> (optionally with :json-key::), NAME=<SSM parameter ARN> or NAME=</ssm/parameter/path> (starting with /): never the secret itself");
        } else if (out.some((s) => s.name === name)) {
            read.problem("containerSecrets", name, "each variable once");
        } else {
            out.push({ name, valueFrom, source });
        }
    }
    return out;
}

function counts(read: ConfigReader, keys: { desired: string; min: string; max: string }, fallback: { desired: number; min: number; max: number }) {
    const minCount = read.integer(keys.min, fallback.min, 0, 100);
    const maxCount = read.integer(keys.max, fallback.max, 1, 100);
    const desiredCount = read.integer(keys.desired, fallback.desired, 0, 100);
    if (minCount > maxCount) {
        read.problem(keys.min, minCount, `at most stagecraft:${keys.max} (${maxCount})`);
    } else if (desiredCount < minCount || desiredCount > maxCount) {
        read.problem(keys.desired, desiredCount, `from stagecraft:${keys.min} (${minCount}) to stagecraft:${keys.max} (${maxCount})`);
    }
    return { desiredCount, minCount, maxCount };
}

/** Parses one `workerServices` entry: `<name> [cpu=512] [memory=1024] [desired=1] [min=1] [max=2] [cpuTarget=60] [tag=<tag>]`. */
function worker(read: ConfigReader, entry: string, shared: Pick<ServiceSettings, "environment" | "secrets" | "readonlyRootFilesystem">, cpuTargetDefault: number): ServiceSettings | undefined {
    const key = "workerServices";
    const [name, ...pairs] = entry.trim().split(/\s+/);
    const reserved: string[] = [API_SERVICE, ...MTLS_RESERVED_NAMES];
    if (!SERVICE_NAME.test(name ?? "") || reserved.includes(name)) {
        read.problem(key, entry, `a service name first (2-20 lower-case letters, digits, hyphens; not ${reserved.map((r) => `"${r}"`).join(", ")}: the platform's own services, repositories and log groups), then optional cpu= memory= desired= min= max= cpuTarget= tag=, e.g. "notifications cpu=512 memory=1024 max=3"`);
        return undefined;
    }
    const d = PLATFORM_DEFAULTS;
    const options: Record<string, string> = {};
    for (const pair of pairs) {
        const m = /^(cpu|memory|desired|min|max|cpuTarget|tag)=(\S+)$/.exec(pair);
        if (m === null) {
            read.problem(key, entry, `options cpu=, memory=, desired=, min=, max=, cpuTarget=, tag= after the name ("${pair}" is not one)`);
            return undefined;
        }
        options[m[1]] = m[2];
    }
    const int = (option: string, fallback: number, min: number, max: number): number => {
        const text = options[option];
        if (text === undefined) return fallback;
        const value = /^\d+$/.test(text) ? Number(text) : NaN;
        if (!(value >= min && value <= max)) {
            read.problem(key, entry, `${option} a whole number from ${min} to ${max}`);
            return fallback;
        }
        return value;
    };
    const cpu = int("cpu", d.workerCpu, 256, 16384);
    const memory = int("memory", d.workerMemory, 512, 122880);
    const sizeProblem = fargateSizeProblem(cpu, memory);
    if (sizeProblem !== undefined) read.problem(key, entry, sizeProblem);
    const desiredCount = int("desired", d.workerCount, 0, 100);
    const minCount = int("min", desiredCount, 0, 100);
    const maxCount = int("max", Math.max(desiredCount, minCount, 2), 1, 100);
    if (minCount > maxCount || desiredCount < minCount || desiredCount > maxCount) {
        read.problem(key, entry, "min ≤ desired ≤ max");
    }
    const imageTag = options.tag;
    if (imageTag !== undefined && !IMAGE_TAG.test(imageTag)) {
        read.problem(key, entry, "tag= an image tag: letters, digits, _ . - (up to 128 characters)");
    }
    return {
        name,
        loadBalanced: false,
        cpu,
        memory,
        desiredCount,
        minCount,
        maxCount,
        cpuTarget: int("cpuTarget", cpuTargetDefault, 10, 95),
        imageTag,
        ...shared,
    };
}

/**
 * Reads and validates the phase-3 keys. Problems go to `read.problems` (the caller throws one
 * ConfigError with all of them). Keys of phases 1-2 the platform also relies on (domain, hosted
 * zone, NAT strategy, app port, image tag) are validated by parseSettings / parseWebSettings.
 */
export function parsePlatformSettings(read: ConfigReader, phase: Phase, appName: string): PlatformSettings {
    const d = PLATFORM_DEFAULTS;

    const cpu = read.integer("taskCpu", d.taskCpu, 256, 16384);
    const memory = read.integer("taskMemory", d.taskMemory, 512, 122880);
    const sizeProblem = fargateSizeProblem(cpu, memory);
    if (sizeProblem !== undefined) {
        const cpuValid = FARGATE_CPUS.includes(cpu);
        read.problem(cpuValid ? "taskMemory" : "taskCpu", cpuValid ? memory : cpu, sizeProblem);
    }
    const apiCounts = counts(read,
        { desired: "serviceDesiredCount", min: "serviceMinCount", max: "serviceMaxCount" },
        { desired: d.serviceDesiredCount, min: d.serviceMinCount, max: d.serviceMaxCount });
    const cpuTarget = read.integer("serviceCpuTarget", d.serviceCpuTarget, 10, 95);
    const requestsPerTarget = read.integer("serviceRequestsPerTarget", d.serviceRequestsPerTarget, 10, 100000);
    const healthCheck = read.optionalString("healthCheckCommand");
    if (healthCheck !== undefined && (!PRINTABLE.test(healthCheck) || healthCheck.length > 1024)) {
        read.problem("healthCheckCommand", healthCheck, "one shell command line run inside the container (printable characters, no line breaks, up to 1024 characters), e.g. \"curl -fsS http://localhost:8000/health || exit 1\"");
    }
    const shared = {
        environment: environment(read),
        secrets: secrets(read),
        readonlyRootFilesystem: read.boolean("readonlyRootFilesystem", true),
    };
    for (const s of shared.secrets) {
        if (s.name in shared.environment) {
            read.problem("containerSecrets", s.name, `a name not also in stagecraft:containerEnvironment: ${s.name} is in both (ECS refuses a task definition that sets a variable twice)`);
        }
    }
    const api: ServiceSettings = {
        name: API_SERVICE,
        loadBalanced: true,
        cpu,
        memory,
        ...apiCounts,
        cpuTarget,
        requestsPerTarget,
        healthCheckCommand: healthCheck === "" ? undefined : healthCheck,
        ...shared,
    };
    const workers: ServiceSettings[] = [];
    for (const entry of read.stringList("workerServices", [])) {
        const w = worker(read, entry, shared, cpuTarget);
        if (w === undefined) continue;
        if (workers.some((x) => x.name === w.name)) read.problem("workerServices", w.name, "each worker name once");
        else workers.push(w);
    }

    const cpuArchitecture = read.oneOf("cpuArchitecture", d.cpuArchitecture, CPU_ARCHITECTURES);
    const containerInsights = read.oneOf("containerInsights", d.containerInsights, CONTAINER_INSIGHTS);
    const ecrKeepImages = read.integer("ecrKeepImages", d.ecrKeepImages, 2, 1000);

    const redisEngine = read.oneOf("redisEngine", d.redis.engine, REDIS_ENGINES);
    const redisNodeType = read.string("redisNodeType", d.redis.nodeType);
    if (!NODE_TYPE.test(redisNodeType)) {
        read.problem("redisNodeType", redisNodeType, "an ElastiCache node type such as cache.t4g.small or cache.r7g.large");
    }
    const redisReplicas = read.integer("redisReplicas", d.redis.replicas, 0, 5);
    const redisSnapshotRetentionDays = read.integer("redisSnapshotRetentionDays", d.redis.snapshotRetentionDays, 0, 35);
    if (redisSnapshotRetentionDays > 0 && /^cache\.t[12]\./.test(redisNodeType)) {
        read.problem("redisNodeType", redisNodeType, "a current node type (t3, t4g, m/r families) when snapshots are kept: t1/t2 nodes cannot take backups");
    }

    const mfa = read.oneOf("cognitoMfa", d.cognito.mfa, MFA_MODES);
    const passwordMinimumLength = read.integer("cognitoPasswordMinLength", d.cognito.passwordMinimumLength, 12, 99);
    const selfSignUp = read.boolean("cognitoSelfSignUp", d.cognito.selfSignUp);

    const rateLimit = read.integer("wafRateLimit", d.waf.rateLimit, 100, 2_000_000_000);
    const geoBlockCountries: string[] = [];
    for (const code of read.stringList("wafGeoBlock", d.waf.geoBlockCountries).map((c) => c.toUpperCase())) {
        if (!isCountryCode(code)) {
            read.problem("wafGeoBlock", code, "ISO 3166-1 alpha-2 country codes such as CN, RU, KP");
        } else if (!geoBlockCountries.includes(code)) {
            geoBlockCountries.push(code);
        }
    }
    const onCdn = read.boolean("wafOnCdn", d.waf.onCdn);

    const wsSubdomain = label(read, "websocketSubdomain", d.websocket.subdomain);
    const throttleRateLimit = read.integer("websocketRateLimit", d.websocket.throttleRateLimit, 1, 10000);
    const throttleBurstLimit = read.integer("websocketBurstLimit", d.websocket.throttleBurstLimit, 1, 5000);
    const tenantSubdomain = label(read, "tenantSubdomain", d.tenantSubdomain);
    const apiGatewayAccountRole = read.boolean("apiGatewayAccountRole", d.apiGatewayAccountRole);
    const imageReady = read.boolean("imageReady", d.imageReady);
    const metricsNamespace = read.string("metricsNamespace", d.metricsNamespace) || appName;
    if (!METRICS_NAMESPACE.test(metricsNamespace)) {
        read.problem("metricsNamespace", metricsNamespace, "a CloudWatch namespace: 1-255 letters, digits and . - _ / # :, not starting with AWS/ (\"\" for the app name)");
    }

    if (phase >= 3) {
        const taken = [read.string("appSubdomain", "app").toLowerCase(), read.string("cdnSubdomain", "cdn").toLowerCase()];
        if (taken.includes(wsSubdomain)) {
            read.problem("websocketSubdomain", wsSubdomain, `a label other than stagecraft:appSubdomain and cdnSubdomain (${taken.join(", ")})`);
        }
        if (taken.includes(tenantSubdomain) || tenantSubdomain === wsSubdomain) {
            read.problem("tenantSubdomain", tenantSubdomain, "a label of its own: the tenants' wildcard records live under it");
        }
    }

    return {
        services: [api, ...workers],
        cpuArchitecture,
        containerInsights,
        ecrKeepImages,
        redis: { engine: redisEngine, nodeType: redisNodeType, replicas: redisReplicas, snapshotRetentionDays: redisSnapshotRetentionDays },
        cognito: { mfa, passwordMinimumLength, selfSignUp },
        waf: { rateLimit, geoBlockCountries, onCdn },
        websocket: { subdomain: wsSubdomain, throttleRateLimit, throttleBurstLimit },
        tenantSubdomain,
        apiGatewayAccountRole,
        imageReady,
        metricsNamespace,
    };
}

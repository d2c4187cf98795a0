import { canonicalCidr, cidrSyntaxProblem, hasHostBits, parseCidr, sizeExponent } from "../lib/cidr";
import { ConfigError } from "../lib/errors";
import { type ConfigReader } from "./reader";
import {
    AMI_FAMILIES,
    IMPLEMENTED_PHASES,
    LOG_RETENTION_DAYS,
    NAT_STRATEGIES,
    PHASES,
    type Phase,
    type Settings,
} from "./settings";
import { parseDataSettings } from "./data";
import { parseHostMetricsSettings } from "./hostMetrics";
import { defaultCorsOrigins } from "./cors";
import { parseEnterpriseSettings } from "./enterprise";
import { validCidrs } from "./cidrs";
import { parseMtlsSettings } from "./mtls";
import { parsePublicPrefixes } from "./publicPrefixes";
import { isRoutePrefix } from "../lib/render/caddy";
import { EMAIL, GIT_HTTPS_URL, REGION } from "./patterns";
import { parsePlatformSettings } from "./platform";
import { parseServingSettings } from "./serving";
import { parseSmokeChecks } from "./smoke";
import { parseWebSettings, webHostnames } from "./web";

/** What the program knows about itself besides config. */
export interface ProgramContext {
    project: string;
    stack: string;
    /** `aws:region`, or undefined when the stack file does not set it. */
    region: string | undefined;
}

const NAME = /^[a-z][a-z0-9-]*[a-z0-9]$/;
const HOSTNAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const IMAGE = /^[a-z0-9]+([._/-][a-z0-9]+)*(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
/** A Cost Anomaly Detection monitor (Cost Explorer ARNs have no region). */
const ANOMALY_MONITOR_ARN = /^arn:aws(-cn|-us-gov)?:ce::\d{12}:anomalymonitor\/[0-9a-f-]{1,64}$/;
const ORIGIN = /^https?:\/\/(localhost|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)(:\d{1,5})?$/;

/** SSH sources wider than this are "the internet" in practice: use SSM Session Manager instead. */
const SSH_MAX_EXPONENT = { 4: 16, 6: 80 } as const;

/**
 * Parses and validates the stack's config into typed settings. Throws one ConfigError listing
 * every problem (key, value, what is allowed) before any resource is registered.
 */
export function parseSettings(read: ConfigReader, ctx: ProgramContext): Settings {
    const phase = read.oneOf<Phase>("phase", 1, PHASES);
    if (!IMPLEMENTED_PHASES.includes(phase)) {
        read.problem("phase", phase, `a phase this version builds: ${IMPLEMENTED_PHASES.join(", ")} (phase ${phase} is planned)`);
    }

    const environment = read.string("environment", ctx.stack).toLowerCase();
    if (!NAME.test(environment) || environment.length > 10) {
        read.problem("environment", environment, "2-10 characters: lower-case letters, digits and hyphens, starting with a letter");
    }
    const appName = read.string("appName", "app");
    if (!NAME.test(appName) || appName.length > 16) {
        read.problem("appName", appName, "2-16 characters: lower-case letters, digits and hyphens, starting with a letter (used in bucket names)");
    }
    const owner = read.string("owner", "platform");
    if (!/^[\w .:/=+@-]{1,256}$/.test(owner)) {
        read.problem("owner", owner, "a tag value: up to 256 letters, digits, spaces and _ . : / = + - @");
    }

    let region = ctx.region ?? "";
    if (!REGION.test(region)) {
        read.problems.push({ key: "aws:region", value: ctx.region ?? null, allowed: "an AWS region such as us-east-1 (set it with `pulumi config set aws:region us-east-1`)" });
        region = "us-east-1";
    }

    const appPort = read.integer("appPort", 8000, 1024, 65535);
    const appImage = read.string("appImage", "ealen/echo-server");
    if (!IMAGE.test(appImage)) {
        read.problem("appImage", appImage, "a container image name without tag, e.g. ghcr.io/acme/api or ealen/echo-server");
    }
    const appImageTag = read.string("appImageTag", "0.9.2");
    if (!IMAGE_TAG.test(appImageTag)) {
        read.problem("appImageTag", appImageTag, "an image tag: letters, digits, _ . - (up to 128 characters)");
    }
    const appRepository = read.optionalString("appRepository");
    if (appRepository !== undefined && !GIT_HTTPS_URL.test(appRepository)) {
        read.problem("appRepository", appRepository, "an https:// git URL of a host name and plain path segments (letters, digits, . _ ~ -), without credentials, query or fragment, e.g. https://github.com/acme/api.git");
    }

    // One path for every health check: Route53, target groups, the deploy tool, the mTLS gateway,
    // and the proxy's routes to the app: the Caddyfile's route grammar (lower case), which is
    // stricter than a plain HTTP path.
    const healthPath = read.string("healthPath", "/health");
    if (!isRoutePrefix(healthPath)) {
        read.problem("healthPath", healthPath, "an absolute path of up to 8 plain segments (lower-case letters, digits, . _ ~ -; none starting with a dot) other than /, without a trailing /, query or fragment, e.g. /health or /healthz (seed 004)");
    }
    const smokeChecks = parseSmokeChecks(read);

    const cidrBlock = read.string("vpcCidr", "10.0.0.0/16");
    const vpcCidr = parseCidr(cidrBlock);
    if (!vpcCidr || vpcCidr.version !== 4 || vpcCidr.prefix < 16 || vpcCidr.prefix > 24 || hasHostBits(vpcCidr)) {
        const why = vpcCidr ? "" : ` (${cidrSyntaxProblem(cidrBlock)})`;
        read.problem("vpcCidr", cidrBlock, `an IPv4 network CIDR from /16 to /24 without host bits, e.g. 10.0.0.0/16${why}`);
    }
    const availabilityZones = read.integer("availabilityZones", 2, 1, 3);
    const natStrategy = read.oneOf("natStrategy", "none", NAT_STRATEGIES);
    if (phase === 1 && natStrategy !== "none") {
        read.problem("natStrategy", natStrategy, "\"none\" while stagecraft:phase is 1: the single host lives in a public subnet and there are no private subnets to route");
    }
    const ipv6 = read.boolean("enableIpv6", false);
    const flowLogs = read.boolean("vpcFlowLogs", false);

    const instanceType = read.string("instanceType", "t3.micro");
    if (!INSTANCE_TYPE.test(instanceType)) {
        read.problem("instanceType", instanceType, "an EC2 instance type such as t3.micro or t4g.small");
    }
    const amiFamily = read.oneOf("amiFamily", "al2023", AMI_FAMILIES);
    const rootVolumeSizeGb = read.integer("rootVolumeSizeGb", 30, 8, 16384);
    const detailedMonitoring = read.boolean("detailedMonitoring", false);
    const hostMetrics = parseHostMetricsSettings(read);
    const sshCidrs = validSshCidrs(read, read.stringList("sshCidrs", []));
    const appPortCidrs = validCidrs(read, "appPortCidrs", read.stringList("appPortCidrs", ["0.0.0.0/0"]), ipv6);
    hostRuleQuota(read, { appPortCidrs, sshCidrs, ipv6 });

    const domain = read.optionalString("domain")?.toLowerCase();
    if (domain !== undefined && !HOSTNAME.test(domain)) {
        read.problem("domain", domain, "a fully qualified domain name such as api.example.com");
    }
    const hostedZoneId = read.optionalString("hostedZoneId");
    if (hostedZoneId !== undefined && !HOSTED_ZONE_ID.test(hostedZoneId)) {
        read.problem("hostedZoneId", hostedZoneId, "a Route53 hosted zone id such as Z0123456789ABCDEFGHIJ");
    }
    if (hostedZoneId !== undefined && domain === undefined) {
        read.problem("hostedZoneId", hostedZoneId, "only together with stagecraft:domain (the record it creates is for that name)");
    }
    const tls = read.boolean("tls", false);
    if (tls && domain === undefined) {
        read.problem("domain", null, "a domain name when stagecraft:tls is true (certificates and the HTTPS health check need a name)");
    }

    const alertEmail = read.optionalString("alertEmail");
    if (alertEmail !== undefined && !EMAIL.test(alertEmail)) {
        read.problem("alertEmail", alertEmail, "an e-mail address that receives alarm notifications");
    }
    const logRetentionDays = read.integer("logRetentionDays", 14, -100000, 100000);
    if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
        read.problem("logRetentionDays", logRetentionDays, `one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(", ")}`);
    }

    const corsOrigins = read.stringList("corsOrigins", []);
    for (const origin of corsOrigins) {
        if (!ORIGIN.test(origin)) {
            read.problem("corsOrigins", origin, "browser origins like https://app.example.com (scheme, host and optional port; no path, no wildcard: the uploads bucket is writable)");
        }
    }
    const uploadsExpirationDays = read.integer("uploadsExpirationDays", 0, 0, 36500);
    const backupRetentionDays = read.integer("backupRetentionDays", 30, 1, 3650);
    const backupArchive = read.boolean("backupArchive", false);
    const protectStateful = read.boolean("protectStateful", false);
    const data = parseDataSettings(read, appPort);
    const serving = parseServingSettings(read, phase);
    const web = parseWebSettings(read, phase);
    const platform = parsePlatformSettings(read, phase, appName);
    const mtls = parseMtlsSettings(read, phase, {
        appSubdomain: web.appSubdomain,
        cdnSubdomain: web.cdnSubdomain,
        websocketSubdomain: platform.websocket.subdomain,
        tenantSubdomain: platform.tenantSubdomain,
    });
    const enterprise = parseEnterpriseSettings(read, phase, region);
    const publicPrefixes = parsePublicPrefixes(read, phase === 1 ? {} : {
        appSubdomain: web.appSubdomain,
        cdnSubdomain: web.cdnSubdomain,
        ...(phase >= 3 ? { websocketSubdomain: platform.websocket.subdomain, tenantSubdomain: platform.tenantSubdomain } : {}),
        ...(mtls !== undefined ? { mtlsSubdomain: mtls.subdomain } : {}),
    });
    if (corsOrigins.length === 0 && domain !== undefined && HOSTNAME.test(domain)) {
        corsOrigins.push(...defaultCorsOrigins(domain, phase === 1 ? undefined : webHostnames(domain, web).app));
    }
    const monthlyBudgetUsd = read.integer("budgetMonthlyUsd", 10, 0, 1_000_000);
    const anomalyMonitor = read.boolean("costAnomalyMonitor", false);
    const anomalyThresholdUsd = read.integer("costAnomalyThresholdUsd", 5, 1, 1_000_000);
    const anomalyMonitorArn = read.string("costAnomalyMonitorArn", "");
    if (anomalyMonitorArn !== "" && !ANOMALY_MONITOR_ARN.test(anomalyMonitorArn)) {
        read.problem("costAnomalyMonitorArn", anomalyMonitorArn, "the ARN of an existing Cost Anomaly Detection monitor, arn:aws:ce::<12-digit account>:anomalymonitor/<id> (or \"\" for none)");
    } else if (anomalyMonitorArn !== "" && anomalyMonitor) {
        read.problem("costAnomalyMonitorArn", anomalyMonitorArn, "\"\" while stagecraft:costAnomalyMonitor is true: a stack either creates the account's SERVICE monitor or subscribes to an existing one (AWS allows one per account)");
    }
    if ((monthlyBudgetUsd > 0 || anomalyMonitor) && alertEmail === undefined) {
        read.problem("alertEmail", null, "an e-mail address while stagecraft:budgetMonthlyUsd is above 0 or costAnomalyMonitor is on: cost alerts need a recipient (or set budgetMonthlyUsd to 0)");
    }

    read.refuseUnknownKeys();
    if (read.problems.length > 0) throw new ConfigError(read.problems);

    const common = {
        project: ctx.project,
        stack: ctx.stack,
        region,
        environment,
        owner,
        app: {
            name: appName,
            port: appPort,
            image: appImage,
            initialTag: appImageTag,
            repository: appRepository,
            healthPath,
            smokeChecks,
        },
        host: { instanceType, amiFamily, rootVolumeSizeGb, detailedMonitoring, sshCidrs, appPortCidrs, metrics: hostMetrics },
        alertEmail,
        logRetentionDays,
        storage: { corsOrigins, publicPrefixes, uploadsExpirationDays, backupRetentionDays, backupArchive },
        data,
        serving,
        protectStateful,
        tags: {
            project: appName,
            environment,
            owner,
            "managed-by": "pulumi",
            "pulumi-stack": `${ctx.project}/${ctx.stack}`,
        },
        web,
        platform,
        mtls,
        enterprise,
        cost: { monthlyBudgetUsd, anomalyMonitor, ...(anomalyMonitorArn !== "" ? { anomalyMonitorArn } : {}), anomalyThresholdUsd },
    };
    const network = { cidrBlock, availabilityZones, ipv6, flowLogs };
    if (phase === 1) {
        return { ...common, phase, network: { ...network, natStrategy }, dns: { domain, hostedZoneId, tls } };
    }
    if (domain === undefined || hostedZoneId === undefined || natStrategy === "none") {
        // parseWebSettings has reported each of these as a problem from phase 2 on: never reached.
        throw new ConfigError([{ key: read.qualified("phase"), value: phase, allowed: "a phase whose required settings (domain, hostedZoneId, natStrategy) are set" }]);
    }
    return { ...common, phase, network: { ...network, natStrategy }, dns: { domain, hostedZoneId, tls } };
}

/** AWS's default quota of inbound rules per security group, counted per IP version. */
export const SECURITY_GROUP_RULE_QUOTA = 60;

/**
 * The single host's group holds 80 and 443 from the world plus one rule per app-port and SSH
 * CIDR: more than the quota fails at `pulumi up`, after other resources exist (and the host
 * firewall mirrors every rule in the 16 KB of user data).
 */
function hostRuleQuota(read: ConfigReader, input: { appPortCidrs: string[]; sshCidrs: string[]; ipv6: boolean }): void {
    for (const version of [4, 6] as const) {
        const world = version === 4 || input.ipv6 ? 2 : 0;
        const listed = [...input.appPortCidrs, ...input.sshCidrs].filter((c) => (c.includes(":") ? 6 : 4) === version).length;
        if (world + listed > SECURITY_GROUP_RULE_QUOTA) {
            const key = input.appPortCidrs.length >= input.sshCidrs.length ? "appPortCidrs" : "sshCidrs";
            read.problem(key, `${listed} IPv${version} CIDRs`, `at most ${SECURITY_GROUP_RULE_QUOTA - world} IPv${version} CIDRs in stagecraft:appPortCidrs and stagecraft:sshCidrs together: the host's security group holds ${SECURITY_GROUP_RULE_QUOTA} inbound rules per IP version (AWS's default quota), two of them for 80 and 443`);
        }
    }
}

function validSshCidrs(read: ConfigReader, values: string[]): string[] {
    const valid: string[] = [];
    for (const text of values) {
        const cidr = parseCidr(text);
        if (!cidr) {
            read.problem("sshCidrs", text, `CIDR blocks of your admin addresses, such as 203.0.113.10/32 (${cidrSyntaxProblem(text)})`);
        } else if (cidr.prefix === 0) {
            read.problem("sshCidrs", text, "never the whole internet: list your admin addresses (e.g. 203.0.113.10/32), or leave sshCidrs empty and use `aws ssm start-session`");
        } else if (sizeExponent(cidr) > SSH_MAX_EXPONENT[cidr.version]) {
            read.problem("sshCidrs", text, `ranges no wider than /${cidr.version === 4 ? 16 : 48}: SSH stays limited to admin networks; use SSM Session Manager for anything wider`);
        } else if (hasHostBits(cidr)) {
            read.problem("sshCidrs", text, `a network address without host bits: ${canonicalCidr(cidr)}`);
        } else if (!valid.includes(text)) {
            valid.push(text);
        }
    }
    return valid;
}

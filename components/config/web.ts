/**
 * Phase 2 settings (the load-balanced web tier): parsed from flat `stagecraft:` keys with the
 * ConfigReader, so every problem is collected with the others and reported before anything is
 * created. The lead's parseSettings calls parseWebSettings and stores the result as
 * `settings.web`.
 */
import { PUBLIC_FILES_SUBDOMAIN } from "./publicPrefixes";
import { type ConfigReader } from "./reader";
import { type Phase } from "./settings";

export type CdnPriceClass = "PriceClass_100" | "PriceClass_200" | "PriceClass_All";
export const CDN_PRICE_CLASSES: readonly CdnPriceClass[] = ["PriceClass_100", "PriceClass_200", "PriceClass_All"];

export interface AutoScalingSettings {
    /** Fewest instances (seed 001: 1). */
    minSize: number;
    /** Most instances (seed 001: 4). */
    maxSize: number;
    /** Instances to run when nothing scales (seed 001: 2); minSize ≤ desired ≤ maxSize. */
    desiredCapacity: number;
    /** Seconds a new instance may fail ELB health checks while it boots (seed 001: 300). */
    healthCheckGracePeriodSeconds: number;
    /** Target of the target-tracking policy: ALB requests per instance per minute (seed 001: 1000). */
    requestCountTarget: number;
}

export interface WebSettings {
    /** Label of the app's hostname below the domain (`app` → app.example.com; `@` → the apex). */
    appSubdomain: string;
    /** Label of the CDN's hostname below the domain (`cdn` → cdn.example.com). */
    cdnSubdomain: string;
    asg: AutoScalingSettings;
    /** Seconds an idle connection (a quiet WebSocket too) stays open at the ALB. */
    albIdleTimeoutSeconds: number;
    /** Write ALB access logs to a private bucket (S3 storage only). */
    albAccessLogs: boolean;
    /** Stick browsers to one instance (socket.io long-polling needs it with more than one). */
    albStickySessions: boolean;
    /** CloudFront in front of the static bucket. */
    cdnEnabled: boolean;
    cdnPriceClass: CdnPriceClass;
    /** TCP ports open to the internet: the single host's directly, instances and tasks through NAT (443, 80; add 27017 for MongoDB Atlas). */
    egressPorts: number[];
    /** Average CPU of the Auto Scaling group that raises the high-CPU alarm. */
    alarmCpuPercent: number;
    /** Share of 5xx answers (ALB + targets) among requests that raises the 5xx alarm. */
    alarm5xxPercent: number;
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Phase-2 defaults: seed 001's numbers. */
export const WEB_DEFAULTS: WebSettings = {
    appSubdomain: "app",
    cdnSubdomain: "cdn",
    asg: { minSize: 1, maxSize: 4, desiredCapacity: 2, healthCheckGracePeriodSeconds: 300, requestCountTarget: 1000 },
    albIdleTimeoutSeconds: 60,
    albAccessLogs: true,
    albStickySessions: true,
    cdnEnabled: true,
    cdnPriceClass: "PriceClass_100",
    egressPorts: [443, 80],
    alarmCpuPercent: 80,
    alarm5xxPercent: 5,
};

/** The app's, the CDN's and the public files' (publicPrefixes) hostnames under the apex domain. */
export function webHostnames(domain: string, web: Pick<WebSettings, "appSubdomain" | "cdnSubdomain">): { app: string; cdn: string; files: string } {
    return {
        app: web.appSubdomain === "@" ? domain : `${web.appSubdomain}.${domain}`,
        cdn: `${web.cdnSubdomain}.${domain}`,
        files: `${PUBLIC_FILES_SUBDOMAIN}.${domain}`,
    };
}

function label(read: ConfigReader, key: string, fallback: string, apexAllowed: boolean): string {
    const value = read.string(key, fallback).toLowerCase();
    if (!(LABEL.test(value) || (apexAllowed && value === "@"))) {
        read.problem(key, value, `one DNS label: lower-case letters, digits and hyphens (up to 63)${apexAllowed ? ", or @ for the apex domain" : ""}`);
        return fallback;
    }
    return value;
}

function ports(read: ConfigReader, key: string, fallback: number[]): number[] {
    const text = read.raw(key);
    if (text === undefined) return fallback;
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535)) {
        read.problem(key, parsed ?? text, "a non-empty list of TCP ports from 1 to 65535, e.g. [443, 80]");
        return fallback;
    }
    return [...new Set(parsed as number[])];
}

/**
 * Reads and validates the phase-2 keys. Problems go to `read.problems` (the caller throws one
 * ConfigError with all of them). In phase 2, also requires what the web tier cannot work
 * without: a domain and its hosted zone (certificates are validated through DNS) and a NAT
 * strategy (instances in private subnets download packages and images).
 */
export function parseWebSettings(read: ConfigReader, phase: Phase): WebSettings {
    const d = WEB_DEFAULTS;
    const appSubdomain = label(read, "appSubdomain", d.appSubdomain, true);
    const cdnSubdomain = label(read, "cdnSubdomain", d.cdnSubdomain, false);
    if (appSubdomain === cdnSubdomain) {
        read.problem("cdnSubdomain", cdnSubdomain, `a label other than stagecraft:appSubdomain ("${appSubdomain}"): the app and the CDN need their own names`);
    }

    const minSize = read.integer("asgMinSize", d.asg.minSize, 0, 100);
    const maxSize = read.integer("asgMaxSize", d.asg.maxSize, 1, 100);
    const desiredCapacity = read.integer("asgDesiredCapacity", d.asg.desiredCapacity, 0, 100);
    if (minSize > maxSize) {
        read.problem("asgMinSize", minSize, `at most stagecraft:asgMaxSize (${maxSize})`);
    } else if (desiredCapacity < minSize || desiredCapacity > maxSize) {
        read.problem("asgDesiredCapacity", desiredCapacity, `from stagecraft:asgMinSize (${minSize}) to stagecraft:asgMaxSize (${maxSize})`);
    }
    const healthCheckGracePeriodSeconds = read.integer("asgHealthCheckGracePeriod", d.asg.healthCheckGracePeriodSeconds, 0, 7200);
    const requestCountTarget = read.integer("asgRequestCountTarget", d.asg.requestCountTarget, 10, 100000);

    const albIdleTimeoutSeconds = read.integer("albIdleTimeout", d.albIdleTimeoutSeconds, 1, 4000);
    const albAccessLogs = read.boolean("albAccessLogs", d.albAccessLogs);
    const albStickySessions = read.boolean("albStickySessions", d.albStickySessions);
    const cdnEnabled = read.boolean("cdnEnabled", d.cdnEnabled);
    const cdnPriceClass = read.oneOf("cdnPriceClass", d.cdnPriceClass, CDN_PRICE_CLASSES);
    const egressPorts = ports(read, "egressPorts", d.egressPorts);
    const alarmCpuPercent = read.integer("alarmCpuPercent", d.alarmCpuPercent, 1, 100);
    const alarm5xxPercent = read.integer("alarm5xxPercent", d.alarm5xxPercent, 1, 100);

    if (phase >= 2) {
        if (read.optionalString("domain") === undefined) {
            read.problem("domain", null, "the apex domain (e.g. example.com) while stagecraft:phase is 2 or more: the load balancer's certificate covers it and *.<domain>");
        }
        if (read.optionalString("hostedZoneId") === undefined) {
            read.problem("hostedZoneId", null, "the Route53 hosted zone of stagecraft:domain while stagecraft:phase is 2 or more: certificates are validated and hostnames published there");
        }
        const nat = read.string("natStrategy", "none");
        if (nat === "none") {
            read.problem("natStrategy", nat, "\"instance\", \"gateway\" or \"gateway-per-az\" while stagecraft:phase is 2 or more: workloads in private subnets install packages and pull images through NAT");
        }
    }

    return {
        appSubdomain,
        cdnSubdomain,
        asg: { minSize, maxSize, desiredCapacity, healthCheckGracePeriodSeconds, requestCountTarget },
        albIdleTimeoutSeconds,
        albAccessLogs,
        albStickySessions,
        cdnEnabled,
        cdnPriceClass,
        egressPorts,
        alarmCpuPercent,
        alarm5xxPercent,
    };
}

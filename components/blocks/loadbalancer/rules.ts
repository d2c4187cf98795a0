/**
 * Pure decisions for the internet-facing application load balancer: its security-group rules,
 * listener actions and TLS policy, the certificate's names and DNS validation records, the
 * target group's health check, names that fit ELB's 32-character limit, and the bucket-policy
 * statement that lets ELB deliver access logs. The WebLoadBalancer component turns these into
 * resources; tests call them directly.
 */
import { type Statement } from "../iam/documents";
import { type RuleSpec, tcp, world } from "../security/rules";
import { StagecraftError } from "../../lib/errors";

/**
 * TLS 1.3 and 1.2 with forward-secret ciphers only (AWS's recommended policy for new ALBs;
 * FSBP ELB.17). Clients older than TLS 1.2 (Android 4.3, IE 10) cannot connect.
 */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Port the HTTPS listener serves and the HTTP listener redirects to. */
export const HTTPS_PORT = 443;
export const HTTP_PORT = 80;

/**
 * Inbound: 80 (only to be redirected) and 443 from the world, nothing else. The ALB is IPv4
 * unless `ipv6` (a dual-stack ALB), then ::/0 too.
 */
export function albIngress(ipv6 = false): RuleSpec[] {
    return [
        tcp(HTTP_PORT, "HTTP from the internet (redirected to HTTPS)", world(ipv6)),
        tcp(HTTPS_PORT, "HTTPS from the internet", world(ipv6)),
    ];
}

/**
 * Outbound: only the targets' port, only into the given CIDRs (the VPC, or the private subnets
 * the targets run in). Health checks use the same port ("traffic-port").
 */
export function albEgress(targetPort: number, targetCidrBlocks: readonly string[]): RuleSpec[] {
    if (targetCidrBlocks.length === 0) {
        throw new StagecraftError("the load balancer needs at least one target CIDR block (the VPC's) for its only egress rule");
    }
    return [tcp(targetPort, `Targets on port ${targetPort} (traffic and health checks)`, [...targetCidrBlocks])];
}

/** The HTTP listener's only action: a permanent redirect to the same URL over HTTPS. */
export function httpsRedirectAction() {
    return {
        type: "redirect" as const,
        redirect: { protocol: "HTTPS", port: String(HTTPS_PORT), statusCode: "HTTP_301" as const },
    };
}

/** The names the load balancer's certificate covers: the apex and every first-level subdomain. */
export function certificateDomains(domain: string): { domainName: string; subjectAlternativeNames: string[] } {
    return { domainName: domain, subjectAlternativeNames: [`*.${domain}`] };
}

/** True when `hostname` is `domain` or one label below it (what `domain` + `*.domain` covers). */
export function coveredByCertificate(hostname: string, domain: string): boolean {
    if (hostname === domain) return true;
    const suffix = `.${domain}`;
    return hostname.endsWith(suffix) && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(hostname.slice(0, -suffix.length));
}

/** Health check seed 001 specifies: the health path every 30 s over the traffic port. */
export function targetGroupHealthCheck(path: string) {
    return {
        enabled: true,
        protocol: "HTTP",
        port: "traffic-port",
        path,
        interval: 30,
        timeout: 5,
        healthyThreshold: 3,
        unhealthyThreshold: 3,
        matcher: "200-399",
    };
}

/**
 * A deterministic ELB resource name from a logical name: ELB names are at most 32 characters
 * of letters, digits and hyphens. Longer names are cut and given a short hash of the full name,
 * so two long names that share a prefix stay distinct.
 */
export function elbName(logicalName: string, maxLength = 32): string {
    const clean = logicalName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").replace(/^internal-/, "");
    if (clean.length <= maxLength) return clean;
    let hash = 0;
    for (const ch of logicalName) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    const suffix = hash.toString(36).slice(0, 5);
    return `${clean.slice(0, maxLength - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
}

/**
 * Target groups are replaced when their port, protocol or target type changes; a `namePrefix`
 * (at most 6 characters) lets the new one exist beside the old one during the swap.
 */
export function targetGroupNamePrefix(logicalName: string): string {
    const letters = logicalName.toLowerCase().replace(/[^a-z0-9]/g, "");
    return `${letters.slice(0, 5) || "tg"}-`;
}

/**
 * Regions that predate August 2022 deliver ALB access logs from a regional ELB account; newer
 * regions use the `logdelivery.elasticloadbalancing.amazonaws.com` service principal.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
export const ELB_LOG_ACCOUNTS: Readonly<Record<string, string>> = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-southeast-3": "589379963580",
    "ap-south-1": "718504428378",
    "ap-northeast-3": "383597477331",
    "ap-northeast-2": "600734575887",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-northeast-1": "582318560864",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-south-1": "635631232127",
    "eu-west-3": "009996457667",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
    "us-gov-west-1": "048591011584",
    "us-gov-east-1": "190560391635",
    "cn-north-1": "638102146993",
    "cn-northwest-1": "037604701340",
};

/** The AWS partition of a region: aws-cn for China, aws-us-gov for GovCloud, aws elsewhere. */
export function partitionOfRegion(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/** The key prefix ELB writes under: `<prefix>/AWSLogs/<account>/`, as a suffix of the bucket ARN. */
export function accessLogObjectsSuffix(prefix: string, accountId: string): string {
    return `/${prefix}/AWSLogs/${accountId}/*`;
}

/**
 * The bucket-policy statement that lets ELB (and nothing else) write this account's access
 * logs: `logObjectsArn` is `<bucket ARN>` + accessLogObjectsSuffix(...).
 */
export function elbLogDeliveryStatement<A>(logObjectsArn: A, region: string): Statement<A | string> {
    const elbAccount = ELB_LOG_ACCOUNTS[region];
    return {
        Sid: "ElbWritesAccessLogs",
        Effect: "Allow",
        Principal: elbAccount !== undefined
            ? { AWS: `arn:${partitionOfRegion(region)}:iam::${elbAccount}:root` }
            : { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        Action: ["s3:PutObject"],
        Resource: [logObjectsArn],
    };
}

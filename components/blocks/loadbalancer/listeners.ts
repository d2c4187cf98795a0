/**
 * The web load balancer's listeners, traffic and health checks as data (pure).
 */
import { type RuleSpec, tcp, world } from "../security/ruleSpecs";
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

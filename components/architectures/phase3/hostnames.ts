/**
 * The platform's hostnames under the apex domain and the tenants' certificate (pure).
 */
import { type PlatformSettings } from "../../config/platform";
import { type WebSettings, webHostnames } from "../../config/web";

export interface PlatformHostnames {
    /** app.<domain>: the ALB (api service). */
    app: string;
    /** cdn.<domain>: CloudFront in front of the static bucket. */
    cdn: string;
    /** files.<domain>: CloudFront in front of the uploads bucket's public prefixes (publicPrefixes). */
    files: string;
    /** ws.<domain>: the WebSocket API. */
    websocket: string;
    /** tenant.<domain>: the tenants' zone (and its certificate's main name). */
    tenantZone: string;
    /** *.tenant.<domain>: every tenant's hostname, aliased to the ALB (seed 001). */
    tenantWildcard: string;
}

export function platformHostnames(domain: string, web: Pick<WebSettings, "appSubdomain" | "cdnSubdomain">, platform: Pick<PlatformSettings, "tenantSubdomain" | "websocket">): PlatformHostnames {
    const { app, cdn, files } = webHostnames(domain, web);
    const tenantZone = `${platform.tenantSubdomain}.${domain}`;
    return { app, cdn, files, websocket: `${platform.websocket.subdomain}.${domain}`, tenantZone, tenantWildcard: `*.${tenantZone}` };
}

/**
 * The tenants' certificate: `*.<domain>` on the load balancer's own certificate covers one label
 * only, so `acme.tenant.example.com` needs `*.tenant.example.com` (with `tenant.example.com` as
 * its main name, validated through the same DNS record).
 */
export function tenantCertificateDomains(tenantZone: string): { domainName: string; subjectAlternativeNames: string[] } {
    return { domainName: tenantZone, subjectAlternativeNames: [`*.${tenantZone}`] };
}

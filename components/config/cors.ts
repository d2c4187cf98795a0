/**
 * Default browser origins of the uploads bucket (pure; used by parse.ts at the edge).
 */

/**
 * The origins the uploads bucket answers when stagecraft:corsOrigins is empty: the stack's own site.
 * Phase 1 serves the app at `domain`; from phase 2 on `domain` is the apex and the app lives at `appHost`
 * (both are the stack's, so both are allowed). Never `*`: browsers write to the bucket. No domain, no CORS.
 */
export function defaultCorsOrigins(domain: string | undefined, appHost?: string): string[] {
    if (domain === undefined) return [];
    const hosts = appHost === undefined || appHost === domain ? [domain] : [appHost, domain];
    return hosts.map((host) => `https://${host}`);
}

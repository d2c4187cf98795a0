/**
 * Rendering values into a Caddyfile. A Caddyfile token ends at whitespace; `{`, `}`, `#`, quotes,
 * `{placeholders}`, `import` and `*` change what a line means, so values are never quoted: each one
 * must match a strict grammar that holds none of them, and anything else is refused. Pure; no Pulumi.
 */
import { RenderError } from "./shell";

/** A route prefix such as `/api` or `/socket.io`: up to 8 lower-case segments of `a-z 0-9 . _ ~ -` (none starts with `.`), no trailing `/`. */
const PREFIX = /^(\/[a-z0-9_~-][a-z0-9._~-]{0,62}){1,8}$/;

/** Whether a value is a route prefix the Caddyfile accepts (the config edge checks with it too). */
export function isRoutePrefix(value: string): boolean {
    return PREFIX.test(value);
}
/** A DNS name (lower case), as a site address. */
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** A Compose service name as an upstream host. */
const SERVICE = /^[a-z][a-z0-9-]{0,62}$/;

/** The path matcher of a route prefix: the prefix itself and everything below it (`/api` never matches `/apiary`). */
export function caddyPrefixMatcher(prefix: string): string {
    if (!PREFIX.test(prefix)) {
        throw new RenderError(`not a route prefix (lower-case path segments of a-z 0-9 . _ ~ -, no trailing /): ${JSON.stringify(prefix)}`);
    }
    return `${prefix} ${prefix}/*`;
}

/** A site address: a DNS name (Caddy then obtains and renews its certificate), or `:port` for plain HTTP on every name. */
export function caddySiteAddress(host: string | undefined, port = 80): string {
    if (host === undefined) {
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RenderError(`not a TCP port: ${JSON.stringify(port)}`);
        return `:${port}`;
    }
    if (!HOST.test(host)) throw new RenderError(`not a lower-case DNS name: ${JSON.stringify(host)}`);
    return host;
}

/** An upstream `service:port` on the Compose network. */
export function caddyUpstream(service: string, port: number): string {
    if (!SERVICE.test(service)) throw new RenderError(`not a Compose service name: ${JSON.stringify(service)}`);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RenderError(`not a TCP port: ${JSON.stringify(port)}`);
    return `${service}:${port}`;
}

/**
 * Rendering values into nginx configuration: a value becomes one double-quoted parameter, so
 * `;`, `{`, `}`, `#` and spaces inside it are data. nginx expands `$name` inside quoted strings
 * of many directives and has no escape for `$`, so a value holding `$` is refused, as are
 * control characters. Pure; no Pulumi.
 */
import { RenderError } from "./shell";

/** One nginx parameter that reads as exactly `value` (no variables). */
export function nginxString(value: string): string {
    if (/[$\u0000-\u001f\u007f]/.test(value)) {
        throw new RenderError(`an nginx value cannot hold "$" or control characters: ${JSON.stringify(value)}`);
    }
    return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * A location path: nginx matches `location = <path>` against the normalised URI; only a plain
 * absolute path (letters, digits and `/ . _ ~ -`) is accepted, and such a path needs no quotes.
 */
export function nginxPath(path: string): string {
    if (!/^\/[A-Za-z0-9/._~-]*$/.test(path)) throw new RenderError(`not a plain absolute URL path: ${JSON.stringify(path)}`);
    return path;
}

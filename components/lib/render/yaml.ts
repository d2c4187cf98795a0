/**
 * Rendering values into YAML (the Docker Compose file): every string scalar is double-quoted
 * with JSON's escapes, which YAML 1.2 reads back unchanged, so no value can start a new key, a
 * list, an anchor or a comment. Pure; no Pulumi.
 */
import { RenderError } from "./shell";

/** A YAML double-quoted scalar that reads back as exactly `value`. */
export function yamlString(value: string): string {
    return JSON.stringify(value);
}

/**
 * A string scalar of a Compose file: Compose interpolates `$NAME` and `${NAME}` in every value
 * of the file, so each `$` is doubled (`$$` reads back as one `$`) before YAML quoting.
 */
export function composeString(value: string): string {
    return yamlString(value.replace(/\$/g, "$$$$"));
}

/**
 * `NAME=value` for a Compose `.env` file. A value of plain characters (letters, digits and
 * `. _ / : @ + -`) is written bare, anything else single-quoted, which Compose takes literally
 * (no interpolation). A value with a `'` or a line break has no literal form there and is refused.
 */
export function dotenvLine(name: string, value: string): string {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RenderError(`not an environment variable name: ${JSON.stringify(name)}`);
    if (/^[A-Za-z0-9._/:@+-]*$/.test(value)) return `${name}=${value}`;
    if (/['\r\n\0]/.test(value)) throw new RenderError(`${name}: a .env value cannot hold a quote or a line break: ${JSON.stringify(value)}`);
    return `${name}='${value}'`;
}

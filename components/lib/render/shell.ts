/**
 * Rendering values into bash scripts (user data, the deploy tool, NAT instance set-up): every
 * value reaches a script through one of these helpers, never by string concatenation, so a
 * value is data whatever characters it holds. Pure; no Pulumi.
 */

/** Thrown when a value cannot be represented in the target language at all (e.g. a NUL byte). */
export class RenderError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "RenderError";
    }
}

/**
 * One shell word that expands to exactly `value`: single-quoted, with each `'` written as
 * `'\''`. Nothing inside single quotes is special to bash (no `$`, backticks, `\` or globbing).
 * Bash strings cannot hold NUL, so a value with one is refused.
 */
export function shellQuote(value: string): string {
    if (value.includes("\0")) throw new RenderError(`a shell value cannot contain a NUL byte: ${JSON.stringify(value)}`);
    return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `NAME=<quoted value>`: a variable assignment whose value is data. */
export function shellAssign(name: string, value: string | number): string {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RenderError(`not a shell variable name: ${JSON.stringify(name)}`);
    return `${name}=${shellQuote(String(value))}`;
}

/**
 * A comment line. A newline (or any control character) would end the comment and turn the rest
 * into code, so they become spaces.
 */
export function shellComment(text: string): string {
    return `# ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ")}`;
}

/**
 * Lines that write `body` to `target` verbatim with a quoted here-document (no expansion inside).
 * The delimiter is chosen so that no line of the body equals it, which would end the document
 * early and run the rest as commands.
 */
export function heredocToFile(target: string, body: string, tag = "EOF"): string[] {
    if (body.includes("\0")) throw new RenderError(`a here-document cannot contain a NUL byte (writing ${target})`);
    if (!/^[A-Z][A-Z0-9_]*$/.test(tag)) throw new RenderError(`not a here-document tag: ${JSON.stringify(tag)}`);
    const lines = new Set(body.split("\n").map((l) => l.replace(/\r$/, "")));
    let delimiter = `STAGECRAFT_${tag}`;
    for (let n = 2; lines.has(delimiter); n++) delimiter = `STAGECRAFT_${tag}_${n}`;
    const text = body.endsWith("\n") ? body.slice(0, -1) : body;
    return [`cat > ${shellQuote(target)} <<'${delimiter}'`, text, delimiter];
}

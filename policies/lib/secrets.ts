/**
 * Detection of secrets written in clear text (user data, environment variables, parameters).
 * Only high-confidence shapes: well-known token formats, private-key blocks, and a literal value
 * assigned to a name that says it is a secret. Findings never carry the secret itself.
 */

export interface SecretFinding {
    /** What was found, e.g. "an AWS access key id". */
    readonly kind: string;
    /** Where: "line 3" in a text, or the variable name. */
    readonly where: string;
}

const TOKEN_SHAPES: readonly { kind: string; re: RegExp }[] = [
    { kind: "an AWS access key id", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
    { kind: "an AWS secret access key", re: /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i },
    { kind: "a private key", re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----/ },
    { kind: "a GitHub token", re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
    { kind: "a Slack token", re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
    { kind: "a Stripe secret key", re: /\b[rs]k_live_[0-9a-zA-Z]{16,}\b/ },
];

/** Variable names that say "this is a secret" (ending in PASSWORD, SECRET, TOKEN, API_KEY, ...). */
const SECRET_NAME = /(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)$/i;

/** `NAME=value` / `export NAME="value"` / `NAME: value` with a literal (not $VAR, not $(cmd)). */
const ASSIGNMENT = /(?:^|[\s;"'])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*["']?([^\s"'$`{}<>]{8,})/g;

export function isSecretName(name: string): boolean {
    return SECRET_NAME.test(name.trim());
}

/** Token-shaped secrets in a value (any variable name). */
export function tokenKinds(value: string): string[] {
    return TOKEN_SHAPES.filter((t) => t.re.test(value)).map((t) => t.kind);
}

/** Secrets in a multi-line text such as a user-data script. */
export function scanText(text: string): SecretFinding[] {
    const findings: SecretFinding[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
        const where = `line ${i + 1}`;
        for (const kind of tokenKinds(line)) findings.push({ kind, where });
        for (const m of line.matchAll(ASSIGNMENT)) {
            if (isSecretName(m[1]) && !looksLikePlaceholder(m[2])) {
                findings.push({ kind: `a literal value for ${m[1]}`, where });
            }
        }
    });
    return findings;
}

/** Values that are references or placeholders, not secrets. */
function looksLikePlaceholder(value: string): boolean {
    return /^(?:arn:|ssm:|secretsmanager:|resolve:|\/)/i.test(value) || /^<.*>$/.test(value);
}

/** Secrets in one environment variable: a secret-named variable with a literal value, or a token shape. */
export function scanVariable(name: string, value: string): SecretFinding[] {
    if (value.trim() === "") return [];
    const findings = tokenKinds(value).map((kind) => ({ kind, where: name }));
    if (findings.length === 0 && isSecretName(name) && !looksLikePlaceholder(value)) {
        findings.push({ kind: "a literal secret value", where: name });
    }
    return findings;
}

/** Decodes base64 user data; the text itself when it is not base64. */
export function decodeUserData(value: string): string {
    const compact = value.replace(/\s+/g, "");
    if (compact.length >= 8 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
        const decoded = Buffer.from(compact, "base64").toString("utf8");
        // Accept only if it decodes to text (a plain script that happens to be base64-shaped is rare).
        if (isText(decoded)) return decoded;
    }
    return value;
}

function isText(text: string): boolean {
    for (const ch of text) {
        const c = ch.codePointAt(0) ?? 0;
        if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) return false;
    }
    return true;
}

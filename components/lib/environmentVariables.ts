/**
 * Environment variables of containers (pure): what a name may be, and which names and values
 * say "this is a secret", so that such a value goes through Secrets Manager or SSM Parameter
 * Store, never into a task definition's plain environment. Config refuses them at the edge;
 * task definitions refuse them again where they are rendered.
 */

/**
 * Names that say "this is a secret" (…PASSWORD, …PASS, …SECRET, …TOKEN, …API_KEY, …_KEY, …AUTH,
 * …): such a variable never goes into `environment`, only into `secrets` (the policy pack's ECS
 * check uses the same shape). `_KEY` names that are not secrets (a table's partition key, a
 * public key) are let through by NON_SECRET_KEY.
 */
export const SECRET_LOOKING_NAME = /(?:PASSWORD|PASSWD|PASS|_PWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|TOKEN|API_?KEY|PRIVATE_?KEY|_KEY|CREDENTIALS?|_AUTH|AUTH_?TOKEN)$/i;
const NON_SECRET_KEY = /(?:PUBLIC|PARTITION|SORT|HASH|RANGE|PRIMARY|ROUTING|CACHE|IDEMPOTENCY|OBJECT|S3|KMS)_KEY$/i;

/** What an environment variable may be called (POSIX shell names). */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function looksSecret(name: string): boolean {
    const n = name.trim();
    return SECRET_LOOKING_NAME.test(n) && !NON_SECRET_KEY.test(n);
}

/**
 * What in a plain value shows it is a secret: credentials in a URL (`postgres://user:pw@host`),
 * an HTTP Authorization value, or a well-known token shape (AWS access key id, private key
 * block, GitHub, Slack and Stripe tokens).
 */
const SECRET_VALUE_SHAPES: readonly { kind: string; re: RegExp }[] = [
    { kind: "a password in a URL", re: /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/ },
    { kind: "an Authorization value", re: /^(?:Bearer|Basic|Token)\s+\S{8,}/i },
    { kind: "an AWS access key id", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
    { kind: "a private key", re: /-----BEGIN [A-Z ]*PRIVATE KEY/ },
    { kind: "a GitHub token", re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
    { kind: "a Slack token", re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
    { kind: "a Stripe secret key", re: /\b[rs]k_live_[0-9A-Za-z]{16,}/ },
];

export function secretValueKind(value: string): string | undefined {
    return SECRET_VALUE_SHAPES.find((s) => s.re.test(value))?.kind;
}


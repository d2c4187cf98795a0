/** Shapes of config values more than one parser checks. */

/** An e-mail address (shape only: AWS and SNS confirm the rest). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An AWS region name such as us-east-1 or us-gov-west-1. */
export const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

const DNS_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
/**
 * An https git URL the deploy tool may clone: a DNS host name (no credentials, no leading `-`),
 * an optional port, and a path of plain segments (letters, digits, `. _ ~ -`, none starting with
 * a dot); no query, no fragment, nothing a shell, git or a URL parser reads as syntax.
 */
export const GIT_HTTPS_URL = new RegExp(`^https://(?:${DNS_LABEL}\\.)+[A-Za-z]{2,63}(?::[0-9]{1,5})?(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,99}){1,8}/?$`);

/**
 * An HTTP path the hosts' probes request on 127.0.0.1 (smoke checks): `/` or plain segments
 * (letters, digits, `. _ ~ -`, none starting with a dot), no query, no fragment, no `..`.
 */
export const HTTP_PATH = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,63}(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,63}){0,7}\/?)?$/;

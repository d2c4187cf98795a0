/**
 * Seed 004's post-deploy validation: smoke checks the hosts' deploy tool runs after the health
 * check (components/blocks/compute/deployScript.ts). One `smokeChecks` entry per probe, parsed
 * here with a strict grammar, so every value that reaches the tool is plain printable text:
 *   `<name> rest <path> [status=<code>] [body=<text to the end>]`
 *   `<name> graphql <path> query=<query to the end>`
 */
import { type ConfigReader } from "./reader";
import { HTTP_PATH } from "./patterns";

export type SmokeCheckKind = "rest" | "graphql";

export interface SmokeCheck {
    /** Shown in the deploy's log and the `status` command. */
    name: string;
    /** `rest`: a GET; `graphql`: a POST of `{"query": ...}` that must answer without `errors`. */
    kind: SmokeCheckKind;
    /** Requested on 127.0.0.1:<appPort>, like the health check. */
    path: string;
    /** rest: the HTTP status expected (default 200); graphql: always 200. */
    status: number;
    /** rest: text the body must contain. */
    bodyContains?: string;
    /** graphql: the query sent. */
    query?: string;
}

/** At most this many probes: each one adds a line to the 16 KB of user data. */
export const MAX_SMOKE_CHECKS = 8;
const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** Printable ASCII only (no control characters, no newline): what a body substring and a query may hold. */
const PRINTABLE = /^[\x20-\x7e]+$/;
const MAX_BODY = 128;
const MAX_QUERY = 512;

const GRAMMAR = "\"<name> rest <path> [status=<100-599>] [body=<text>]\" or \"<name> graphql <path> query=<query>\", e.g. \"api rest /api/health status=200\" or \"graphql graphql /graphql query={ __typename }\"";

/** Parses one `smokeChecks` entry; problems name the key and the entry. */
function smokeCheck(read: ConfigReader, entry: string): SmokeCheck | undefined {
    const key = "smokeChecks";
    const m = /^(\S+) +(\S+) +(\S+)(?: +(.*))?$/.exec(entry);
    if (m === null) {
        read.problem(key, entry, GRAMMAR);
        return undefined;
    }
    const [, name, kind, path, rest = ""] = m;
    let ok = true;
    if (!NAME.test(name)) {
        read.problem(key, entry, `a probe name first: 1-32 lower-case letters, digits, _ and -, starting with a letter or digit (${GRAMMAR})`);
        ok = false;
    }
    if (!HTTP_PATH.test(path)) {
        read.problem(key, entry, "an HTTP path of plain segments after the kind (letters, digits, . _ ~ -; no query, no ..), e.g. /api/health");
        ok = false;
    }
    if (kind === "rest") {
        const options = /^(?:status=(\d{3})(?: +|$))?(?:body=(.*))?$/.exec(rest);
        const status = options?.[1] !== undefined ? Number(options[1]) : 200;
        const body = options?.[2];
        if (options === null || status < 100 || status > 599) {
            read.problem(key, entry, "after a rest probe's path: optional status=<100-599>, then optional body=<text> (the rest of the entry)");
            return undefined;
        }
        if (body !== undefined && (body.length > MAX_BODY || !PRINTABLE.test(body))) {
            read.problem(key, entry, `body= 1-${MAX_BODY} printable ASCII characters (no control characters)`);
            return undefined;
        }
        return ok ? { name, kind, path, status, ...(body !== undefined ? { bodyContains: body } : {}) } : undefined;
    }
    if (kind === "graphql") {
        const query = /^query=(.+)$/.exec(rest)?.[1];
        if (query === undefined || query.length > MAX_QUERY || !PRINTABLE.test(query) || !query.includes("{")) {
            read.problem(key, entry, `query=<GraphQL query> after a graphql probe's path: 1-${MAX_QUERY} printable ASCII characters with a selection set, e.g. query={ __typename }`);
            return undefined;
        }
        return ok ? { name, kind, path, status: 200, query } : undefined;
    }
    read.problem(key, entry, `the kind "rest" or "graphql" after the name (${GRAMMAR})`);
    return undefined;
}

/** Reads `smokeChecks` (default: none). */
export function parseSmokeChecks(read: ConfigReader): SmokeCheck[] {
    const checks: SmokeCheck[] = [];
    const entries = read.stringList("smokeChecks", []);
    if (entries.length > MAX_SMOKE_CHECKS) {
        read.problem("smokeChecks", `${entries.length} entries`, `at most ${MAX_SMOKE_CHECKS} probes (each runs on every deploy and adds to the hosts' 16 KB of user data)`);
        return checks;
    }
    for (const entry of entries) {
        const check = smokeCheck(read, entry);
        if (check === undefined) continue;
        if (checks.some((c) => c.name === check.name)) read.problem("smokeChecks", check.name, "each probe name once");
        else checks.push(check);
    }
    return checks;
}

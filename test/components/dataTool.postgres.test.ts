import * as assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import * as path from "node:path";
import { backupTool } from "../../components/blocks/compute/backup";

// The generated data tool against a real PostgreSQL: `backup` dumps a real database through a
// fake `docker compose exec db pg_dump ...` (the local pg_dump against a local cluster) and
// uploads through a fake `aws` into a directory; `restore latest` brings it back into an emptied
// database. Only docker and S3 are faked; pg_dump and pg_restore are the real ones.

const BUCKET = "chat-dev-backups-0001";

/** The directory of initdb/pg_ctl/pg_dump/pg_restore/psql, or why there is none. */
function postgresBin(): { bin?: string; reason?: string } {
    const root = "/usr/lib/postgresql";
    if (!existsSync(root)) return { reason: `${root} is absent (install the postgresql package; .ci/run does)` };
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
        const bin = path.join(root, v, "bin");
        if (["initdb", "pg_ctl", "pg_dump", "pg_restore", "psql"].every((t) => existsSync(path.join(bin, t)))) return { bin };
    }
    return { reason: `no initdb, pg_ctl, pg_dump, pg_restore and psql under ${root}/*/bin` };
}

function fake(dir: string, name: string, body: string): void {
    writeFileSync(path.join(dir, name), `#!/bin/bash\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
}

/** Runs a command as the cluster's owner: postgres refuses root, so root runs it as `postgres`. */
function asOwner(root: boolean, cmd: string[], env: Record<string, string>, input?: string): SpawnSyncReturns<string> {
    const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    const argv = root ? ["runuser", "-u", "postgres", "--", "env", ...envArgs, ...cmd] : ["env", ...envArgs, ...cmd];
    return spawnSync(argv[0], argv.slice(1), { encoding: "utf8", input, timeout: 120_000 });
}

describe("data tool against a real PostgreSQL (backup, then restore into an emptied database)", function () {
    this.timeout(300_000);
    const found = postgresBin();
    const root = userInfo().uid === 0;
    let dir = "";
    let env: Record<string, string> = {};
    let started = false;
    const run = (cmd: string[], input?: string) => asOwner(root, cmd, env, input);
    const psql = (sql: string) => {
        const r = run([path.join(found.bin ?? "", "psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", env.PG_SOCK, "-p", env.PG_PORT, "-U", "app", "-d", "app", "-c", sql]);
        assert.equal(r.status, 0, r.stderr);
        return r.stdout.trim();
    };
    const tool = (...args: string[]) => run(["bash", path.join(dir, "stagecraft-data"), ...args]);
    const uploaded = (suffix: string) => {
        const out: string[] = [];
        const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(path.join(d, e.name)); else out.push(path.relative(path.join(dir, "s3", BUCKET), path.join(d, e.name))); } };
        if (existsSync(path.join(dir, "s3", BUCKET))) walk(path.join(dir, "s3", BUCKET));
        return out.filter((k) => k.endsWith(suffix)).sort();
    };

    before(function () {
        if (found.bin === undefined) {
            console.log(`      skipped: ${found.reason}`);
            this.skip();
        }
        if (root && spawnSync("id", ["-u", "postgres"]).status !== 0) {
            console.log("      skipped: running as root and there is no postgres user to run the cluster as (postgres refuses root)");
            this.skip();
        }
        dir = mkdtempSync(path.join(tmpdir(), "stagecraft-pg-"));
        for (const d of ["bin", "app", "s3", "sock", "files/etc"]) mkdirSync(path.join(dir, d), { recursive: true });
        writeFileSync(path.join(dir, "files/etc/app.conf"), "answer=42\n");
        const port = String(20000 + (process.pid % 20000));
        env = {
            PATH: `${path.join(dir, "bin")}:/usr/bin:/bin`,
            PG_BIN: found.bin as string, PG_SOCK: path.join(dir, "sock"), PG_PORT: port,
            FAKE_S3: path.join(dir, "s3"), SHIM_LOG: path.join(dir, "calls.log"),
            STAGECRAFT_APP_DIR: path.join(dir, "app"), HOME: dir,
        };
        // docker compose exec -T db <pg tool> ... runs the local tool against the local cluster.
        fake(path.join(dir, "bin"), "docker", `echo "docker $*" >> "$SHIM_LOG"
[ "$1" = compose ] || exit 90; shift
case "$1" in
  exec) shift; [ "$1" = -T ] && shift; [ "$1" = db ] || exit 91; shift; t=$1; shift
        case "$t" in pg_dump|pg_restore) exec "$PG_BIN/$t" -h "$PG_SOCK" -p "$PG_PORT" "$@" ;; *) exit 92 ;; esac ;;
  stop|start) [ "$2" = app ] || exit 93; exit 0 ;;
esac
exit 94`);
        // aws s3 cp (uploads must ask for SSE), s3api list-objects-v2 (newest .dump), sns publish.
        fake(path.join(dir, "bin"), "aws", `echo "aws $*" >> "$SHIM_LOG"
svc="$1 $2"; shift 2; pos=(); sse=""; prefix=""; bucket=""
while [ $# -gt 0 ]; do case "$1" in
  --sse) sse=$2; shift 2 ;; --prefix) prefix=$2; shift 2 ;; --bucket) bucket=$2; shift 2 ;;
  --region|--query|--output|--topic-arn|--subject|--message) shift 2 ;; --*) shift ;; *) pos+=("$1"); shift ;;
esac; done
local_of() { echo "$FAKE_S3/\${1#s3://}"; }
case "$svc" in
  "s3 cp") if [[ "\${pos[1]}" == s3://* ]]; then [ "$sse" = AES256 ] || { echo "upload without SSE" >&2; exit 3; }
             mkdir -p "$(dirname "$(local_of "\${pos[1]}")")"; cp "\${pos[0]}" "$(local_of "\${pos[1]}")"
           else cp "$(local_of "\${pos[0]}")" "\${pos[1]}" || exit 1; fi ;;
  "s3api list-objects-v2") k=$(cd "$FAKE_S3/$bucket" 2>/dev/null && find "$prefix" -name '*.dump' | sort | tail -n1); echo "\${k:-None}" ;;
  "sns publish") ;;
  *) exit 95 ;;
esac`);
        if (root) spawnSync("chown", ["-R", "postgres", dir]);
        const init = run([path.join(found.bin as string, "initdb"), "-D", path.join(dir, "pgdata"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        if (init.status !== 0) {
            console.log(`      skipped: initdb cannot run here: ${(init.stderr || init.error?.message || "").trim().split("\n").pop()}`);
            this.skip();
        }
        const start = run([path.join(found.bin as string, "pg_ctl"), "-D", path.join(dir, "pgdata"), "-w", "-l", path.join(dir, "pg.log"),
            "-o", `-k ${env.PG_SOCK} -p ${port} -c listen_addresses=`, "start"]);
        if (start.status !== 0) {
            console.log(`      skipped: the cluster does not start: ${start.stderr.trim()} ${existsSync(path.join(dir, "pg.log")) ? readFileSync(path.join(dir, "pg.log"), "utf8").slice(-300) : ""}`);
            this.skip();
        }
        started = true;
        const admin = (sql: string) => run([path.join(found.bin as string, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", env.PG_SOCK, "-p", port, "-U", "postgres", "-d", "postgres", "-c", sql]);
        assert.equal(admin("CREATE ROLE app LOGIN").status, 0);
        assert.equal(admin("CREATE DATABASE app OWNER app").status, 0);
        psql("CREATE TABLE messages (id serial PRIMARY KEY, body text NOT NULL, sent timestamptz NOT NULL DEFAULT '2026-01-01T00:00:00Z')");
        psql("INSERT INTO messages (body) SELECT 'message ' || g || ' ''quoted'' é' FROM generate_series(1, 500) g");
        writeFileSync(path.join(dir, "stagecraft-data"), backupTool({
            appName: "chat", environment: "dev", region: "us-east-1", bucket: BUCKET,
            database: { name: "app", user: "app" },
            paths: [path.join(dir, "files/etc")],
            alertTopicArn: "arn:aws:sns:us-east-1:123456789012:chat-dev-alerts",
        }));
        if (root) spawnSync("chown", ["-R", "postgres", dir]);
    });

    after(() => {
        if (started) run([path.join(found.bin as string, "pg_ctl"), "-D", path.join(dir, "pgdata"), "-m", "fast", "-w", "stop"]);
        if (dir !== "") rmSync(dir, { recursive: true, force: true });
    });

    let original = "";

    it("backup uploads a custom-format dump and a tar of the paths under <app>/<env>/YYYY/MM/DD/, asking for SSE", () => {
        original = psql("SELECT md5(string_agg(id || ':' || body || ':' || sent, ',' ORDER BY id)) FROM messages");
        const r = tool("backup");
        assert.equal(r.status, 0, r.stderr + r.stdout);
        const dumps = uploaded(".dump");
        assert.equal(dumps.length, 1, dumps.join(", "));
        assert.match(dumps[0], /^chat\/dev\/\d{4}\/\d{2}\/\d{2}\/[^/]+-\d{6}\.dump$/);
        assert.equal(readFileSync(path.join(dir, "s3", BUCKET, dumps[0])).subarray(0, 5).toString(), "PGDMP", "pg_dump custom format");
        assert.equal(uploaded(".tar.gz").length, 1);
        const calls = readFileSync(env.SHIM_LOG, "utf8");
        assert.match(calls, /docker compose exec -T db pg_dump -U app -d app -Fc/);
        assert.equal((calls.match(/aws s3 cp .*--sse AES256/g) ?? []).length, 2);
    });

    it("restore latest stops the app, restores into an emptied database and starts the app; the data matches", () => {
        psql("DROP TABLE messages");
        writeFileSync(env.SHIM_LOG, "");
        const r = tool("restore", "latest");
        assert.equal(r.status, 0, r.stderr + r.stdout);
        assert.equal(psql("SELECT count(*) FROM messages"), "500");
        assert.equal(psql("SELECT md5(string_agg(id || ':' || body || ':' || sent, ',' ORDER BY id)) FROM messages"), original);
        const calls = readFileSync(env.SHIM_LOG, "utf8").split("\n");
        const order = ["docker compose stop app", "docker compose exec -T db pg_restore", "docker compose start app"].map((c) => calls.findIndex((l) => l.startsWith(c)));
        assert.ok(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2], calls.join("\n"));
        assert.match(r.stdout, /restored chat\/dev\/.*\.dump into app/);
    });

    it("restore over changed data (--clean --if-exists) brings back the dump's rows", () => {
        psql("DELETE FROM messages WHERE id > 10; UPDATE messages SET body = 'changed'");
        const key = uploaded(".dump")[0];
        const r = tool("restore", key);
        assert.equal(r.status, 0, r.stderr + r.stdout);
        assert.equal(psql("SELECT md5(string_agg(id || ':' || body || ':' || sent, ',' ORDER BY id)) FROM messages"), original);
    });

    it("restore refuses a key outside <app>/<env>/ and fails loudly, publishing the reason", () => {
        writeFileSync(env.SHIM_LOG, "");
        for (const key of ["other/dev/2026/01/01/x.dump", "chat/dev/../prod/x.dump", "x;reboot"]) {
            const r = tool("restore", key);
            assert.equal(r.status, 1, key);
            assert.match(r.stderr, /refusing backup key/);
        }
        assert.doesNotMatch(readFileSync(env.SHIM_LOG, "utf8"), /docker compose stop/);
        assert.match(readFileSync(env.SHIM_LOG, "utf8"), /aws sns publish/);
    });

    it("a failing dump exits non-zero, uploads nothing new and publishes to the alert topic", () => {
        const broken = backupTool({ appName: "chat", environment: "dev", region: "us-east-1", bucket: BUCKET, database: { name: "missing", user: "app" }, paths: [], alertTopicArn: "arn:aws:sns:us-east-1:123456789012:chat-dev-alerts" });
        writeFileSync(path.join(dir, "stagecraft-data"), broken);
        writeFileSync(env.SHIM_LOG, "");
        const before = uploaded("").length;
        const r = tool("backup");
        assert.equal(r.status, 1);
        assert.match(r.stderr, /pg_dump of missing failed/);
        assert.equal(uploaded("").length, before);
        assert.match(readFileSync(env.SHIM_LOG, "utf8"), /aws sns publish --region us-east-1 --topic-arn arn:aws:sns:us-east-1:123456789012:chat-dev-alerts/);
    });
});

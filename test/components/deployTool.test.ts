import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { deployScript, type DeployScriptInput } from "../../components/blocks/compute/deployScript";

// Runs the real deploy tool with fake docker, aws and curl on PATH: the release logic (state
// file, health gate, automatic restore, rollback) is exercised for real, only the host is faked.

interface Sandbox {
    dir: string;
    run(args: string[], env?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
    state(): Record<string, string>;
    tag(): string;
    log(): string;
    /** A file of the sandbox (state/smoke_result, release), undefined when absent. */
    file(name: string): string | undefined;
}

function fake(dir: string, name: string, body: string): void {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/bash\n${body}\n`);
    chmodSync(file, 0o755);
}

const PROBES: DeployScriptInput["smokeChecks"] = [
    { name: "api", kind: "rest", path: "/api/status", status: 200, bodyContains: "\"ok\"" },
    { name: "graphql", kind: "graphql", path: "/graphql", status: 200, query: "{ __typename }" },
];

/**
 * A fake curl that answers like the app of the deployed tag: the health path fails for tags in
 * FAKE_BROKEN_TAGS; /api/status answers 500 for tags in FAKE_REST_BROKEN_TAGS; /graphql answers
 * 200 with an `errors` list for tags in FAKE_GRAPHQL_ERROR_TAGS. Each call's arguments are logged.
 */
function fakeCurl(dir: string, app: string): string {
    return `echo "curl $*" >> "${dir}/calls.log"
out=/dev/null; format=''; url="\${@: -1}"
while [ $# -gt 0 ]; do case $1 in -o) out=$2; shift;; -w) format=$2; shift;; esac; shift; done
tag=$(grep '^APP_TAG=' "${app}/.env" | cut -d= -f2)
listed() { case " $1 " in *" $tag "*) return 0;; esac; return 1; }
code=200; body='{"status":"ok"}'
case $url in
  */health) listed "$FAKE_BROKEN_TAGS" && exit 22 ;;
  */api/status) listed "$FAKE_REST_BROKEN_TAGS" && { code=500; body='{"status":"down"}'; } ;;
  */graphql) if listed "$FAKE_GRAPHQL_ERROR_TAGS"; then body='{"errors":[{"message":"Cannot query field"}],"data":null}'; else body='{"data":{"__typename":"Query"}}'; fi ;;
esac
printf '%s' "$body" > "$out"
[ -n "$format" ] && printf '%s' "$code"
exit 0`;
}

/** A fake aws: `s3 sync` copies the bucket's one object (index.html) into its last argument, or fails with FAKE_S3_FAIL; Parameter Store reads (one secret, and the release parameter when recorded) and writes to a file. */
function fakeAws(dir: string): string {
    return `echo "aws $*" >> "${dir}/calls.log"
case "$*" in
  "s3 sync "*) [ -z "$FAKE_S3_FAIL" ] || exit 1; dest=\${*: -1}; echo '<div id=app>' > "$dest/index.html" ;;
  *"ssm put-parameter"*) while [ $# -gt 0 ]; do [ "$1" = --value ] && printf '%s' "$2" > "${dir}/release"; shift; done ;;
  *"ssm get-parameter "*) [ -f "${dir}/release" ] || exit 254; cat "${dir}/release"; echo ;;
  *) printf '/chat/dev/JWT_SECRET_KEY\ts3cr3t\n'; [ -f "${dir}/release" ] && printf '/chat/dev/STAGECRAFT_RELEASE\t%s\n' "$(cat "${dir}/release")" ;;
esac
exit 0`;
}

function sandbox(input: Partial<DeployScriptInput> = {}): Sandbox {
    const dir = mkdtempSync(path.join(tmpdir(), "stagecraft-deploy-"));
    const bin = path.join(dir, "bin");
    const app = path.join(dir, "app");
    spawnSync("mkdir", ["-p", bin, app, path.join(dir, "state")]);
    writeFileSync(path.join(app, ".env"), "APP_IMAGE=ghcr.io/acme/chat\nAPP_TAG=v1\n");
    fake(bin, "docker", `echo "docker $*" >> "${dir}/calls.log"`);
    fake(bin, "aws", fakeAws(dir));
    fake(bin, "curl", fakeCurl(dir, app));
    const script = path.join(dir, "stagecraft-deploy");
    writeFileSync(script, deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", ...input }));
    chmodSync(script, 0o755);
    return {
        dir,
        run(args, env = {}) {
            const r = spawnSync("bash", [script, ...args], {
                encoding: "utf8",
                env: {
                    PATH: `${bin}:${process.env.PATH}`,
                    STAGECRAFT_APP_DIR: app,
                    STAGECRAFT_STATE_DIR: path.join(dir, "state"),
                    STAGECRAFT_HEALTH_ATTEMPTS: "2",
                    STAGECRAFT_HEALTH_INTERVAL: "0",
                    STAGECRAFT_SMOKE_ATTEMPTS: "2",
                    STAGECRAFT_SMOKE_INTERVAL: "0",
                    FAKE_BROKEN_TAGS: "",
                    FAKE_S3_FAIL: "",
                    FAKE_REST_BROKEN_TAGS: "",
                    FAKE_GRAPHQL_ERROR_TAGS: "",
                    ...env,
                },
            });
            return { status: r.status, stdout: r.stdout, stderr: r.stderr };
        },
        state() {
            const file = path.join(dir, "state", "deploy_state");
            if (!existsSync(file)) return {};
            return Object.fromEntries(readFileSync(file, "utf8").trim().split("\n").map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
        },
        tag: () => /APP_TAG=(.*)/.exec(readFileSync(path.join(app, ".env"), "utf8"))![1],
        log: () => (existsSync(path.join(dir, "calls.log")) ? readFileSync(path.join(dir, "calls.log"), "utf8") : ""),
        file: (name) => (existsSync(path.join(dir, name)) ? readFileSync(path.join(dir, name), "utf8") : undefined),
    };
}

describe("deploy tool (run with a faked host)", () => {
    let box: Sandbox;
    beforeEach(() => { box = sandbox(); });
    afterEach(() => rmSync(box.dir, { recursive: true, force: true }));

    it("deploys a tag: secrets rendered root-only, compose pulled and started, state recorded", () => {
        const r = box.run(["deploy", "v2"]);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(box.tag(), "v2");
        assert.deepEqual([box.state().CURRENT_TAG, box.state().PREVIOUS_TAG], ["v2", ""]);
        assert.match(box.log(), /aws ssm get-parameters-by-path --region us-east-1 --path \/chat\/dev --recursive --with-decryption/);
        assert.match(box.log(), /docker compose pull --quiet\ndocker compose up -d --remove-orphans/);
        const env = path.join(box.dir, "app", "app.env");
        assert.equal(readFileSync(env, "utf8"), "JWT_SECRET_KEY=s3cr3t\n");
        assert.equal(spawnSync("stat", ["-c", "%a", env], { encoding: "utf8" }).stdout.trim(), "600");
    });

    it("a second deploy keeps the first as the previous release", () => {
        box.run(["deploy", "v2"]);
        assert.equal(box.run(["deploy", "v3"]).status, 0);
        assert.deepEqual([box.state().CURRENT_TAG, box.state().PREVIOUS_TAG], ["v3", "v2"]);
    });

    it("an unhealthy release fails the deploy and restores the previous one", () => {
        box.run(["deploy", "v2"]);
        const r = box.run(["deploy", "v3"], { FAKE_BROKEN_TAGS: "v3" });
        assert.equal(r.status, 1);
        assert.match(r.stdout + r.stderr, /health check failed for v3/);
        assert.equal(box.tag(), "v2", "the previous release runs again");
        assert.deepEqual([box.state().CURRENT_TAG, box.state().PREVIOUS_TAG], ["v2", ""], "state unchanged");
    });

    it("rollback returns to the previous release and swaps the state", () => {
        box.run(["deploy", "v2"]);
        box.run(["deploy", "v3"]);
        const r = box.run(["rollback"]);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(box.tag(), "v2");
        assert.deepEqual([box.state().CURRENT_TAG, box.state().PREVIOUS_TAG], ["v2", "v3"]);
    });

    it("rollback without a previous release fails and changes nothing", () => {
        box.run(["deploy", "v2"]);
        const r = box.run(["rollback"]);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /no previous release recorded/);
        assert.equal(box.tag(), "v2");
    });

    it("refuses refs that could reach the shell", () => {
        for (const ref of ["$(reboot)", "v1;id", "-rf", ""]) {
            const r = box.run(["deploy", ref]);
            assert.equal(r.status, 1, ref);
            assert.match(r.stderr, /invalid ref/);
        }
        assert.equal(box.log(), "", "nothing ran");
    });

    it("unknown commands print usage and exit 2", () => {
        const r = box.run(["destroy"]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /usage:/);
    });
});

describe("deploy tool: the SPA synced from the static bucket (run with a faked host)", () => {
    let box: Sandbox;
    afterEach(() => rmSync(box.dir, { recursive: true, force: true }));

    it("each deploy mirrors the static bucket into <app>/spa (with --delete) before the app changes, world-readable", () => {
        box = sandbox({ staticBucket: "chat-dev-static-1" });
        const r = box.run(["deploy", "v2"]);
        assert.equal(r.status, 0, r.stderr);
        const spa = path.join(box.dir, "app", "spa");
        assert.match(box.log(), new RegExp(`^aws s3 sync --delete --only-show-errors --region us-east-1 s3://chat-dev-static-1/ ${spa}/$`, "m"));
        assert.ok(box.log().indexOf("aws s3 sync") < box.log().indexOf("docker compose pull"), "the SPA is in place before the new release starts");
        assert.equal(readFileSync(path.join(spa, "index.html"), "utf8"), "<div id=app>\n");
        assert.equal(spawnSync("stat", ["-c", "%a", spa], { encoding: "utf8" }).stdout.trim(), "755", "the proxy container reads it");
        assert.equal(box.tag(), "v2");
    });

    it("a failed sync fails the deploy and leaves the running release alone", () => {
        box = sandbox({ staticBucket: "chat-dev-static-1" });
        box.run(["deploy", "v2"]);
        const r = box.run(["deploy", "v3"], { FAKE_S3_FAIL: "1" });
        assert.equal(r.status, 1);
        assert.match(r.stderr, /cannot sync the SPA from s3:\/\/chat-dev-static-1\//);
        assert.equal(box.tag(), "v2");
        assert.equal(box.state().CURRENT_TAG, "v2");
        assert.equal(box.log().split("docker compose pull").length - 1, 1, "no compose run for v3");
    });

    it("sync-static refreshes the SPA alone, without touching the release", () => {
        box = sandbox({ staticBucket: "chat-dev-static-1" });
        const r = box.run(["sync-static"]);
        assert.equal(r.status, 0, r.stderr);
        assert.match(box.log(), /^aws s3 sync --delete .* s3:\/\/chat-dev-static-1\/ /m);
        assert.doesNotMatch(box.log(), /docker/);
        assert.match(box.run(["sync-static"], { FAKE_S3_FAIL: "1" }).stderr, /cannot sync the SPA/);
    });

    it("without an SPA, deploys never call S3 and sync-static refuses", () => {
        box = sandbox();
        assert.equal(box.run(["deploy", "v2"]).status, 0);
        assert.doesNotMatch(box.log(), /s3 sync/);
        const r = box.run(["sync-static"]);
        assert.equal(r.status, 1);
        assert.match(r.stderr, /serves no SPA/);
    });

    it("a bucket name reaches the script as one quoted value", () => {
        const text = deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", staticBucket: "chat-dev-static-1" });
        assert.match(text, /^STATIC_BUCKET='chat-dev-static-1'$/m);
    });
});

describe("deploy tool: smoke checks after the health check (seed 004)", () => {
    let box: Sandbox;
    beforeEach(() => { box = sandbox({ smokeChecks: PROBES }); });
    afterEach(() => rmSync(box.dir, { recursive: true, force: true }));

    it("passing probes keep the release and record the result status shows", () => {
        box.run(["deploy", "v2"]);
        const r = box.run(["deploy", "v3"]);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(box.tag(), "v3");
        assert.deepEqual([box.state().CURRENT_TAG, box.state().PREVIOUS_TAG], ["v3", "v2"]);
        const status = box.run(["status"]);
        assert.match(status.stdout, /SMOKE_TAG=v3\nSMOKE_AT=\S+\napi ok HTTP 200\ngraphql ok HTTP 200\nSMOKE_RESULT=passed/);
    });

    it("the GraphQL probe POSTs the query as JSON to 127.0.0.1 on the app port", () => {
        assert.equal(box.run(["deploy", "v2"]).status, 0);
        const post = box.log().split("\n").find((l) => l.includes("/graphql"));
        assert.equal(post, `curl -sS -o ${post?.split(" ")[3]} -w %{http_code} --max-time 5 -H Content-Type: application/json --data-binary {"query":"{ __typename }"} http://127.0.0.1:5000/graphql`);
        assert.match(box.log(), /--max-time 5 http:\/\/127\.0\.0\.1:5000\/api\/status\n/, "the REST probe is a GET");
    });

    it("a failed REST probe rolls back to the previous tag and exits non-zero", () => {
        box.run(["deploy", "v2"]);
        const r = box.run(["deploy", "v3"], { FAKE_REST_BROKEN_TAGS: "v3" });
        assert.equal(r.status, 1);
        assert.match(r.stdout, /smoke api \(rest \/api\/status\): failed \(HTTP 500\)/);
        assert.match(r.stdout, /smoke check failed for v3\n.*restoring v2/);
        assert.match(r.stderr, /deploy of v3 failed/);
        assert.equal(box.tag(), "v2", "the previous release runs again");
        assert.deepEqual([box.state().CURRENT_TAG, box.state().PREVIOUS_TAG], ["v2", ""], "state unchanged");
        assert.match(box.file("state/smoke_result") ?? "", /SMOKE_TAG=v3\nSMOKE_AT=\S+\napi failed HTTP 500\ngraphql ok HTTP 200\nSMOKE_RESULT=failed/);
    });

    it("a GraphQL answer with errors (HTTP 200) rolls back", () => {
        box.run(["deploy", "v2"]);
        const r = box.run(["deploy", "v3"], { FAKE_GRAPHQL_ERROR_TAGS: "v3" });
        assert.equal(r.status, 1);
        assert.match(r.stdout, /smoke graphql \(graphql \/graphql\): failed \(HTTP 200\)/);
        assert.equal(box.tag(), "v2");
        assert.equal(box.state().CURRENT_TAG, "v2");
    });

    it("an HTTP 200 without the required text fails the REST probe", () => {
        const strict = sandbox({ smokeChecks: [{ name: "api", kind: "rest", path: "/api/status", status: 200, bodyContains: "\"healthy\"" }] });
        try {
            const r = strict.run(["deploy", "v2"]);
            assert.equal(r.status, 1, "the fake answers {\"status\":\"ok\"}");
            assert.match(r.stdout, /smoke api \(rest \/api\/status\): failed \(HTTP 200\)/);
            assert.deepEqual(strict.state(), {});
        } finally {
            rmSync(strict.dir, { recursive: true, force: true });
        }
    });

    it("the restore after a failed smoke check still needs the previous release's health check", () => {
        box.run(["deploy", "v2"]);
        const r = box.run(["deploy", "v3"], { FAKE_REST_BROKEN_TAGS: "v3", FAKE_BROKEN_TAGS: "v2" });
        assert.equal(r.status, 1);
        assert.match(r.stdout, /previous release is unhealthy too/);
    });

    it("without a previous release a failed probe still fails the deploy", () => {
        const r = box.run(["deploy", "v2"], { FAKE_REST_BROKEN_TAGS: "v2" });
        assert.equal(r.status, 1);
        assert.deepEqual(box.state(), {}, "nothing recorded as deployed");
    });

    it("hostile probe values stay data: the tool parses and nothing they name runs", () => {
        const marker = path.join(tmpdir(), `stagecraft-smoke-${process.pid}`);
        const payload = `';touch ${marker};'$(touch ${marker})\`touch ${marker}\``;
        const hostile = sandbox({ smokeChecks: [
            { name: "api", kind: "rest", path: "/api/status", status: 200, bodyContains: payload },
            { name: "graphql", kind: "graphql", path: "/graphql", status: 200, query: `{ a(x: "${payload}\\") }` },
        ] });
        try {
            assert.equal(spawnSync("bash", ["-n", path.join(hostile.dir, "stagecraft-deploy")]).status, 0);
            hostile.run(["deploy", "v2"]);
            assert.equal(existsSync(marker), false, "a probe value ran as code");
            assert.ok(hostile.log().includes(JSON.stringify({ query: `{ a(x: "${payload}\\") }` })), "the query reached curl as one JSON argument");
        } finally {
            rmSync(hostile.dir, { recursive: true, force: true });
            rmSync(marker, { force: true });
        }
    });
});

describe("deploy tool: a fleet's release parameter (phase 2)", () => {
    const release = { parameter: "/chat/dev/STAGECRAFT_RELEASE", templateTag: "v1" };
    let box: Sandbox;
    beforeEach(() => { box = sandbox({ release }); });
    afterEach(() => rmSync(box.dir, { recursive: true, force: true }));

    it("a successful deploy records the tag and the template's tag; the app's env file does not get it", () => {
        assert.equal(box.run(["deploy", "v2"]).status, 0);
        assert.equal(box.file("release"), "v2 v1");
        assert.match(box.log(), /aws ssm put-parameter --region us-east-1 --name \/chat\/dev\/STAGECRAFT_RELEASE --type String --overwrite --value v2 v1/);
        box.run(["deploy", "v3"]);
        assert.equal(readFileSync(path.join(box.dir, "app", "app.env"), "utf8"), "JWT_SECRET_KEY=s3cr3t\n");
    });

    it("a failed deploy records nothing; a rollback records the release it returns to", () => {
        box.run(["deploy", "v2"]);
        box.run(["deploy", "v3"], { FAKE_BROKEN_TAGS: "v3" });
        assert.equal(box.file("release"), "v2 v1");
        box.run(["deploy", "v4"]);
        assert.equal(box.file("release"), "v4 v1");
        assert.equal(box.run(["rollback"]).status, 0);
        assert.equal(box.file("release"), "v2 v1");
    });

    it("an instance launched later boots the recorded release", () => {
        box.run(["deploy", "v7"]);
        const fresh = sandbox({ release });
        try {
            writeFileSync(path.join(fresh.dir, "release"), box.file("release") ?? "");
            const r = fresh.run(["boot"]);
            assert.equal(r.status, 0, r.stderr);
            assert.match(r.stdout, /booting the fleet's release v7/);
            assert.equal(fresh.tag(), "v7");
        } finally {
            rmSync(fresh.dir, { recursive: true, force: true });
        }
    });

    it("a release recorded over another template tag loses to the new template's tag (pulumi up changed appImageTag)", () => {
        writeFileSync(path.join(box.dir, "release"), "v7 v0");
        assert.equal(box.run(["boot"]).status, 0);
        assert.equal(box.tag(), "v1");
        assert.equal(box.file("release"), "v1 v1");
    });

    it("boots the template's tag without a recorded release, or with a value that is not a ref", () => {
        assert.equal(box.run(["boot"]).status, 0);
        assert.equal(box.tag(), "v1");
        const odd = sandbox({ release });
        try {
            writeFileSync(path.join(odd.dir, "release"), "$(reboot) v1");
            assert.equal(odd.run(["boot"]).status, 0);
            assert.equal(odd.tag(), "v1");
        } finally {
            rmSync(odd.dir, { recursive: true, force: true });
        }
    });

    it("a single host (no release parameter) never writes to Parameter Store", () => {
        const host = sandbox();
        try {
            host.run(["deploy", "v2"]);
            host.run(["deploy", "v3"]);
            host.run(["rollback"]);
            assert.doesNotMatch(host.log(), /put-parameter/);
        } finally {
            rmSync(host.dir, { recursive: true, force: true });
        }
    });
});

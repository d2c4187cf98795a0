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
}

function fake(dir: string, name: string, body: string): void {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/bash\n${body}\n`);
    chmodSync(file, 0o755);
}

function sandbox(extra: Partial<DeployScriptInput> = {}): Sandbox {
    const dir = mkdtempSync(path.join(tmpdir(), "stagecraft-deploy-"));
    const bin = path.join(dir, "bin");
    const app = path.join(dir, "app");
    spawnSync("mkdir", ["-p", bin, app, path.join(dir, "state")]);
    writeFileSync(path.join(app, ".env"), "APP_IMAGE=ghcr.io/acme/chat\nAPP_TAG=v1\n");
    fake(bin, "docker", `echo "docker $*" >> "${dir}/calls.log"`);
    // aws s3 sync copies the bucket's one object (index.html) into its last argument, or fails with FAKE_S3_FAIL.
    fake(bin, "aws", `echo "aws $*" >> "${dir}/calls.log"
if [ "$1 $2" = "s3 sync" ]; then [ -z "$FAKE_S3_FAIL" ] || exit 1; dest=\${*: -1}; echo '<div id=app>' > "$dest/index.html"; exit 0; fi
printf '/chat/dev/JWT_SECRET_KEY\\ts3cr3t\\n'`);
    // Healthy unless the deployed tag is listed in FAKE_BROKEN_TAGS.
    fake(bin, "curl", `tag=$(grep '^APP_TAG=' "${app}/.env" | cut -d= -f2); case " $FAKE_BROKEN_TAGS " in *" $tag "*) exit 22;; esac; exit 0`);
    const script = path.join(dir, "stagecraft-deploy");
    writeFileSync(script, deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", ...extra }));
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
                    FAKE_BROKEN_TAGS: "",
                    FAKE_S3_FAIL: "",
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

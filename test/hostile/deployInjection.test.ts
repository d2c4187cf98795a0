// The shell injection a robustness review found (issue "Hostile input"): stagecraft:appRepository
// reached the root deploy tool unescaped. These tests run the real deploy tool with a fake git,
// docker, aws and curl on PATH, and check two walls: the config refuses the value, and the tool
// treats any repository string as data even when the config check is bypassed.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { deployScript } from "../../components/blocks/compute/deployScript";
import { ConfigError } from "../../components/lib/errors";
import { settingsFrom } from "../helpers/settings";

const REPORTED = "https://github.com/a/b';touch${IFS}/tmp/x;x='";

interface Box {
    dir: string;
    probe: string;
    run(repository: string, args: string[]): { status: number | null; stdout: string; stderr: string };
    gitCalls(): string[][];
}

function fake(dir: string, name: string, body: string): void {
    writeFileSync(path.join(dir, name), `#!/bin/bash\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
}

function box(): Box {
    const dir = mkdtempSync(path.join(tmpdir(), "stagecraft-inject-"));
    const bin = path.join(dir, "bin");
    const app = path.join(dir, "app");
    for (const d of [bin, app, path.join(dir, "state")]) mkdirSync(d, { recursive: true });
    writeFileSync(path.join(app, ".env"), "APP_IMAGE=ghcr.io/acme/chat\nAPP_TAG=v1\n");
    // git records each argument on its own NUL-separated line, then pretends to work.
    fake(bin, "git", `for a in "$@"; do printf '%s\\0' "$a"; done >> "${dir}/git.args"; printf '\\n' >> "${dir}/git.args"
case " $* " in *" rev-parse "*) echo 0123456789abcdef0123456789abcdef01234567;; esac
case " $* " in *" clone "*) mkdir -p "\${@: -1}/.git";; esac
exit 0`);
    fake(bin, "docker", "exit 0");
    fake(bin, "aws", "exit 0");
    fake(bin, "curl", "exit 0");
    return {
        dir,
        probe: "/tmp/x",
        run(repository, args) {
            const script = path.join(dir, "stagecraft-deploy");
            writeFileSync(script, deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", repository }));
            const r = spawnSync("bash", [script, ...args], {
                encoding: "utf8",
                env: {
                    PATH: `${bin}:${process.env.PATH}`,
                    STAGECRAFT_APP_DIR: app,
                    STAGECRAFT_STATE_DIR: path.join(dir, "state"),
                    STAGECRAFT_HEALTH_ATTEMPTS: "1",
                    STAGECRAFT_HEALTH_INTERVAL: "0",
                },
            });
            return { status: r.status, stdout: r.stdout, stderr: r.stderr };
        },
        gitCalls() {
            const file = path.join(dir, "git.args");
            if (!existsSync(file)) return [];
            return readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => l.split("\0").slice(0, -1));
        },
    };
}

describe("hostile input: the deploy tool and stagecraft:appRepository", () => {
    let b: Box;
    beforeEach(() => {
        rmSync("/tmp/x", { force: true });
        b = box();
    });
    afterEach(() => {
        rmSync(b.dir, { recursive: true, force: true });
        rmSync("/tmp/x", { force: true });
    });

    it("refuses the reported injection value in config, naming the key", () => {
        assert.throws(() => settingsFrom({ appRepository: REPORTED }), (err: unknown) => {
            assert.ok(err instanceof ConfigError);
            assert.ok(err.problems.some((p) => p.key === "stagecraft:appRepository"), err.message);
            return true;
        });
    });

    it("refuses quotes, $, ;, backticks, fragments, queries and credentials in a repository URL", () => {
        for (const value of [
            "https://github.com/a/b.git#frag'",
            "https://github.com/a/b$(id)",
            "https://github.com/a/`id`",
            "https://github.com/a/b;id",
            "https://github.com/a/b?x=1",
            "https://user:pw@github.com/a/b",
            "https://github.com/a/b\nid",
            "https://-oProxyCommand=id/a/b",
            "https://github.com/../../etc",
        ]) {
            assert.throws(() => settingsFrom({ appRepository: value }), ConfigError, value);
        }
    });

    it("accepts plain https git URLs (GitHub, GitLab groups, a port, .git)", () => {
        for (const value of ["https://github.com/acme/api.git", "https://gitlab.example.com:8443/group/sub/api", "https://git.example.com/acme/chat-api_v2"]) {
            assert.equal(settingsFrom({ appRepository: value }).app.repository, value);
        }
    });

    it("passes even a hostile repository string to git as one argument and never runs it (config check bypassed)", () => {
        const r = b.run(REPORTED, ["deploy", "main"]);
        assert.equal(existsSync(b.probe), false, "the injected touch ran");
        assert.equal(spawnSync("bash", ["-n", path.join(b.dir, "stagecraft-deploy")]).status, 0, "the tool parses");
        const clone = b.gitCalls().find((args) => args[0] === "clone");
        assert.ok(clone, `git clone was called: ${r.stderr}`);
        assert.ok(clone.includes(REPORTED), `git received the URL as one argument: ${JSON.stringify(clone)}`);
    });

    it("keeps a tool whose repository ends in #frag' syntactically valid", () => {
        writeFileSync(path.join(b.dir, "t"), deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", repository: "https://github.com/a/b.git#frag'" }));
        const r = spawnSync("bash", ["-n", path.join(b.dir, "t")], { encoding: "utf8" });
        assert.equal(r.status, 0, r.stderr);
    });
});

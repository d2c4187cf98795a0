// Properties of the quoting helpers (components/lib/render), checked with the real interpreter of
// each language on generated strings, config validation bypassed: bash reads a quoted word back
// as exactly the value, a here-document writes exactly its body, YAML and Compose read back the
// value, nginx serves it back byte for byte, and the deploy tool hands any repository string to
// git as one argument without running it. Fixed seed and sizes.
import * as assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { composeFile } from "../../components/blocks/compute/compose";
import { deployScript } from "../../components/blocks/compute/deployScript";
import { hostFiles } from "../../components/blocks/compute/userData";
import { composeString, dotenvLine, heredocToFile, nginxString, RenderError, shellQuote, yamlString } from "../../components/lib/render";
import { singleHostIngress } from "../../components/architectures/phase1/traffic";
import { available, inProcessProblems } from "./helpers/checkTexts";
import { MARKER, PAYLOADS, SEED } from "./helpers/hostileValues";

/** Any text, from every Unicode plane, with the payloads and control characters mixed in (no lone surrogates: files hold UTF-8). */
const text = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(..."'\"`$\\;|&<>(){}#*?~!\n\r\t %\u2028é😀", "a", "EOF", "STAGECRAFT_EOF"), maxLength: 30 }),
    fc.constantFrom(...PAYLOADS),
).map((s) => s.replace(/\0/g, ""));

const sample = <T>(arb: fc.Arbitrary<T>, n: number, offset: number): T[] => fc.sample(arb, { seed: SEED + offset, numRuns: n });

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "stagecraft-render-"));
}

describe("hostile input: the quoting helpers, checked by the real tools (property, fixed seed)", function () {
    this.timeout(120_000);

    it("bash reads every shellQuote'd value back exactly (400 values, one bash run)", () => {
        const values = sample(text, 400, 1);
        const script = values.map((v) => `printf '%s\\0' ${shellQuote(v)}`).join("\n");
        const r = spawnSync("bash", ["-c", script], { encoding: "utf8", maxBuffer: 16 << 20 });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(r.stdout.split("\0").slice(0, -1), values);
    });

    it("shellQuote refuses a NUL byte, which no bash string can hold", () => {
        assert.throws(() => shellQuote("a\0b"), RenderError);
    });

    it("a here-document writes exactly its body, even a body holding the delimiter line (200 bodies)", () => {
        const dir = tempDir();
        try {
            const bodies = sample(fc.array(fc.oneof(text, fc.constantFrom("STAGECRAFT_EOF", "STAGECRAFT_EOF_2", "EOF")), { maxLength: 6 }).map((l) => l.join("\n")), 200, 2);
            const script = bodies.flatMap((b, i) => heredocToFile(path.join(dir, `f${i}`), b)).join("\n");
            const r = spawnSync("bash", ["-c", script], { encoding: "utf8" });
            assert.equal(r.status, 0, r.stderr);
            bodies.forEach((b, i) => assert.equal(fs.readFileSync(path.join(dir, `f${i}`), "utf8"), b.endsWith("\n") ? b : `${b}\n`, JSON.stringify(b)));
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("YAML reads every yamlString back, and Compose's $$ escaping leaves no variable (1000 values)", () => {
        fc.assert(fc.property(text, (v) => {
            assert.equal(parse(`k: ${yamlString(v)}`, { version: "1.2" }).k, v);
            const composed = parse(`k: ${composeString(v)}`, { version: "1.2" }).k as string;
            assert.equal(composed.replace(/\$\$/g, "$"), v);
            assert.doesNotMatch(composed.replace(/\$\$/g, ""), /\$/);
        }), { seed: SEED + 3, numRuns: 1000 });
    });

    it("a .env line is literal (bare plain characters or single-quoted), or refused for a quote or line break (1000 values)", () => {
        fc.assert(fc.property(text, (v) => {
            let line: string;
            try {
                line = dotenvLine("APP_TAG", v);
            } catch (err) {
                assert.ok(err instanceof RenderError);
                assert.match(v, /['\r\n]/);
                return;
            }
            const m = /^APP_TAG=(?:([A-Za-z0-9._/:@+-]*)|'([^'\n\r]*)')$/.exec(line);
            assert.ok(m, line);
            assert.equal(m[1] ?? m[2], v);
        }), { seed: SEED + 4, numRuns: 1000 });
    });

    describe("nginx", function () {
        const ready = available("nginx", ["-v"]);
        let dir = "";
        let server: ChildProcess | undefined;
        let port = 0;
        let served: string[] = [];

        before(async function () {
            if (!ready) {
                console.log("      (nginx is not installed (apt-get install nginx-light): nginxString is checked without nginx)");
                this.skip();
            }
            served = sample(text, 150, 5).filter((v) => !/[$\u0000-\u001f\u007f]/.test(v));
            dir = tempDir();
            port = await new Promise<number>((resolve) => {
                const probe = net.createServer().listen(0, "127.0.0.1", () => {
                    const p = (probe.address() as net.AddressInfo).port;
                    probe.close(() => resolve(p));
                });
            });
            const locations = served.map((v, i) => `location = /v${i} { default_type text/plain; return 200 ${nginxString(v)}; }`).join("\n");
            fs.writeFileSync(path.join(dir, "nginx.conf"), `daemon off; pid ${dir}/nginx.pid; error_log stderr error;
events {}
http { access_log off; client_body_temp_path ${dir}/b; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f; uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s;
server { listen 127.0.0.1:${port}; charset off;
${locations}
} }
`);
            const check = spawnSync("nginx", ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
            assert.equal(check.status, 0, check.stderr);
            server = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "ignore" });
            for (let i = 0; i < 100; i++) {
                const up = await new Promise<boolean>((resolve) => net.connect(port, "127.0.0.1").on("connect", function (this: net.Socket) { this.destroy(); resolve(true); }).on("error", () => resolve(false)));
                if (up) break;
                await new Promise((r) => setTimeout(r, 50));
            }
        });

        after(() => {
            server?.kill("SIGTERM");
            if (dir) fs.rmSync(dir, { recursive: true, force: true });
        });

        it("serves every nginxString'd value back byte for byte (150 values, one nginx)", async () => {
            for (const [i, v] of served.entries()) {
                const body = await new Promise<Buffer>((resolve, reject) => {
                    http.get({ host: "127.0.0.1", port, path: `/v${i}` }, (res) => {
                        const chunks: Buffer[] = [];
                        res.on("data", (c: Buffer) => chunks.push(c));
                        res.on("end", () => resolve(Buffer.concat(chunks)));
                    }).on("error", reject);
                });
                assert.equal(body.toString("utf8"), v, JSON.stringify(v));
            }
        });
    });

    it("nginxString refuses $ and control characters, which nginx would expand or cannot quote", () => {
        for (const v of ["$host", "a${x}", "a\nb", "a\u0000"]) assert.throws(() => nginxString(v), RenderError, JSON.stringify(v));
    });

    it("the deploy tool passes any repository string to git as one argument and never runs it (40 values)", () => {
        const dir = tempDir();
        try {
            const bin = path.join(dir, "bin");
            fs.mkdirSync(bin);
            const gitLog = path.join(dir, "git.args");
            fs.writeFileSync(path.join(bin, "git"), `#!/bin/bash\nif [ "$1" = clone ]; then printf '%s' "$4" > "${gitLog}"; mkdir -p "$5/.git"; fi\n[ "$3" = rev-parse ] && echo 0123456789abcdef0123456789abcdef01234567\nexit 0\n`);
            for (const tool of ["docker", "aws", "curl"]) fs.writeFileSync(path.join(bin, tool), "#!/bin/bash\nexit 0\n");
            for (const f of fs.readdirSync(bin)) fs.chmodSync(path.join(bin, f), 0o755);
            const probe = path.join(dir, MARKER);
            // Payloads write their probe into this test's directory; bash strings cannot hold NUL.
            const repositories = sample(fc.oneof(text, fc.constantFrom(...PAYLOADS)).map((p) => `https://github.com/a/b${p.replace(/\/tmp\//g, `${dir}/`).replace(/\0/g, "")}`), 40, 6);
            for (const repository of repositories) {
                fs.rmSync(gitLog, { force: true });
                fs.rmSync(path.join(dir, "app"), { recursive: true, force: true });
                fs.mkdirSync(path.join(dir, "app"));
                fs.writeFileSync(path.join(dir, "app", ".env"), "APP_IMAGE=x\nAPP_TAG=v1\n");
                const script = path.join(dir, "tool");
                fs.writeFileSync(script, deployScript({ appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", repository }));
                const r = spawnSync("bash", [script, "deploy", "main"], {
                    encoding: "utf8",
                    env: { PATH: `${bin}:${process.env.PATH}`, STAGECRAFT_APP_DIR: path.join(dir, "app"), STAGECRAFT_STATE_DIR: path.join(dir, "state"), STAGECRAFT_HEALTH_ATTEMPTS: "1", STAGECRAFT_HEALTH_INTERVAL: "0" },
                });
                assert.equal(fs.existsSync(probe), false, `the payload ran: ${JSON.stringify(repository)}`);
                assert.equal(fs.readFileSync(gitLog, "utf8"), repository, `git got the URL as one argument (${r.stderr})`);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("first-boot scripts and Compose files built from hostile strings hold them as data or refuse loudly (300 cases)", () => {
        const scripts: string[] = [];
        fc.assert(fc.property(text, text, text, (image, domain, tag) => {
            let files;
            try {
                files = hostFiles({
                    family: "al2023",
                    // The domain reaches the Caddyfile, whose grammar refuses every hostile one (caddy.property.test.ts);
                    // here it is a value of the Compose file.
                    compose: { appName: "chat", environment: "dev", region: "us-east-1", port: 5000, publishAppPort: true, logGroupName: `/chat/${domain}`, healthPath: "/health" },
                    deploy: { appName: "chat", environment: "dev", region: "us-east-1", port: 5000, healthPath: "/health", repository: image },
                    image,
                    initialTag: tag,
                    ingress: singleHostIngress({ appPort: 5000, appPortCidrs: [], sshCidrs: [], ipv6: false }),
                });
            } catch (err) {
                // Only the .env file has values it cannot hold (a quote or a line break): a loud refusal.
                assert.ok(err instanceof RenderError, String(err));
                return;
            }
            for (const [language, body] of [["shell", files.userData], ["shell", files.deployTool], ["yaml", files.composeFile], ["dotenv", files.envFile]] as const) {
                assert.deepEqual(inProcessProblems({ what: language, language, text: body, keys: [] }), [], body);
            }
            const compose = parse(files.composeFile, { version: "1.2" }) as { services: { proxy: { logging: { options: Record<string, string> } } } };
            assert.equal(compose.services.proxy.logging.options["awslogs-group"].replace(/\$\$/g, "$"), `/chat/${domain}`);
            scripts.push(files.userData);
        }), { seed: SEED + 7, numRuns: 300 });
        const dir = tempDir();
        try {
            scripts.forEach((s, i) => fs.writeFileSync(path.join(dir, `s${i}.sh`), s));
            const r = spawnSync("bash", ["-c", 'for f in "$1"/*.sh; do bash -n "$f" || echo "FAILED $f"; done', "x", dir], { encoding: "utf8" });
            assert.doesNotMatch(r.stdout, /FAILED/, r.stderr);
            assert.ok(scripts.length > 50, `enough scripts rendered (${scripts.length})`);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("composeFile keeps a hostile app name and domain inside their scalars", () => {
        fc.assert(fc.property(text, text, (name, domain) => {
            const yaml = composeFile({ appName: name, environment: "dev", region: "us-east-1", port: 5000, publishAppPort: false, logGroupName: "/x", tlsDomain: domain, healthPath: "/health" });
            const doc = parse(yaml, { version: "1.2", uniqueKeys: true }) as { name: string; services: Record<string, unknown> };
            assert.equal(doc.name.replace(/\$\$/g, "$"), name);
            assert.deepEqual(Object.keys(doc.services), ["app", "proxy"]);
        }), { seed: SEED + 8, numRuns: 300 });
    });
});

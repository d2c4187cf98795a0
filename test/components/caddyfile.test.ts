import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { caddyfile, SPA_ROOT } from "../../components/blocks/compute/caddyfile";
import { RenderError } from "../../components/lib/render";
import { singleHostFiles } from "../../components/architectures/phase1/firstBoot";
import { stackSettings } from "../helpers/stack";

const hasCaddy = (): boolean => spawnSync("caddy", ["version"]).status === 0;

/** A free TCP port on 127.0.0.1 (closed again before caddy binds it). */
async function freePort(): Promise<number> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

const base = { appService: "app", appPort: 3000, appPrefixes: ["/api"], healthPath: "/health", spa: false };

describe("single host Caddyfile routes", () => {
    it("without an SPA everything goes to the app, as `caddy reverse-proxy --to` did", () => {
        const text = caddyfile(base);
        assert.match(text, /^:80 \{$/m);
        assert.match(text, /^\treverse_proxy app:3000$/m);
        assert.doesNotMatch(text, /file_server|handle/);
    });

    it("with an SPA: the app prefixes and the health path go to the app, the rest is the SPA with history fallback", () => {
        const text = caddyfile({ ...base, spa: true, tlsDomain: "api.example.com", appPrefixes: ["/api", "/socket.io"] });
        assert.match(text, /^api\.example\.com \{$/m, "automatic HTTPS: the site is the domain");
        assert.match(text, /^\t@app path \/api \/api\/\* \/socket\.io \/socket\.io\/\* \/health \/health\/\*$/m);
        assert.match(text, /handle @app \{\n\t\treverse_proxy app:3000\n\t\}/);
        assert.ok(text.includes(`root * ${SPA_ROOT}\n\t\ttry_files {path} /index.html\n\t\tfile_server`));
        const braces = text.replace("{path}", "");
        assert.equal(braces.split("{").length, braces.split("}").length, "blocks are balanced");
    });

    it("refuses hostile prefixes and domains instead of rendering them", () => {
        for (const appPrefixes of [["/api }\n:80 {\n\trespond 200"], ["/*"], ["/api#"], ["/{http.request.uri}"]]) {
            assert.throws(() => caddyfile({ ...base, spa: true, appPrefixes }), RenderError, JSON.stringify(appPrefixes));
        }
        assert.throws(() => caddyfile({ ...base, tlsDomain: "x.example.com {\n" }), RenderError);
    });

    it("the real caddy adapts both forms (skipped with a reason when caddy is not installed)", function () {
        if (spawnSync("caddy", ["version"]).status !== 0) {
            console.log("      (caddy is not installed (apt-get install caddy): the Caddyfile is checked without it)");
            this.skip();
        }
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stagecraft-caddy-"));
        try {
            for (const input of [base, { ...base, spa: true, tlsDomain: "api.example.com", appPrefixes: ["/api", "/socket.io"] }]) {
                const file = path.join(dir, "Caddyfile");
                fs.writeFileSync(file, caddyfile(input));
                const r = spawnSync("caddy", ["adapt", "--config", file, "--adapter", "caddyfile"], { encoding: "utf8", env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir } });
                assert.equal(r.status, 0, r.stderr);
                const json = JSON.parse(r.stdout) as { apps: { http: { servers: Record<string, unknown> } } };
                assert.ok(Object.keys(json.apps.http.servers).length > 0);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("the real caddy running the dev stack's generated Caddyfile sends the health path and the app prefixes to the app, everything else to the SPA (skipped without caddy)", async function () {
        if (!hasCaddy()) {
            console.log("      (caddy is not installed (apt-get install caddy): the routes were checked on the text only)");
            this.skip();
        }
        const generated = singleHostFiles(stackSettings("dev")).caddyfile!;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stagecraft-caddy-run-"));
        const upstream = http.createServer((req, res) => res.end(`app:${req.url}`));
        await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
        const port = await freePort();
        // Only what a test machine needs changes: the listener (no root for :80), the upstream's
        // address (no Compose network), the SPA's directory; no admin endpoint. The routes are the generated ones.
        const text = "{\n\tadmin off\n}\n" + generated
            .replace(/^:80 \{$/m, `:${port} {`)
            .replace(/app:5000/g, `127.0.0.1:${(upstream.address() as AddressInfo).port}`)
            .replace(SPA_ROOT, dir);
        assert.notEqual(text, generated);
        fs.writeFileSync(path.join(dir, "index.html"), "spa-index");
        fs.writeFileSync(path.join(dir, "app.js"), "spa-asset");
        fs.writeFileSync(path.join(dir, "Caddyfile"), text);
        const caddy = spawn("caddy", ["run", "--config", path.join(dir, "Caddyfile"), "--adapter", "caddyfile"], { stdio: "ignore", env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir } });
        try {
            const get = async (p: string): Promise<string> => (await fetch(`http://127.0.0.1:${port}${p}`)).text();
            for (let i = 0; ; i++) {
                try { await get("/"); break; } catch (e) { if (i > 100) throw e; await new Promise((r) => setTimeout(r, 100)); }
            }
            assert.equal(await get("/health"), "app:/health", "Route53's health check reaches the app, never index.html");
            assert.equal(await get("/api/rooms?x=1"), "app:/api/rooms?x=1");
            assert.equal(await get("/api"), "app:/api");
            assert.equal(await get("/socket.io/?EIO=4&transport=polling"), "app:/socket.io/?EIO=4&transport=polling");
            assert.equal(await get("/app.js"), "spa-asset");
            assert.equal(await get("/rooms/42"), "spa-index", "history fallback");
            assert.equal(await get("/apiary"), "spa-index", "/api does not match a longer sibling");
            assert.equal(await get("/healthz"), "spa-index");
        } finally {
            caddy.kill();
            upstream.close();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

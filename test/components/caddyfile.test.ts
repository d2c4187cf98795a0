import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { caddyfile, SPA_ROOT } from "../../components/blocks/compute/caddyfile";
import { RenderError } from "../../components/lib/render";

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
});

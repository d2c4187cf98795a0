import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { CLIENT_HEADERS, GATEWAY_DIR, GATEWAY_VARIABLES, gatewayCommand, nginxConfig, STRIPPED_HEADERS } from "../../../components/architectures/mtls/nginxConfig";

const CONFIG = nginxConfig({ listenPort: 443, apiHostname: "api.chat-prod.internal", apiPort: 8080, healthPath: "/health", proxyProtocol: true });

/** The directives of one `location` block (the text between its braces). */
function location(config: string, match: string): string {
    const start = config.indexOf(`location ${match} {`);
    assert.ok(start >= 0, `no location ${match}`);
    let depth = 0;
    for (let i = config.indexOf("{", start); i < config.length; i++) {
        if (config[i] === "{") depth++;
        if (config[i] === "}" && --depth === 0) return config.slice(start, i + 1);
    }
    throw new Error("unbalanced braces");
}

describe("mTLS gateway: nginx configuration (pure)", () => {
    it("terminates TLS on 443 with TLS 1.2/1.3 only and the server certificate from /tmp/mtls", () => {
        assert.match(CONFIG, /listen 443 ssl proxy_protocol;/);
        assert.match(CONFIG, /ssl_protocols TLSv1\.2 TLSv1\.3;/);
        assert.match(CONFIG, new RegExp(`ssl_certificate ${GATEWAY_DIR}/server\\.crt;`));
        assert.match(CONFIG, new RegExp(`ssl_certificate_key ${GATEWAY_DIR}/server\\.key;`));
        assert.doesNotMatch(CONFIG, /TLSv1(\.1)?[ ;]/, "no TLS 1.0 or 1.1");
        assert.ok(!/RSA-AES\d+-SHA|CBC|RC4|3DES/.test(CONFIG), "AEAD suites only");
    });

    it("asks for a client certificate without requiring it, verified against the CA", () => {
        assert.match(CONFIG, /ssl_verify_client optional;/);
        assert.match(CONFIG, new RegExp(`ssl_client_certificate ${GATEWAY_DIR}/ca\\.crt;`));
        assert.match(CONFIG, /ssl_verify_depth 2;/);
    });

    it("answers /health to anyone, with no proxying and no client-certificate check", () => {
        const health = location(CONFIG, "= /health");
        assert.match(health, /return 200/);
        assert.doesNotMatch(health, /ssl_client_verify|proxy_pass/);
    });

    it("answers 403 to every other request without a verified certificate, and proxies the rest to the API by its Cloud Map name", () => {
        const root = location(CONFIG, "/");
        const forbidden = root.indexOf("if ($ssl_client_verify != SUCCESS)");
        assert.ok(forbidden >= 0);
        assert.match(root.slice(forbidden, root.indexOf("}", forbidden)), /return 403;/);
        assert.ok(forbidden < root.indexOf("proxy_pass"), "the check comes before the proxying");
        assert.match(root, /set \$api_upstream "http:\/\/api\.chat-prod\.internal:8080";/);
        assert.match(root, /proxy_pass \$api_upstream;/, "a variable: nginx re-resolves the name at request time");
    });

    it("re-resolves through the Amazon DNS every 10 s", () => {
        assert.match(CONFIG, /resolver 169\.254\.169\.253 valid=10s/);
    });

    it("tells the API who called, overwriting whatever the client sent in those headers", () => {
        const root = location(CONFIG, "/");
        for (const [header, variable] of [["X-Client-Verify", "$ssl_client_verify"], ["X-Client-DN", "$ssl_client_s_dn"], ["X-Client-Fingerprint", "$ssl_client_fingerprint"]]) {
            assert.equal(CLIENT_HEADERS[header], variable);
            assert.ok(root.includes(`proxy_set_header ${header} ${variable};`), header);
        }
    });

    it("drops identity headers only the gateway may assert (an empty proxy_set_header removes one)", () => {
        const root = location(CONFIG, "/");
        assert.ok(STRIPPED_HEADERS.includes("X-Forwarded-Client-Cert"));
        for (const header of STRIPPED_HEADERS) {
            assert.ok(root.includes(`proxy_set_header ${header} "";`), header);
            assert.ok(!(header in CLIENT_HEADERS), header);
        }
        assert.match(CONFIG, /underscores_in_headers off;/, "X_Client_Verify never reaches the API either");
    });

    it("takes the client's address from the NLB's PROXY protocol header, and from the socket without one", () => {
        const root = location(CONFIG, "/");
        assert.match(root, /proxy_set_header X-Forwarded-For \$proxy_protocol_addr;/);
        const plain = nginxConfig({ listenPort: 443, apiHostname: "api.x.internal", apiPort: 8080, healthPath: "/health", proxyProtocol: false });
        assert.match(plain, /listen 443 ssl;/);
        assert.match(location(plain, "/"), /proxy_set_header X-Forwarded-For \$remote_addr;/);
        assert.doesNotMatch(plain, /proxy_protocol/);
    });

    it("answers a certificate that fails verification with 403, like a missing one", () => {
        assert.match(CONFIG, /error_page 495 = @forbidden;/);
        assert.match(location(CONFIG, "@forbidden"), /return 403;/);
    });

    it("logs one JSON line per request with the client's address and the certificate check (seed 002)", () => {
        assert.match(CONFIG, /log_format mtls escape=json/);
        for (const field of ['"client":"$proxy_protocol_addr"', '"client_verify":"$ssl_client_verify"', '"client_dn":"$ssl_client_s_dn"', '"request_id":"$request_id"']) {
            assert.ok(CONFIG.includes(field), field);
        }
        assert.match(CONFIG, /access_log \/dev\/stdout mtls;/);
    });

    it("keeps every writable path under /tmp (the root filesystem is read-only) and logs to the container's streams", () => {
        for (const directive of ["pid", "client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path"]) {
            assert.match(CONFIG, new RegExp(`${directive} ${GATEWAY_DIR}/`), directive);
        }
        assert.match(CONFIG, /error_log stderr warn;/);
        assert.match(CONFIG, /server_tokens off;/);
    });

    it("has balanced braces", () => {
        assert.equal((CONFIG.match(/{/g) ?? []).length, (CONFIG.match(/}/g) ?? []).length);
    });
});

describe("mTLS gateway: start-up command (pure)", () => {
    const [shell, flag, script] = gatewayCommand();

    it("runs a POSIX shell line that writes the PEMs and the config, then execs nginx in the foreground", () => {
        assert.deepEqual([shell, flag], ["/bin/sh", "-c"]);
        assert.match(script, /^set -eu; mkdir -p -m 755 \/tmp\/mtls; umask 077;/, "a directory the workers can traverse, files readable by their owner only");
        assert.match(script, new RegExp(`"\\$${GATEWAY_VARIABLES.serverKey}" > ${GATEWAY_DIR}/server\\.key`));
        assert.match(script, /base64 -d > \/tmp\/mtls\/nginx\.conf/);
        assert.match(script, /unset MTLS_SERVER_KEY_PEM; exec nginx -c \/tmp\/mtls\/nginx\.conf -g 'daemon off;'$/);
        assert.doesNotMatch(script, /echo|cat /, "never prints a secret");
        assert.equal(spawnSync("sh", ["-n", "-c", script]).status, 0, "valid shell");
    });

    it("really writes the files it promises (run against a fake nginx)", () => {
        const dir = spawnSync("mktemp", ["-d"], { encoding: "utf8" }).stdout.trim();
        const runnable = script.replaceAll(GATEWAY_DIR, `${dir}/mtls`).replace(/exec nginx .*$/, `ls ${dir}/mtls`);
        const result = spawnSync("sh", ["-c", runnable], {
            encoding: "utf8",
            env: {
                PATH: process.env.PATH,
                [GATEWAY_VARIABLES.serverKey]: "KEY",
                [GATEWAY_VARIABLES.serverCertificate]: "CERT",
                [GATEWAY_VARIABLES.caCertificate]: "CA",
                [GATEWAY_VARIABLES.config]: Buffer.from("events {}").toString("base64"),
            },
        });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(result.stdout.trim().split("\n").sort(), ["ca.crt", "nginx.conf", "server.crt", "server.key"]);
        const mode = spawnSync("stat", ["-c", "%a", `${dir}/mtls/server.key`], { encoding: "utf8" }).stdout.trim();
        assert.equal(mode, "600");
    });
});

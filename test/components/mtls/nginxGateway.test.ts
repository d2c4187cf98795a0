// The generated gateway, run for real: the start-up line writes the PEMs and the configuration,
// nginx serves them on the loopback, and requests arrive as the NLB sends them (a PROXY protocol
// v2 header first, then TLS). Needs the nginx and openssl binaries (`apt-get install nginx`);
// skipped where they are missing.
import * as assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import * as tls from "node:tls";
import { GATEWAY_DIR, GATEWAY_VARIABLES, gatewayCommand, nginxConfig } from "../../../components/architectures/mtls/nginxConfig";

const available = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;

/** A PROXY protocol v2 header as the NLB writes it: PROXY with the client's address, or LOCAL (its health checks). */
function proxyV2(source?: { ip: string; port: number }, destination = { ip: "10.0.1.20", port: 443 }): Buffer {
    const signature = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);
    if (source === undefined) return Buffer.concat([signature, Buffer.from([0x20, 0x00, 0x00, 0x00])]);
    const addresses = Buffer.alloc(12);
    source.ip.split(".").forEach((o, i) => addresses.writeUInt8(Number(o), i));
    destination.ip.split(".").forEach((o, i) => addresses.writeUInt8(Number(o), 4 + i));
    addresses.writeUInt16BE(source.port, 8);
    addresses.writeUInt16BE(destination.port, 10);
    return Buffer.concat([signature, Buffer.from([0x21, 0x11, 0x00, 12]), addresses]);
}

interface Answer { status: number; body: string; protocol: string | null }
interface Call {
    path: string;
    /** The client's certificate and key (PEM). */
    identity?: { cert: string; key: string };
    headers?: Record<string, string>;
    /** The client address in the PROXY header; null sends none at all; undefined a LOCAL header. */
    client?: { ip: string; port: number } | null;
    maxVersion?: tls.SecureVersion;
}

describe("mTLS gateway: the generated nginx, run for real", function () {
    this.timeout(60_000);
    const ready = available("nginx", ["-v"]) && available("openssl", ["version"]);
    let dir = "";
    let nginx: ChildProcess | undefined;
    let upstream: http.Server | undefined;
    let port = 0;
    let logFile = "";
    const log = () => (logFile === "" ? "" : fs.readFileSync(logFile, "utf8"));
    const pem: Record<string, string> = {};

    /** One request through a fresh connection, as the NLB would pass it on. */
    function call(c: Call): Promise<Answer> {
        return new Promise((resolve, reject) => {
            let secure: tls.TLSSocket | undefined;
            const request = http.request({
                host: "localhost",
                path: c.path,
                headers: { Connection: "close", ...c.headers },
                createConnection: () => {
                    const raw = net.connect(port, "127.0.0.1");
                    if (c.client !== null) raw.write(proxyV2(c.client));
                    secure = tls.connect({ socket: raw, servername: "localhost", ca: pem.ca, ...c.identity, maxVersion: c.maxVersion });
                    return secure;
                },
            }, (response) => {
                let body = "";
                response.setEncoding("utf8");
                response.on("data", (chunk: string) => { body += chunk; });
                response.on("end", () => resolve({ status: response.statusCode ?? 0, body, protocol: secure?.getProtocol() ?? null }));
            });
            request.on("error", reject);
            request.end();
        });
    }

    before(async function () {
        if (!ready) this.skip();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "mtls-gateway-"));
        fs.chmodSync(dir, 0o755);
        const openssl = (...args: string[]) => {
            const r = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
            assert.equal(r.status, 0, r.stderr);
        };
        const ext = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
        ext("server.ext", "basicConstraints=CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost\n");
        ext("client.ext", "basicConstraints=CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
        for (const ca of ["ca", "rogue-ca"]) {
            openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", `${ca}.key`);
            openssl("req", "-new", "-x509", "-key", `${ca}.key`, "-subj", `/O=chat-prod/CN=${ca}`, "-days", "2", "-out", `${ca}.crt`, "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        }
        const issue = (name: string, subject: string, ca: string, extFile: string) => {
            openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", `${name}.key`);
            openssl("req", "-new", "-key", `${name}.key`, "-subj", subject, "-out", `${name}.csr`);
            openssl("x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.crt`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-days", "1", "-extfile", extFile, "-out", `${name}.crt`);
        };
        issue("server", "/O=chat-prod/CN=localhost", "ca", "server.ext");
        issue("partner", "/O=chat-prod/CN=partner-a", "ca", "client.ext");
        issue("rogue", "/O=chat-prod/CN=partner-a", "rogue-ca", "client.ext");
        for (const name of ["ca", "server", "partner", "rogue"]) {
            pem[name] = fs.readFileSync(path.join(dir, `${name}.crt`), "utf8");
            pem[`${name}-key`] = fs.readFileSync(path.join(dir, `${name}.key`), "utf8");
        }

        // The API: answers with what it received.
        upstream = http.createServer((req, res) => {
            const body = JSON.stringify({ url: req.url, headers: req.headers });
            res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
            res.end(body);
        });
        await new Promise<void>((resolve) => upstream!.listen(0, "127.0.0.1", resolve));
        const apiPort = (upstream.address() as net.AddressInfo).port;
        port = await new Promise<number>((resolve) => {
            const probe = net.createServer().listen(0, "127.0.0.1", () => {
                const p = (probe.address() as net.AddressInfo).port;
                probe.close(() => resolve(p));
            });
        });

        // The configuration as generated, moved to this test's directory and the loopback.
        const version = spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr;
        const [major, minor, patch] = (/nginx\/(\d+)\.(\d+)\.(\d+)/.exec(version) ?? ["", "0", "0", "0"]).slice(1).map(Number);
        const http2Directive = major > 1 || minor > 25 || (minor === 25 && patch >= 1);
        const work = `${dir}/mtls`;
        let config = nginxConfig({ listenPort: port, apiHostname: "127.0.0.1", apiPort, healthPath: "/health", proxyProtocol: true })
            .replaceAll(GATEWAY_DIR, work)
            .replace(`listen ${port} `, `listen 127.0.0.1:${port} `);
        if (!http2Directive) config = config.replace("http2 on;", "");
        const script = gatewayCommand()[2].replaceAll(GATEWAY_DIR, work);
        logFile = path.join(dir, "container.log");
        const output = fs.openSync(logFile, "a");
        nginx = spawn("sh", ["-c", script], {
            env: {
                PATH: process.env.PATH,
                [GATEWAY_VARIABLES.serverKey]: pem["server-key"],
                [GATEWAY_VARIABLES.serverCertificate]: pem.server,
                [GATEWAY_VARIABLES.caCertificate]: pem.ca,
                [GATEWAY_VARIABLES.config]: Buffer.from(config).toString("base64"),
            },
            // A file, as a container's log driver gives a pipe: nginx opens /dev/stdout, which a
            // socket (Node's "pipe") would refuse.
            stdio: ["ignore", output, output],
        });
        fs.closeSync(output);
        for (let i = 0; ; i++) {
            const open = await new Promise<boolean>((resolve) => {
                const s = net.connect(port, "127.0.0.1", () => { s.destroy(); resolve(true); }).on("error", () => resolve(false));
            });
            if (open) break;
            assert.ok(i < 100 && nginx.exitCode === null, `nginx did not start: ${log()}`);
            await new Promise((r) => setTimeout(r, 100));
        }
    });

    after(async () => {
        if (nginx !== undefined && nginx.exitCode === null) {
            const exited = new Promise((resolve) => nginx!.once("exit", resolve));
            nginx.kill("SIGTERM");
            await exited;
        }
        upstream?.close();
        if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
    });

    const partner = () => ({ cert: pem.partner, key: pem["partner-key"] });
    const client = { ip: "198.51.100.7", port: 50123 };

    it("wrote the key readable by its owner only, in a directory nginx's workers can traverse", () => {
        assert.equal(fs.statSync(`${dir}/mtls/server.key`).mode & 0o777, 0o600);
        assert.equal(fs.statSync(`${dir}/mtls`).mode & 0o777, 0o755);
    });

    it("answers the NLB's health check (a LOCAL PROXY header, no certificate) with 200", async () => {
        const answer = await call({ path: "/health" });
        assert.deepEqual([answer.status, answer.body], [200, "ok\n"]);
    });

    it("answers 403 to an API call without a client certificate, and never reaches the API", async () => {
        const answer = await call({ path: "/v1/payments", client });
        assert.equal(answer.status, 403);
        assert.doesNotMatch(answer.body, /headers/);
    });

    it("answers 403 to a certificate from another CA (not nginx's 400)", async () => {
        const answer = await call({ path: "/v1/payments", client, identity: { cert: pem.rogue, key: pem["rogue-key"] } });
        assert.equal(answer.status, 403);
    });

    it("ignores forged identity headers without a certificate: still 403", async () => {
        const answer = await call({ path: "/v1/payments", client, headers: { "X-Client-Verify": "SUCCESS", "X-Client-DN": "CN=partner-a" } });
        assert.equal(answer.status, 403);
    });

    it("proxies a verified call to the API with the certificate's subject, the client's address and a request id", async () => {
        const answer = await call({ path: "/v1/payments?id=7", client, identity: partner() });
        assert.equal(answer.status, 200);
        const seen = JSON.parse(answer.body) as { url: string; headers: Record<string, string> };
        assert.equal(seen.url, "/v1/payments?id=7");
        assert.equal(seen.headers["x-client-verify"], "SUCCESS");
        assert.match(seen.headers["x-client-dn"], /CN=partner-a/);
        assert.match(seen.headers["x-client-issuer-dn"], /CN=ca/);
        assert.equal(seen.headers["x-forwarded-for"], "198.51.100.7");
        assert.equal(seen.headers["x-forwarded-proto"], "https");
        assert.match(seen.headers["x-request-id"], /^[0-9a-f]{32}$/);
    });

    it("replaces or drops every identity header the client sent itself", async () => {
        const answer = await call({
            path: "/v1/payments",
            client,
            identity: partner(),
            headers: { "X-Client-DN": "CN=admin", "X-Forwarded-Client-Cert": "By=spoofed", "X-SSL-Client-Verify": "SUCCESS", "X-Forwarded-For": "10.0.0.1" },
        });
        const seen = JSON.parse(answer.body) as { headers: Record<string, string> };
        assert.match(seen.headers["x-client-dn"], /CN=partner-a/);
        assert.equal(seen.headers["x-forwarded-client-cert"], undefined);
        assert.equal(seen.headers["x-ssl-client-verify"], undefined);
        assert.equal(seen.headers["x-forwarded-for"], "198.51.100.7");
    });

    it("speaks TLS 1.3 and refuses TLS 1.1", async () => {
        assert.equal((await call({ path: "/health" })).protocol, "TLSv1.3");
        await assert.rejects(call({ path: "/health", maxVersion: "TLSv1.1" }));
    });

    it("drops a connection that does not start with a PROXY header (only the NLB may connect)", async () => {
        await assert.rejects(call({ path: "/health", client: null }));
    });

    it("logs each call as JSON with the client's address and the certificate check", async () => {
        await call({ path: "/v1/logged", client, identity: partner() });
        await new Promise((r) => setTimeout(r, 200));
        const line = log().split("\n").find((l) => l.includes("/v1/logged"));
        assert.ok(line, log());
        const entry = JSON.parse(line) as Record<string, unknown>;
        assert.equal(entry.client, "198.51.100.7");
        assert.equal(entry.client_verify, "SUCCESS");
        assert.match(String(entry.client_dn), /CN=partner-a/);
        assert.equal(entry.status, 200);
    });
});

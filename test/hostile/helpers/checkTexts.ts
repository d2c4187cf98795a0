// Validators of generated texts for the hostile-input property tests: in-process checks per
// language (the marker only as inert data), and the real tools run in batches afterwards
// (bash -n, shellcheck, nginx -t) where they are installed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { type GeneratedText } from "../../../components/architectures/generatedTexts";
import { GATEWAY_DIR } from "../../../components/architectures/mtls/nginxConfig";
import { MARKER } from "./hostileValues";
import { lexShell, liveOccurrences } from "./shellLexer";

/**
 * Offsets of marker occurrences outside quoted nginx strings and comments (a quoted string
 * without `$` is one literal parameter to nginx).
 */
export function liveNginxOccurrences(text: string, marker: string): number[] {
    const inert = new Array<boolean>(text.length).fill(false);
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "#") {
            while (i < text.length && text[i] !== "\n") inert[i++] = true;
        } else if (c === "\"" || c === "'") {
            const start = i++;
            while (i < text.length && text[i] !== c) i += text[i] === "\\" ? 2 : 1;
            const quoted = text.slice(start + 1, i);
            if (!quoted.includes("$")) for (let k = start + 1; k < i; k++) inert[k] = true;
        }
    }
    const live: number[] = [];
    const lower = text.toLowerCase();
    for (let at = lower.indexOf(marker.toLowerCase()); at !== -1; at = lower.indexOf(marker.toLowerCase(), at + 1)) {
        if (!inert.slice(at, at + marker.length).every(Boolean)) live.push(at);
    }
    return live;
}

/** nginx 1.25.1 and later take `http2 on;` (older ones only `listen ... http2`). */
function supportsHttp2Directive(): boolean {
    const m = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr);
    if (!m) return true;
    const [major, minor, patch] = m.slice(1).map(Number);
    return major > 1 || minor > 25 || (minor === 25 && patch >= 1);
}

export const available = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: "ignore" }).status === 0;

function keysHoldMarker(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(keysHoldMarker);
    if (value !== null && typeof value === "object") {
        return Object.entries(value).some(([k, v]) => k.toLowerCase().includes(MARKER.toLowerCase()) || keysHoldMarker(v));
    }
    return false;
}

/** The keys a generated Compose file may have at each level: a value must never add one. */
const COMPOSE_TOP = new Set(["name", "services", "volumes", "networks"]);
const COMPOSE_SERVICES = new Set(["app", "proxy", "db"]);

/** Problems with one text that need no external tool. */
export function inProcessProblems(t: GeneratedText): string[] {
    switch (t.language) {
        case "shell": {
            const lexed = lexShell(t.text);
            if (lexed.error) return [`the script cannot be followed: ${lexed.error}`];
            const live = liveOccurrences(t.text, MARKER, lexed);
            return live.length > 0 ? [`the marker is live (code, not data) at offset ${live[0]}: ${JSON.stringify(t.text.slice(Math.max(0, live[0] - 40), live[0] + 40))}`] : [];
        }
        case "yaml": {
            const doc = parseDocument(t.text, { uniqueKeys: true, version: "1.2" });
            if (doc.errors.length > 0) return [`invalid YAML: ${doc.errors[0].message}`];
            const value = doc.toJS() as Record<string, unknown>;
            const problems: string[] = [];
            for (const k of Object.keys(value ?? {})) if (!COMPOSE_TOP.has(k)) problems.push(`unexpected top-level key ${JSON.stringify(k)}`);
            for (const k of Object.keys((value?.services as object) ?? {})) if (!COMPOSE_SERVICES.has(k)) problems.push(`unexpected service ${JSON.stringify(k)}`);
            if (keysHoldMarker(value)) problems.push("the marker became a YAML key");
            return problems;
        }
        case "dotenv": {
            const bad = t.text.split("\n").filter((l) => l !== "" && !/^[A-Za-z_][A-Za-z0-9_]*=(?:[A-Za-z0-9._/:@+-]*|'[^'\n]*')$/.test(l));
            return bad.map((l) => `not a literal .env line: ${JSON.stringify(l)}`);
        }
        case "json": {
            try {
                return keysHoldMarker(JSON.parse(t.text)) ? ["the marker became a JSON key"] : [];
            } catch (err) {
                return [`invalid JSON: ${(err as Error).message}`];
            }
        }
        case "nginx": {
            const live = liveNginxOccurrences(t.text, MARKER);
            return live.length > 0 ? [`the marker is outside a quoted nginx string at offset ${live[0]}: ${JSON.stringify(t.text.slice(Math.max(0, live[0] - 40), live[0] + 40))}`] : [];
        }
    }
}

export interface ExternalReport {
    failures: string[];
    counts: { bash: number; shellcheck: number; nginx: number };
    skipped: string[];
}

/**
 * Distinct shell and nginx texts, checked by the real tools in one batch each: `bash -n`
 * (syntax), `shellcheck -S warning` and `nginx -t` (with throw-away certificates).
 */
export class ExternalChecks {
    private readonly texts = new Map<string, { text: string; language: "shell" | "nginx"; context: string }>();

    add(t: GeneratedText, context: string): void {
        if (t.language !== "shell" && t.language !== "nginx") return;
        const hash = createHash("sha256").update(t.text).digest("hex");
        if (!this.texts.has(hash)) this.texts.set(hash, { text: t.text, language: t.language, context: `${t.what} (${context})` });
    }

    run(): ExternalReport {
        const report: ExternalReport = { failures: [], counts: { bash: 0, shellcheck: 0, nginx: 0 }, skipped: [] };
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stagecraft-hostile-"));
        try {
            const shell = [...this.texts.values()].filter((t) => t.language === "shell");
            const files = shell.map((t, i) => {
                const file = path.join(dir, `script-${i}.sh`);
                fs.writeFileSync(file, t.text);
                return { file, context: t.context };
            });
            if (files.length > 0) {
                const list = path.join(dir, "scripts.txt");
                fs.writeFileSync(list, files.map((f) => f.file).join("\n") + "\n");
                const r = spawnSync("bash", ["-c", 'while IFS= read -r f; do bash -n "$f" 2>/dev/null || echo "$f"; done < "$1"', "check", list], { encoding: "utf8", maxBuffer: 64 << 20 });
                for (const bad of r.stdout.split("\n").filter(Boolean)) {
                    const f = files.find((x) => x.file === bad);
                    report.failures.push(`bash -n rejects ${f?.context}: ${spawnSync("bash", ["-n", bad], { encoding: "utf8" }).stderr.trim()}`);
                }
                report.counts.bash = files.length;
                if (available("shellcheck", ["--version"])) {
                    // shellcheck takes many files at once; warnings and errors fail (style notes do not).
                    for (let i = 0; i < files.length; i += 50) {
                        const batch = files.slice(i, i + 50);
                        const sc = spawnSync("shellcheck", ["-S", "warning", "-f", "gcc", ...batch.map((f) => f.file)], { encoding: "utf8", maxBuffer: 64 << 20 });
                        if (sc.status !== 0) {
                            for (const line of sc.stdout.split("\n").filter(Boolean).slice(0, 5)) {
                                const f = batch.find((x) => line.startsWith(x.file));
                                report.failures.push(`shellcheck on ${f?.context}: ${line.replace(f?.file ?? "", "")}`);
                            }
                        }
                    }
                    report.counts.shellcheck = files.length;
                } else {
                    report.skipped.push("shellcheck is not installed (apt-get install shellcheck): generated scripts were checked by bash -n only");
                }
            }
            const nginx = [...this.texts.values()].filter((t) => t.language === "nginx");
            if (nginx.length > 0 && available("nginx", ["-v"]) && available("openssl", ["version"])) {
                const certs = path.join(dir, "mtls");
                fs.mkdirSync(certs);
                spawnSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=test",
                    "-keyout", path.join(certs, "server.key"), "-out", path.join(certs, "server.crt")], { stdio: "ignore" });
                fs.copyFileSync(path.join(certs, "server.crt"), path.join(certs, "ca.crt"));
                nginx.forEach((t, i) => {
                    const file = path.join(dir, `nginx-${i}.conf`);
                    // `http2 on;` is nginx 1.25.1+ (the gateway runs 1.27); older local builds get the line removed.
                    const text = t.text.split(GATEWAY_DIR).join(certs);
                    fs.writeFileSync(file, supportsHttp2Directive() ? text : text.replace("http2 on;", ""));
                    // stdout is /dev/null: nginx opens /dev/stdout for its access log, which a socket pair refuses.
                    const r = spawnSync("nginx", ["-t", "-q", "-p", dir, "-c", file], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
                    if (r.status !== 0) report.failures.push(`nginx -t rejects ${t.context}: ${r.stderr.trim().split("\n")[0]}`);
                });
                report.counts.nginx = nginx.length;
            } else if (nginx.length > 0) {
                report.skipped.push("nginx or openssl is not installed (apt-get install nginx-light): the gateway's configuration was not run through nginx -t");
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
        return report;
    }
}

// Property: for every setting declared in Pulumi.yaml, on top of every stack file, a hostile value
// either fails parsing with a problem that names the setting, or every text the program generates
// from it (first-boot scripts, the deploy tool, the Compose and .env files, SSM documents,
// container definitions, the gateway's nginx configuration) stays valid for its tool, and the
// marker carried by every payload lands only as inert data. Fixed seed and sizes (see
// helpers/hostileValues.ts): CI runs the same cases every time.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { ConfigReader, parseSettings, type Settings } from "../../components/config";
import { generatedTextProblems, generatedTexts, type TextLanguage } from "../../components/architectures/generatedTexts";
import { ConfigError, type ConfigProblem } from "../../components/lib/errors";
import { resolveStackConfig } from "../../tools/stack-config";
import { ExternalChecks, inProcessProblems } from "./helpers/checkTexts";
import { hostileBoolean, hostileInteger, hostileList, hostileString, RUNS, SEED } from "./helpers/hostileValues";

const ROOT = path.resolve(__dirname, "..", "..");
const PROJECT = "stagecraft";
const STACKS = ["dev", "staging", "prod", "enterprise"];

interface Declaration { type: "string" | "integer" | "boolean" | "array"; default?: unknown; items?: { type: string } }
const declarations = Object.entries(parse(readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")).config as Record<string, Declaration>)
    .filter(([key]) => !key.includes(":"));

/** Valid values for settings whose stack files and defaults leave them empty. */
const SAMPLES: Record<string, string | string[]> = {
    appRepository: "https://github.com/acme/chat-api.git",
    healthPath: "/healthz",
    domain: "example.com",
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
    alertEmail: "ops@example.com",
    environment: "dev",
    sshCidrs: ["203.0.113.10/32"],
    corsOrigins: ["https://app.example.com"],
    publicPrefixes: ["profile-pictures/"],
    containerEnvironment: ["LOG_LEVEL=info"],
    containerSecrets: ["DB_PASSWORD=/chat/prod/db-password"],
    workerServices: ["notifications cpu=512 memory=1024 max=3"],
    smokeChecks: ["api rest /api/health status=200 body=ok", "graphql graphql /graphql query={ __typename }"],
    healthCheckCommand: "curl -fsS http://localhost:5000/health || exit 1",
    tenants: ["acme:starter"],
    mtlsClients: ["partner-a"],
    mtlsClientCidrs: ["198.51.100.0/24"],
    memberAccounts: ["chat-prod:aws-prod@example.com:Workloads/Prod"],
    allowedRegions: ["us-east-1"],
    wafGeoBlock: ["CN"],
};

function baseConfig(stack: string): Record<string, string> {
    const resolved = resolveStackConfig(ROOT, stack);
    const prefix = `${PROJECT}:`;
    return Object.fromEntries(Object.entries(resolved.config).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

function validText(key: string, decl: Declaration, base: Record<string, string>): string {
    const sample = SAMPLES[key];
    if (base[key] !== undefined && base[key] !== "" && base[key] !== "[]") return base[key];
    if (sample !== undefined) return Array.isArray(sample) ? JSON.stringify(sample) : sample;
    return Array.isArray(decl.default) ? JSON.stringify(decl.default) : String(decl.default ?? "");
}

function arbitraryFor(key: string, decl: Declaration, base: Record<string, string>): fc.Arbitrary<string> {
    const valid = validText(key, decl, base);
    switch (decl.type) {
        case "integer": return hostileInteger(Number(valid));
        case "boolean": return hostileBoolean();
        case "array": {
            const entries = (JSON.parse(valid) as unknown[]).map(String);
            return hostileList(entries);
        }
        default: return hostileString(valid);
    }
}

/** A problem is the setting's when it names it, or names it as the other side of a cross-field rule. */
function attributable(problems: readonly ConfigProblem[], key: string): boolean {
    const qualified = `${PROJECT}:${key}`;
    return problems.some((p) => p.key === qualified || p.key.split(", ").includes(qualified) || p.allowed.includes(qualified));
}

interface Tally { cases: number; refused: number; accepted: number; texts: Partial<Record<TextLanguage, number>> }

describe("hostile input: every setting, every stack file (property, fixed seed)", function () {
    this.timeout(600_000);
    const external = new ExternalChecks();
    const tallies: Record<string, Tally> = {};

    for (const stack of STACKS) {
        it(`${stack}: a hostile value is refused naming its setting, or every generated text holds it as data`, () => {
            const base = baseConfig(stack);
            const tally: Tally = { cases: 0, refused: 0, accepted: 0, texts: {} };
            tallies[stack] = tally;
            declarations.forEach(([key, decl], index) => {
                fc.assert(fc.property(arbitraryFor(key, decl, base), (value) => {
                    tally.cases++;
                    const raw: Record<string, string> = { ...base, [key]: value };
                    const reader = new ConfigReader({ get: (k) => raw[k], keys: () => Object.keys(raw) }, PROJECT);
                    let settings: Settings;
                    try {
                        settings = parseSettings(reader, { project: PROJECT, stack, region: "us-east-1" });
                    } catch (err) {
                        assert.ok(err instanceof ConfigError, `${key}=${JSON.stringify(value)} crashed the parser: ${(err as Error)?.stack}`);
                        assert.ok(attributable(err.problems, key), `${key}=${JSON.stringify(value)} was refused without naming ${key}:\n${err.message}`);
                        assert.doesNotMatch(err.message, /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/, "the error prints control characters");
                        assert.equal(err.message.split("\n").length, err.problems.length + 1, "a value forged a line of the error");
                        tally.refused++;
                        return;
                    }
                    const tooLarge = generatedTextProblems(settings, PROJECT);
                    if (tooLarge.length > 0) {
                        assert.ok(attributable(tooLarge, key), `${key}=${JSON.stringify(value)} made a text too large without naming ${key}: ${JSON.stringify(tooLarge)}`);
                        tally.refused++;
                        return;
                    }
                    tally.accepted++;
                    for (const t of generatedTexts(settings)) {
                        tally.texts[t.language] = (tally.texts[t.language] ?? 0) + 1;
                        const problems = inProcessProblems(t);
                        assert.deepEqual(problems, [], `${key}=${JSON.stringify(value)} in ${stack}: ${t.what}`);
                        external.add(t, `${stack}, ${key}=${JSON.stringify(value).slice(0, 120)}`);
                    }
                }), { seed: SEED + index, numRuns: RUNS, endOnFailure: true });
            });
            assert.ok(tally.refused > 0 && tally.accepted > 0, "both outcomes occur");
        });
    }

    it("the distinct generated scripts pass bash -n and shellcheck, the gateway's configuration nginx -t, the Caddyfiles caddy adapt", () => {
        const report = external.run();
        for (const note of report.skipped) console.log(`      (${note})`);
        assert.deepEqual(report.failures, []);
        const cases = Object.values(tallies).reduce((n, t) => n + t.cases, 0);
        const refused = Object.values(tallies).reduce((n, t) => n + t.refused, 0);
        console.log(`      ${cases} hostile cases over ${declarations.length} settings × ${STACKS.length} stacks (seed ${SEED}, ${RUNS} per setting): ${refused} refused naming the setting, ${cases - refused} accepted`);
        for (const [stack, t] of Object.entries(tallies)) console.log(`        ${stack}: ${t.cases} cases, texts checked in process ${JSON.stringify(t.texts)}`);
        console.log(`      real tools on distinct texts: bash -n ${report.counts.bash}, shellcheck ${report.counts.shellcheck}, nginx -t ${report.counts.nginx}, caddy adapt ${report.counts.caddy}`);
    });
});

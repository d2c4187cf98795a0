// Config accepted that broke or weakened the deployment (issue "Hostile input"): each finding of
// the robustness review, refused at parse time with the key named, before any resource exists.
import * as assert from "node:assert/strict";
import { ConfigReader } from "../../components/config";
import { PLATFORM_VARIABLES } from "../../components/config/platform";
import { platformEnvironment, REDIS_TOKEN_VARIABLE, SESSION_SECRET_VARIABLE } from "../../components/architectures/phase3/environment";
import { generatedTextProblems } from "../../components/architectures/generatedTexts";
import { ConfigError, type ConfigProblem } from "../../components/lib/errors";
import { parseSettings } from "../../components/config/parse";
import { type RawConfig, settingsFrom } from "../helpers/settings";
import { stackSettings } from "../helpers/stack";

/** Phase 3 with what it needs (domain, zone, NAT). */
const PHASE3: RawConfig = { phase: 3, domain: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ", natStrategy: "gateway" };
const MTLS: RawConfig = { ...PHASE3, mtlsApi: true, mtlsApiImageTag: "8c41d07", mtlsClientCidrs: ["198.51.100.0/24"] };

function problems(raw: RawConfig): ConfigProblem[] {
    try {
        settingsFrom(raw);
    } catch (err) {
        if (err instanceof ConfigError) return [...err.problems];
        throw err;
    }
    return [];
}

function problemOn(raw: RawConfig, key: string): ConfigProblem {
    const found = problems(raw).find((p) => p.key === `stagecraft:${key}`);
    assert.ok(found, `a problem names stagecraft:${key}; got ${JSON.stringify(problems(raw))}`);
    return found;
}

describe("hostile input: config that breaks or weakens the deployment is refused", () => {
    describe("keys", () => {
        it("refuses an unknown stagecraft: key and suggests the one meant (protectStatefull)", () => {
            const p = problemOn({ protectStatefull: true }, "protectStatefull");
            assert.match(p.allowed, /did you mean stagecraft:protectStateful\?/);
        });

        it("refuses an unknown key without a close match, pointing to Pulumi.yaml", () => {
            const p = problemOn({ frobnicate: "yes" }, "frobnicate");
            assert.doesNotMatch(p.allowed, /did you mean/);
            assert.match(p.allowed, /Pulumi\.yaml/);
        });

        it("accepts every key of every stack file (none is unknown)", () => {
            for (const stack of ["dev", "staging", "prod", "enterprise"]) assert.doesNotThrow(() => stackSettings(stack), stack);
        });
    });

    describe("values are trimmed once, at the edge", () => {
        it('reads natStrategy " none " as none everywhere, so phase 2 refuses it (it built private subnets without NAT)', () => {
            const p = problemOn({ phase: 2, domain: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ", natStrategy: " none " }, "natStrategy");
            assert.match(p.allowed, /instance|gateway/);
        });

        it("accepts padded values of every kind as their trimmed selves", () => {
            const s = settingsFrom({ appName: " chat ", appPort: " 5000 ", enableIpv6: " true ", amiFamily: " al2023 ", sshCidrs: [" 203.0.113.10/32 "] });
            assert.deepEqual([s.app.name, s.app.port, s.network.ipv6, s.host.amiFamily, s.host.sshCidrs], ["chat", 5000, true, "al2023", ["203.0.113.10/32"]]);
        });
    });

    describe("container environment and secrets (phase 3)", () => {
        it("refuses secret-looking names the old pattern missed (DB_PASS, SMTP_PWD, STRIPE_KEY, REDIS_AUTH)", () => {
            for (const name of ["DB_PASS", "SMTP_PWD", "STRIPE_KEY", "REDIS_AUTH"]) {
                const p = problemOn({ ...PHASE3, containerEnvironment: [`${name}=x`] }, "containerEnvironment");
                assert.match(p.allowed, /containerSecrets/, name);
            }
        });

        it("keeps non-secret _KEY names (a table's partition key, a public key)", () => {
            const s = settingsFrom({ ...PHASE3, containerEnvironment: ["TABLE_PARTITION_KEY=pk", "JWT_PUBLIC_KEY=abc"] });
            assert.deepEqual(Object.keys(s.platform.services[0].environment).sort(), ["JWT_PUBLIC_KEY", "TABLE_PARTITION_KEY"]);
        });

        it("refuses credentials in a plain value (DATABASE_URL=postgres://u:pw@...) without echoing them", () => {
            const p = problemOn({ ...PHASE3, containerEnvironment: ["DATABASE_URL=postgres://app:hunter2@db.internal:5432/app"] }, "containerEnvironment");
            assert.match(p.allowed, /a password in a URL/);
            assert.doesNotMatch(JSON.stringify(p), /hunter2/);
        });

        it("refuses token-shaped values (an AWS access key id) under any name", () => {
            const p = problemOn({ ...PHASE3, containerEnvironment: ["UPSTREAM=AKIAIOSFODNN7EXAMPLE"] }, "containerEnvironment");
            assert.match(p.allowed, /AWS access key id/);
        });

        it("refuses a value where a parameter name belongs (DB_PASSWORD=hunter2) and never prints it", () => {
            const p = problemOn({ ...PHASE3, containerSecrets: ["DB_PASSWORD=hunter2"] }, "containerSecrets");
            assert.match(p.allowed, /never the secret itself/);
            assert.doesNotMatch(JSON.stringify(p), /hunter2/);
        });

        it("still takes parameter paths and ARNs", () => {
            const s = settingsFrom({ ...PHASE3, containerSecrets: ["DB_PASSWORD=/chat/prod/db-password", "API=arn:aws:ssm:us-east-1:123456789012:parameter/chat/api"] });
            assert.deepEqual(s.platform.services[0].secrets.map((x) => x.source), ["ssm", "ssm"]);
        });

        it("refuses variables the platform sets (PORT, REDIS_HOST) and AWS_*/ECS_* in env and secrets", () => {
            for (const name of ["PORT", "REDIS_HOST", "SESSION_SECRET", "AWS_REGION", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "ECS_ENABLE_CONTAINER_METADATA"]) {
                assert.match(problemOn({ ...PHASE3, containerEnvironment: [`${name}=x`] }, "containerEnvironment").allowed, /not settable/, name);
                assert.match(problemOn({ ...PHASE3, containerSecrets: [`${name}=/chat/prod/x`] }, "containerSecrets").allowed, /not settable/, name);
            }
        });

        it("reserves every variable the platform sets (its environment and its injected secrets)", () => {
            const endpoints = { region: "r", appUrl: "u", redisHost: "h", redisPort: 1, sessionsTable: "t", uploadsBucket: "b", userPoolId: "p", userPoolClientId: "c", websocketUrl: "w", metricsNamespace: "m" };
            const set = [...Object.keys(platformEnvironment({ loadBalanced: true }, 5000, endpoints)), REDIS_TOKEN_VARIABLE, SESSION_SECRET_VARIABLE];
            const unreserved = set.filter((name) => !PLATFORM_VARIABLES.includes(name) && !name.startsWith("AWS_"));
            assert.deepEqual(unreserved, []);
        });

        it("refuses a name in both the environment and the secrets at parse time (it failed inside apply at pulumi up)", () => {
            const p = problemOn({ ...PHASE3, containerEnvironment: ["FEATURE=1"], containerSecrets: ["FEATURE=/chat/prod/feature"] }, "containerSecrets");
            assert.match(p.allowed, /in both/);
        });

        it("refuses a health-check command with a line break", () => {
            problemOn({ ...PHASE3, healthCheckCommand: "curl -f localhost\nrm -rf /" }, "healthCheckCommand");
        });
    });

    describe("collisions with the mTLS API", () => {
        it("refuses an mTLS subdomain another hostname already uses", () => {
            for (const [key, label] of [["websocketSubdomain", "ws"], ["tenantSubdomain", "tenant"], ["appSubdomain", "app"], ["cdnSubdomain", "cdn"]]) {
                const p = problemOn({ ...MTLS, mtlsSubdomain: label }, "mtlsSubdomain");
                assert.match(p.allowed, new RegExp(`stagecraft:${key}`), label);
            }
        });

        it("refuses worker names that are the mTLS API's services or its gateway's log group", () => {
            for (const name of ["mtls-gateway", "mtls-api", "nginx"]) {
                problemOn({ ...MTLS, workerServices: [`${name} cpu=256 memory=512`] }, "workerServices");
            }
        });
    });

    describe("sizes", () => {
        it("names mtlsApiCpu (not mtlsApiMemory) for a CPU Fargate does not offer", () => {
            const all = problems({ ...MTLS, mtlsApiCpu: 300 });
            assert.ok(all.some((p) => p.key === "stagecraft:mtlsApiCpu"), JSON.stringify(all));
            assert.ok(!all.some((p) => p.key === "stagecraft:mtlsApiMemory"), JSON.stringify(all));
        });

        it("keeps the host's CIDR lists within its security group's 60 inbound rules per IP version", () => {
            const cidrs = Array.from({ length: 40 }, (_, i) => `203.0.${i}.0/24`);
            const p = problemOn({ appPortCidrs: cidrs, sshCidrs: cidrs.slice(0, 20) }, "appPortCidrs");
            assert.match(p.allowed, /at most 58 IPv4 CIDRs/);
        });

        it("refuses user data over EC2's 16 KB before any resource is registered, naming the keys that feed it", () => {
            const v4 = Array.from({ length: 29 }, (_, i) => `203.0.${i}.0/24`);
            const v6 = Array.from({ length: 29 }, (_, i) => `2001:db8:${i.toString(16)}::/48`);
            const s = settingsFrom({ enableIpv6: true, appPortCidrs: [...v4, ...v6], sshCidrs: [...v4, ...v6] });
            const [p] = generatedTextProblems(s);
            assert.ok(p, "a problem for the user data");
            assert.match(String(p.value), /bytes of user data of the single host/);
            assert.match(p.key, /stagecraft:appPortCidrs/);
            assert.match(p.allowed, /at most 16384 bytes/);
        });
    });

    describe("errors", () => {
        it("a value cannot forge a line of the error or drive the terminal: control characters, U+2028 and DEL are escaped", () => {
            try {
                settingsFrom({ appName: "a\u2028- stagecraft:phase = 1: fine\u007f", workerServices: ["x cpu=1\u0000\nforged line"] });
                assert.fail("expected a ConfigError");
            } catch (err) {
                assert.ok(err instanceof ConfigError);
                assert.doesNotMatch(err.message, /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/);
                assert.equal(err.message.split("\n").length, err.problems.length + 1);
                assert.match(err.message, /\\u2028/);
            }
        });
    });

    describe("secrets", () => {
        const reader = (values: Record<string, string>, opts: { secret?: string[]; undecryptable?: string[] }) =>
            new ConfigReader({
                get: (k) => values[k],
                keys: () => Object.keys(values),
                secret: (k) => (opts.secret ?? []).includes(k),
                undecryptable: (k) => (opts.undecryptable ?? []).includes(k),
            }, "stagecraft");

        it("does not validate a secure value the offline check could not decrypt, and reports it as unverified", () => {
            const read = reader({ alertEmail: "offline-check-secret-placeholder", budgetMonthlyUsd: "10" }, { secret: ["alertEmail"], undecryptable: ["alertEmail"] });
            const s = parseSettings(read, { project: "stagecraft", stack: "dev", region: "us-east-1" });
            assert.equal(s.cost.monthlyBudgetUsd, 10);
            assert.deepEqual(read.unverified.map((p) => [p.key, p.value]), [["stagecraft:alertEmail", "[secret]"]]);
        });

        it("never prints a secret value in a problem (a decrypted but invalid secret)", () => {
            const read = reader({ alertEmail: "not-an-email-hunter2" }, { secret: ["alertEmail"] });
            assert.throws(() => parseSettings(read, { project: "stagecraft", stack: "dev", region: "us-east-1" }), (err: unknown) => {
                assert.ok(err instanceof ConfigError);
                assert.doesNotMatch(err.message, /hunter2/);
                assert.match(err.message, /stagecraft:alertEmail = "\[secret\]"/);
                return true;
            });
        });
    });
});

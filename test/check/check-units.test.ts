// The check's pure parts: argument parsing, policy config reconciliation, wire conversions,
// URNs, durations, type display.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "../../tools/check/args";
import { resolveProgramEntry } from "../../tools/check/engine/program-loader";
import { makeUrn } from "../../tools/check/engine/recorder";
import { prepareOutputFile } from "../../tools/check/report/output-file";
import { forAnalyzer, forDisplay, RESOURCE_SIG, SECRET_SIG, SIG_KEY } from "../../tools/check/engine/wire";
import { CheckError } from "../../tools/check/errors";
import { durationSeconds } from "../../tools/check/policy/marshal";
import { readPolicyConfigFile, reconcilePolicyConfig, type PolicyMeta } from "../../tools/check/policy/pack-config";
import { diagnosticLevel, grpcMessage } from "../../tools/check/policy/run-packs";
import { displayType } from "../../tools/check/report/render";
import { UNKNOWN } from "../../tools/mocks/unknown";

describe("check: argument parsing", () => {
    it("defaults to the dev stack, this repository and the default pack", () => {
        const o = parseArgs([]);
        assert.equal(o.stack, "dev");
        assert.equal(o.programDir, undefined);
        assert.deepEqual(o.policyPacks, []);
        assert.equal(o.noPolicy, false);
    });

    it("collects repeated packs and configs in order, with --flag=value too", () => {
        const o = parseArgs(["--stack=prod", "--policy-pack", "a", "--policy-pack-config", "a.json", "--policy-pack=b", "--json", "out.json"]);
        assert.equal(o.stack, "prod");
        assert.deepEqual(o.policyPacks, ["a", "b"]);
        assert.deepEqual(o.policyPackConfigs, ["a.json"]);
        assert.equal(o.jsonFile, "out.json");
    });

    it("type-checks by default; --no-typecheck turns it off, --typecheck is the default said aloud", () => {
        assert.equal(parseArgs([]).typecheck, true);
        assert.equal(parseArgs(["--typecheck"]).typecheck, true);
        assert.equal(parseArgs(["--no-typecheck"]).typecheck, false);
        assert.throws(() => parseArgs(["--typecheck", "--no-typecheck"]), /contradict each other/);
    });

    it("takes --invoke-fixtures FILE", () => {
        assert.equal(parseArgs(["--invoke-fixtures", "answers.yaml"]).invokeFixtures, "answers.yaml");
        assert.equal(parseArgs([]).invokeFixtures, undefined);
    });

    it("rejects a missing value, an unknown option and --no-policy with a pack", () => {
        assert.throws(() => parseArgs(["--stack"]), /--stack needs a value/);
        assert.throws(() => parseArgs(["--stack", "--verbose"]), /--stack needs a value/);
        assert.throws(() => parseArgs(["--frobnicate"]), CheckError);
        assert.throws(() => parseArgs(["--no-policy", "--policy-pack", "p"]), /cannot be combined/);
        assert.throws(() => parseArgs(["--stack", "a/b"]), /not a valid stack name/);
    });

    it("takes time limits from the options, else the environment, else 600 s", () => {
        assert.equal(parseArgs([], {}).programTimeout, 600);
        assert.equal(parseArgs([], {}).policyTimeout, 600);
        const env = { CHECK_PROGRAM_TIMEOUT: "30", CHECK_POLICY_TIMEOUT: "1.5" };
        assert.equal(parseArgs([], env).programTimeout, 30);
        assert.equal(parseArgs([], env).policyTimeout, 1.5);
        assert.equal(parseArgs(["--program-timeout", "5", "--policy-timeout=7"], env).programTimeout, 5);
        assert.equal(parseArgs(["--program-timeout", "5", "--policy-timeout=7"], env).policyTimeout, 7);
        assert.throws(() => parseArgs(["--program-timeout", "0"], {}), /--program-timeout must be a number of seconds/);
        assert.throws(() => parseArgs(["--policy-timeout", "soon"], {}), /--policy-timeout must be a number of seconds/);
        assert.throws(() => parseArgs([], { CHECK_PROGRAM_TIMEOUT: "-1" }), /CHECK_PROGRAM_TIMEOUT must be a number of seconds/);
    });
});

describe("check: policy pack config", () => {
    const policies: PolicyMeta[] = [
        { name: "a", enforcementLevel: "advisory", configSchema: { properties: { limit: { type: "integer", default: 3 } }, required: [] } },
        { name: "b", enforcementLevel: "mandatory" },
    ];
    const write = (content: unknown): string => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pcfg-")), "config.json");
        fs.writeFileSync(file, JSON.stringify(content));
        return file;
    };

    it("starts from each policy's level and schema defaults", () => {
        const r = reconcilePolicyConfig("p", policies, {}, undefined, undefined);
        assert.deepEqual(r.get("a"), { enforcementLevel: "advisory", properties: { limit: 3 } });
        assert.deepEqual(r.get("b"), { enforcementLevel: "mandatory", properties: {} });
    });

    it("applies 'all' first, then per-policy levels and properties", () => {
        const file = readPolicyConfigFile(write({ all: "disabled", a: { enforcementLevel: "mandatory", limit: 5 } }));
        const r = reconcilePolicyConfig("p", policies, {}, file, "config.json");
        assert.deepEqual(r.get("a"), { enforcementLevel: "mandatory", properties: { limit: 5 } });
        assert.equal(r.get("b")!.enforcementLevel, "disabled");
    });

    it("rejects an unknown enforcement level and a value against the schema", () => {
        assert.throws(() => readPolicyConfigFile(write({ a: "strict" })), /"a" has enforcement level "strict"; use one of advisory, mandatory, remediate, disabled/);
        const bad = readPolicyConfigFile(write({ a: { limit: "many" } }));
        assert.throws(() => reconcilePolicyConfig("p", policies, {}, bad, "config.json"), /p a: \/limit must be integer/);
    });

    it("reads an empty file as no config, as the CLI does", () => {
        const file = write({});
        fs.writeFileSync(file, " \n");
        assert.deepEqual(readPolicyConfigFile(file), {});
    });

    it("lists every entry it cannot read, each with the file", () => {
        assert.throws(() => readPolicyConfigFile(write({ a: "strict", b: null })), (err: Error) => {
            assert.match(err.message, /config\.json: "a" has enforcement level "strict"; use one of advisory, mandatory, remediate, disabled\n.*config\.json: "b" must be an enforcement level or an object$/);
            return true;
        });
    });

    it("refuses ESC environments, which it cannot open offline", () => {
        assert.throws(() => readPolicyConfigFile(write({ environments: ["org/policies"] })), /names ESC environments \(org\/policies\), which the offline check cannot open/);
    });

    it("hands the pack \"all\" and unknown keys as the CLI does, and refuses keys left without a level", () => {
        const r = reconcilePolicyConfig("p", policies, {}, readPolicyConfigFile(write({ all: "mandatory", x: "advisory" })), "config.json");
        assert.deepEqual([...r.keys()], ["a", "b", "all", "x"]);
        assert.throws(() => reconcilePolicyConfig("p", policies, {}, readPolicyConfigFile(write({ x: { limit: 1 } })), "config.json"),
            /p "x": properties without an enforcement level/);
    });
});

describe("check: wire format", () => {
    const secret = { [SIG_KEY]: SECRET_SIG, value: "hunter2" };
    const ref = { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", id: "" };

    it("hands analyzers unknowns and secrets as they are, references as ids, no internal keys", () => {
        const out = forAnalyzer({ a: UNKNOWN, s: secret, r: ref, __defaults: [], nested: { __x: 1, y: 2 } });
        assert.deepEqual(out, { a: UNKNOWN, s: secret, r: UNKNOWN, nested: { y: 2 } });
        assert.deepEqual(forAnalyzer({ r: { ...ref, id: "b-123" } }), { r: "b-123" });
    });

    it("shows unknowns as <unknown> and secrets as [secret]", () => {
        assert.deepEqual(forDisplay({ a: UNKNOWN, s: secret, list: [UNKNOWN, "x"] }), { a: "<unknown>", s: "[secret]", list: ["<unknown>", "x"] });
    });
});

describe("check: naming", () => {
    it("makes URNs with the parent's type chain, except the root stack's", () => {
        assert.equal(makeUrn("dev", "p", "", "pulumi:pulumi:Stack", "p-dev"), "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev");
        assert.equal(makeUrn("dev", "p", "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", "aws:s3/bucket:Bucket", "b"), "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b");
        assert.equal(makeUrn("dev", "p", "urn:pulumi:dev::p::x:y:Z::c", "aws:s3/bucket:Bucket", "b"), "urn:pulumi:dev::p::x:y:Z$aws:s3/bucket:Bucket::b");
        assert.equal(
            makeUrn("dev", "p", "urn:pulumi:dev::p::x:y:Z$a:b:C::d", "aws:s3/bucket:Bucket", "b"),
            "urn:pulumi:dev::p::x:y:Z$a:b:C$aws:s3/bucket:Bucket::b",
        );
    });

    it("parses Go durations for custom timeouts", () => {
        assert.equal(durationSeconds("5m"), 300);
        assert.equal(durationSeconds("1h30m10s"), 5410);
        assert.equal(durationSeconds(""), 0);
    });

    it("displays types as the CLI does", () => {
        assert.equal(displayType("aws:ec2/securityGroup:SecurityGroup"), "aws:ec2:SecurityGroup");
        assert.equal(displayType("awsx:ec2:Vpc"), "awsx:ec2:Vpc");
        assert.equal(displayType("pulumi:providers:aws"), "pulumi:providers:aws");
    });
});

describe("check: the program's entry (Pulumi.yaml main)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-entry-"));
    const project = path.join(dir, "Pulumi.yaml");
    fs.mkdirSync(path.join(dir, "src"));
    fs.writeFileSync(path.join(dir, "src", "index.ts"), "");
    fs.writeFileSync(path.join(dir, "src", "app.ts"), "");
    fs.mkdirSync(path.join(dir, "empty"));
    fs.writeFileSync(path.join(dir, "index.ts"), "");
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("runs the directory itself without main", () => {
        assert.deepEqual(resolveProgramEntry(dir, undefined, project), { workDir: dir, entry: dir + path.sep });
    });

    it("runs a file in its own folder and a folder as the program directory", () => {
        assert.deepEqual(resolveProgramEntry(dir, "src/app.ts", project), { workDir: path.join(dir, "src"), entry: path.join(dir, "src", "app.ts") });
        assert.deepEqual(resolveProgramEntry(dir, "src/", project), { workDir: path.join(dir, "src"), entry: path.join(dir, "src") + path.sep });
    });

    it("rejects main that does not exist, is absolute, leaves the project or is a folder without a program", () => {
        const fails = (main: string, pattern: RegExp) =>
            assert.throws(() => resolveProgramEntry(dir, main, project), (err: unknown) => err instanceof CheckError && err.file === project && pattern.test(err.message));
        fails("src/nowhere.ts", /Pulumi\.yaml: main 'src\/nowhere\.ts' does not exist: .*src\/nowhere\.ts$/);
        fails("/etc/passwd", /must be a relative path/);
        fails("../elsewhere", /must be a subfolder of the project/);
        fails("empty", /main 'empty' is a folder without a program: no package.json main and no index\.ts or index\.js/);
    });

    it("fails on a package.json it cannot read (it decides the entry), instead of running the index", () => {
        fs.mkdirSync(path.join(dir, "broken"));
        fs.writeFileSync(path.join(dir, "broken", "package.json"), "{ main: index.ts");
        fs.writeFileSync(path.join(dir, "broken", "index.ts"), "");
        assert.throws(
            () => resolveProgramEntry(dir, "broken", project),
            (err: unknown) => err instanceof CheckError && /broken\/package\.json: cannot read the program's package\.json/.test(err.message),
        );
    });
});

describe("check: the --json file, checked before the run", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-json-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("creates missing folders and leaves no file behind (the report replaces nothing yet)", () => {
        const file = path.join(dir, "a", "b", "report.json");
        assert.equal(prepareOutputFile(file), file);
        assert.ok(fs.statSync(path.join(dir, "a", "b")).isDirectory());
        assert.ok(!fs.existsSync(file));
    });

    it("leaves an existing file as it was", () => {
        const file = path.join(dir, "old.json");
        fs.writeFileSync(file, "{}");
        prepareOutputFile(file);
        assert.equal(fs.readFileSync(file, "utf8"), "{}");
    });

    it("rejects a directory, a path through a file, /proc and /sys, naming the path", () => {
        const fails = (file: string, pattern: RegExp) =>
            assert.throws(() => prepareOutputFile(file), (err: unknown) => err instanceof CheckError && err.message.startsWith(`--json ${file}: `) && pattern.test(err.message));
        fails(dir, /is a directory/);
        fs.writeFileSync(path.join(dir, "plain"), "");
        fails(path.join(dir, "plain", "report.json"), /plain is not a directory/);
        fails("/proc/offline-check/x/report.json", /cannot create its folder \/proc\/offline-check/);
        fails("/proc/self/report.json", /cannot be written \(ENOENT/);
        if (fs.existsSync("/sys/kernel")) fails("/sys/kernel/report.json", /cannot be written/);
    });
});

describe("check: what a policy pack answers", () => {
    it("reads the enforcement levels of the analyzer protocol and fails on one it does not know", () => {
        assert.equal(diagnosticLevel(0, "p", "x"), "advisory");
        assert.equal(diagnosticLevel(1, "p", "x"), "mandatory");
        assert.equal(diagnosticLevel(3, "p", "x"), "remediate");
        assert.throws(() => diagnosticLevel(7, "p", "x"), /policy pack p reported a violation of x with enforcement level 7, which the offline check does not know/);
    });

    it("puts a pack's error on one line, without stack frames", () => {
        const details = "Error validating resource with policy 'a' from policy pack 'p@v1':\nError: boom\n    at validateResource (/p/index.js:3:9)\n    at next (<anonymous>)";
        assert.equal(grpcMessage({ details }), "Error validating resource with policy 'a' from policy pack 'p@v1': Error: boom");
    });
});

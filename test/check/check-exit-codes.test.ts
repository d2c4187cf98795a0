// Exit codes of the check: 0 without a mandatory violation, 1 with one, 2 when the program, its
// config or a policy pack fails (message names the file and the cause; a stack trace only with
// --verbose). Runs start together in before() and share the machine.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { FIXTURE_APP, FIXTURES, POLICY_CONFIG, runCli, STACK_TRACE, TS_PACK, type CliRun } from "./run-cli";

describe("offline check exit codes", function () {
    this.timeout(180_000);
    const runs: Record<string, CliRun> = {};

    before(async () => {
        const cases: Record<string, string[]> = {
            relaxed: ["--program", FIXTURE_APP, "--stack", "safe", "--policy-pack", TS_PACK, "--policy-pack-config", path.join(POLICY_CONFIG, "fixture-ts-relaxed.json")],
            planOnly: ["--program", FIXTURE_APP, "--stack", "dev", "--no-policy"],
            badType: ["--program", FIXTURE_APP, "--stack", "badtype", "--no-policy"],
            throws: ["--program", FIXTURE_APP, "--stack", "throws", "--no-policy"],
            throwsVerbose: ["--program", FIXTURE_APP, "--stack", "throws", "--no-policy", "--verbose"],
            noStack: ["--program", FIXTURE_APP, "--stack", "staging", "--no-policy"],
            noProgram: ["--program", path.join(FIXTURES, "policy-config"), "--no-policy"],
            badPack: ["--program", FIXTURE_APP, "--stack", "dev", "--policy-pack", path.join(FIXTURES, "app")],
            invalidPolicyConfig: ["--program", FIXTURE_APP, "--stack", "dev", "--policy-pack", TS_PACK, "--policy-pack-config", path.join(POLICY_CONFIG, "fixture-ts-invalid.json")],
            unknownOption: ["--stak", "dev"],
        };
        const entries = Object.entries(cases);
        // Two at a time: CI machines are small.
        for (let i = 0; i < entries.length; i += 2) {
            const batch = entries.slice(i, i + 2);
            const results = await Promise.all(batch.map(([, args]) => runCli(args)));
            batch.forEach(([name], j) => (runs[name] = results[j]));
        }
    });

    it("exits 0 when every violation is advisory (policy config downgrades them)", () => {
        const run = runs.relaxed;
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.report!.summary.mandatory, 0);
        const levels = new Set(run.report!.violations.map((v) => v.enforcementLevel));
        assert.deepEqual([...levels], ["advisory"]);
        assert.ok(run.report!.violations.some((v) => v.policy === "fixture-bucket-encrypted" && v.name === "scratch"));
        assert.ok(!run.report!.violations.some((v) => v.policy === "fixture-required-tags"), "disabled policy must not report");
        assert.match(run.stdout, /Result: passed/);
    });

    it("exits 0 with --no-policy and reports the plan only", () => {
        const run = runs.planOnly;
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.report!.policiesRun, false);
        assert.deepEqual(run.report!.violations, []);
        // 14 registrations, of which one is the default AWS provider: a preview counts 13.
        assert.equal(run.report!.resources.length, 14);
        assert.equal(run.report!.summary.resources, 13);
        assert.match(run.stdout, /Policies: not run \(plan only\)/);
    });

    it("exits 2 on a config value of the wrong type, naming the file, key, value and type", () => {
        const run = runs.badType;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /Pulumi\.badtype\.yaml: config key 'fixture-app:instanceCount' has value "two", which is not of type 'integer'/);
        assert.doesNotMatch(run.stderr, STACK_TRACE);
        assert.equal(run.report, undefined);
    });

    it("exits 2 when the program throws, naming the file and the cause without a stack trace", () => {
        const run = runs.throws;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /failed \(at index\.ts:\d+\): fixture-app:instanceCount must be at least 1, got 0/);
        assert.doesNotMatch(run.stderr, STACK_TRACE);
    });

    it("shows the stack trace of a failing program only with --verbose", () => {
        const run = runs.throwsVerbose;
        assert.equal(run.code, 2);
        assert.match(run.stderr, STACK_TRACE);
        assert.match(run.stderr, /index\.ts/);
    });

    it("exits 2 for a stack without a stack file, listing the stacks there", () => {
        const run = runs.noStack;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /no stack file Pulumi\.staging\.yaml in .*fixtures\/app \(stacks here: .*dev.*\)/);
    });

    it("exits 2 for a directory that is not a Pulumi program", () => {
        const run = runs.noProgram;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /Pulumi\.yaml: no Pulumi\.yaml here: not a Pulumi program directory/);
    });

    it("exits 2 for a policy pack directory without PulumiPolicy.yaml", () => {
        const run = runs.badPack;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /failed to load Pulumi policy project located at ".*fixtures\/app": no PulumiPolicy\.yaml/);
    });

    it("exits 2 for policy config that does not match the policy's schema", () => {
        const run = runs.invalidPolicyConfig;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /fixture-ts-invalid\.json: validating policy config failed:\n\s+fixture-pack fixture-required-tags: \/requiredTags must be array/);
    });

    it("exits 2 on an unknown option and prints the usage", () => {
        const run = runs.unknownOption;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /unknown option --stak/);
        assert.match(run.stderr, /Usage: npm run check -- \[options\]/);
    });

    it("writes the JSON error report for a command line it cannot read, when --json names a usable file", () => {
        // runCli adds --json FILE after the unknown option: the report still goes there.
        assert.deepEqual(runs.unknownOption.errorReport, { error: { message: "unknown option --stak" } });
    });
});

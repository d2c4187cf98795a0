// The offline check is a CI gate: it never turns an error into a pass (DESIGN.md, "Hostile
// input"). Each case is a small program or pack under test/fixtures/hostile that a naive engine
// would let through with resources missing, or hang on. Every failure exits 2 with one line that
// names the file, resource, token or pack and the cause, without a stack trace. Runs start two at
// a time in before().
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { HOSTILE, programArgs, runBatched, STACK_TRACE, type CliRun, type ErrorReport } from "./run-cli";

const program = (name: string, stack: string, ...more: string[]) => programArgs(HOSTILE, name, stack, ...more);
const PACK = path.join(HOSTILE, "pack");
/** A stack file with 250 KiB of config (Linux limits one environment string to 128 KiB). */
const BIG_STACK = path.join(HOSTILE, "things", "Pulumi.big.yaml");
const BIG_KEYS = 250;

/** Exit 2 and a single `error:` line matching `pattern`, no stack trace. */
function assertFails(run: CliRun, pattern: RegExp): void {
    assert.equal(run.code, 2, `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
    assert.match(run.stderr, pattern);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    assert.doesNotMatch(run.stdout, /Result: passed/);
}

describe("offline check on hostile programs and packs", function () {
    this.timeout(240_000);
    let runs: Record<string, CliRun> = {};

    before(async () => {
        const filler = Array.from({ length: BIG_KEYS }, (_, i) => `  hostile-things:filler${i}: "${String(i).padStart(4, "0")}${"x".repeat(1020)}"`);
        fs.writeFileSync(BIG_STACK, `config:\n${filler.join("\n")}\n`);
        runs = await runBatched({
            bigConfig: { args: program("things", "big", "--policy-pack", PACK) },
            duplicateUrn: { args: program("duplicate-urn", "test", "--no-policy") },
            unmockedInvoke: { args: program("unmocked-invoke", "test", "--no-policy") },
            rejection: { args: program("unhandled-rejection", "test", "--no-policy") },
            lateRejection: { args: program("unhandled-rejection", "late", "--no-policy") },
            stall: { args: program("things", "stall", "--no-policy") },
            mainMissing: { args: program("main-missing", "test", "--no-policy") },
            mainFolder: { args: program("main-folder", "test", "--no-policy") },
            logError: { args: program("log-error", "test", "--no-policy") },
            logWarn: { args: program("log-error", "warn", "--no-policy") },
            secret: { args: program("things", "secret", "--no-policy") },
            programTimeout: { args: program("things", "hang", "--no-policy", "--program-timeout", "2") },
            policyTimeout: { args: program("things", "pack-hang", "--policy-pack", PACK), env: { CHECK_POLICY_TIMEOUT: "2" } },
            policyThrows: { args: program("things", "pack-throw", "--policy-pack", PACK) },
            packCrash: { args: program("things", "pack-crash", "--policy-pack", PACK) },
            exitCode: { args: program("things", "exit-code", "--no-policy") },
            jsonStdout: { args: program("main-missing", "test", "--json", "-"), json: false },
            jsonProc: { args: program("things", "test", "--no-policy", "--json", "/proc/offline-check/report.json"), json: false },
        });
    });
    after(() => fs.rmSync(BIG_STACK, { force: true }));

    describe("the engine's own errors", () => {
        it("exits 2 on two registrations with the same URN, naming the URN", () => {
            assertFails(runs.duplicateUrn, /error: .*Duplicate resource URN 'urn:pulumi:test::hostile-duplicate-urn::hostile:index:Thing::twin'/);
        });

        it("exits 2 on an invoke the offline check cannot answer, naming the token, the arguments and the way out", () => {
            assertFails(runs.unmockedInvoke, /error: .*invoke acmecloud:db\/getEngineVersion:getEngineVersion\(\{"engine":"postgres","preferredVersions":\["16\.4"\]\}\) has no offline answer: offline answers are generated only for @pulumi\/aws functions; give this one with --invoke-fixtures FILE/);
        });
    });

    describe("the entry point (Pulumi.yaml main)", () => {
        it("exits 2 when main names a file that does not exist, naming Pulumi.yaml and the path, instead of running index.ts", () => {
            assertFails(runs.mainMissing, /error: .*main-missing\/Pulumi\.yaml: main 'src\/nowhere\.ts' does not exist: .*main-missing\/src\/nowhere\.ts/);
            assert.doesNotMatch(runs.mainMissing.stdout, /wrong-entry/);
        });

        it("runs the index of a folder that main names, as the language host does", () => {
            const run = runs.mainFolder;
            assert.equal(run.code, 0, run.stderr);
            assert.ok(run.report!.resources.some((r) => r.name === "from-src"));
        });
    });

    describe("what the program and the packs are told", () => {
        it("hands more config than one environment variable can hold to the program and the packs", () => {
            const run = runs.bigConfig;
            assert.ok(fs.statSync(BIG_STACK).size > 200 * 1024);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.report!.outputs.configKeys, BIG_KEYS);
            assert.ok(
                run.report!.violations.some((v) => v.policy === "hostile-config-seen" && v.message.includes(`the pack sees ${BIG_KEYS} config keys`)),
                JSON.stringify(run.report!.violations),
            );
        });

        it("lists the keys whose values are offline placeholders in OFFLINE_CHECK_UNDECRYPTED_KEYS", () => {
            const run = runs.secret;
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.report!.outputs.undecryptedKeys, '["hostile-things:token"]');
            assert.equal(runs.bigConfig.report!.outputs.undecryptedKeys, "[]");
        });
    });

    describe("the program's own errors", () => {
        it("exits 2 on a promise rejection the program never handles", () => {
            assertFails(runs.rejection, /error: the program in .*unhandled-rejection failed.*: settings service unreachable/);
        });

        it("exits 2 on an unhandled rejection after the program's registrations (on a timer), as the language host waits for the event loop", () => {
            assertFails(runs.lateRejection, /error: the program in .*unhandled-rejection failed.*: late settings refresh failed/);
        });

        it("exits 2 when the program logs an error with pulumi.log.error, showing the message", () => {
            assertFails(runs.logError, /error: the program in .*log-error failed: the program logged an error with pulumi\.log\.error, which fails an update: the database password is shorter than 16 characters/);
        });

        it("reports a warning the program logs with pulumi.log.warn, naming the resource, and passes", () => {
            const run = runs.logWarn;
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(run.report!.warnings, ["hostile:index:Thing logged: the size of the thing is not tuned yet"]);
            assert.match(run.stdout, /warning: hostile:index:Thing logged: the size of the thing is not tuned yet/);
        });

        it("exits 2 when the program sets a non-zero process.exitCode without throwing", () => {
            assertFails(runs.exitCode, /error: the program in .*things failed: the program set process\.exitCode to 3/);
        });

        it("exits 2 at once when the program waits on a promise that nothing is left to settle", () => {
            assertFails(runs.stall, /error: the program in .*things failed: the program can never finish: it waits on a promise that nothing is left to settle/);
        });
    });

    describe("time limits", () => {
        it("exits 2 when the program does not finish within --program-timeout, naming the program", () => {
            assertFails(runs.programTimeout, /error: the program in .*things did not finish within 2 s \(--program-timeout\)/);
        });

        it("exits 2 when a pack does not answer within the policy time limit (CHECK_POLICY_TIMEOUT), naming the pack and the resource", () => {
            assertFails(
                runs.policyTimeout,
                /error: policy pack hostile-pack \(.*hostile\/pack\) did not answer within 2 s \(--policy-timeout\) while analyzing urn:pulumi:pack-hang::hostile-things::hostile:index:Thing::stuck/,
            );
        });
    });

    describe("policy packs that fail", () => {
        it("exits 2 when a policy throws, naming the pack, the resource, the policy and the error on one line", () => {
            assertFails(
                runs.policyThrows,
                /error: policy pack hostile-pack \(.*\) failed while analyzing urn:pulumi:pack-throw::hostile-things::hostile:index:Thing::stuck: Error validating resource with policy 'hostile-misbehaves' from policy pack 'hostile-pack@v0\.1\.0': Error: policy bug: cannot read property 'size' of the stuck thing\n/,
            );
        });

        it("exits 2 when the pack process exits mid-run, with its exit code and the resources in flight", () => {
            assertFails(runs.packCrash, /error: policy pack hostile-pack \(.*\) exited with code 7 (while analyzing|during the analysis, with \d+ resources in flight \().*stuck/);
        });
    });

    describe("the JSON report file", () => {
        it("exits 2 before the run when --json names a path under /proc, naming the path (mkdir -p there never returns)", () => {
            assertFails(runs.jsonProc, /error: --json \/proc\/offline-check\/report\.json: cannot create its folder \/proc\/offline-check/);
            assert.doesNotMatch(runs.jsonProc.stdout, /Previewing/);
        });

        it("is the error, on stdout, with --json - when the run fails", () => {
            assert.equal(runs.jsonStdout.code, 2);
            const printed = JSON.parse(runs.jsonStdout.stdout) as ErrorReport;
            assert.match(printed.error.message, /main 'src\/nowhere\.ts' does not exist/);
            assert.match(printed.error.file ?? "", /main-missing\/Pulumi\.yaml$/);
        });

        it("holds the error when the run fails (exit 2), for CI to read", () => {
            const run = runs.duplicateUrn;
            assert.equal(run.report, undefined);
            assert.match(run.errorReport?.error.message ?? "", /Duplicate resource URN 'urn:pulumi:test::hostile-duplicate-urn::hostile:index:Thing::twin'/);
            assert.equal(run.errorReport?.stack, "test");
            assert.equal(run.errorReport?.error.file, path.join(HOSTILE, "duplicate-urn"));
            assert.equal(runs.rejection.errorReport?.error.file, path.join(HOSTILE, "unhandled-rejection", "index.ts"));
            const timedOut = runs.policyTimeout.errorReport;
            assert.match(timedOut?.error.message ?? "", /did not answer within 2 s/);
            assert.equal(timedOut?.error.file, PACK);
        });
    });
});

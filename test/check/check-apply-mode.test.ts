// `npm run check -- --mode apply` end to end: computed values get generated values, so a bucket
// policy built with pulumi.jsonStringify over the bucket's ARN is judged (a preview can only note
// it), stack policies see the resources' outputs, the report marks the verdicts that differ from
// the preview, the same input gives the same report, --compare-to gives the same answer in both
// modes, and a bad --mode fails as every command-line error does.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURE_APP, FIXTURES, runBatched, runCli, type CliRun } from "./run-cli";

const PUBLIC_POLICY = path.join(FIXTURES, "real", "apply-public-bucket-policy");
const STACK_OUTPUTS = path.join(FIXTURES, "real", "apply-stack-outputs");
const OUTPUTS_PACK = path.join(STACK_OUTPUTS, "pack");

/** A report without what differs from run to run by nature: timings and memory. */
function withoutTimings(run: CliRun): unknown {
    const { performance: _p, ...rest } = run.report!;
    return rest;
}

describe("offline check: apply mode", function () {
    this.timeout(300_000);
    let runs: Record<string, CliRun>;

    before(async () => {
        runs = await runBatched({
            publicPreview: { args: ["--program", PUBLIC_POLICY, "--stack", "public"] },
            publicApply: { args: ["--program", PUBLIC_POLICY, "--stack", "public", "--mode", "apply"] },
            publicApplyAgain: { args: ["--program", PUBLIC_POLICY, "--stack", "public", "--mode", "apply"] },
            scopedApply: { args: ["--program", PUBLIC_POLICY, "--stack", "scoped", "--mode", "apply"] },
            crossedPreview: { args: ["--program", STACK_OUTPUTS, "--stack", "crossed", "--policy-pack", OUTPUTS_PACK] },
            crossedApply: { args: ["--program", STACK_OUTPUTS, "--stack", "crossed", "--policy-pack", OUTPUTS_PACK, "--mode", "apply"] },
            goodApply: { args: ["--program", STACK_OUTPUTS, "--stack", "good", "--policy-pack", OUTPUTS_PACK, "--mode", "apply"] },
            badMode: { args: ["--stack", "dev", "--mode", "deploy"] },
            throwsApply: { args: ["--program", FIXTURE_APP, "--stack", "throws", "--mode", "apply"] },
        });
    });

    describe("a bucket policy with a public Allow built with pulumi.jsonStringify over the bucket's ARN", () => {
        it("passes in preview mode, with a preview note on the policy that cannot see the document", () => {
            const run = runs.publicPreview;
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.report!.mode, "preview");
            assert.equal(run.report!.summary.mandatory, 0);
            const note = run.report!.previewNotes.find((n) => n.policy === "s3-bucket-policy-no-public-principal");
            assert.ok(note, JSON.stringify(run.report!.previewNotes));
            assert.match(note.message, /site-policy: policy is not known during preview/);
            assert.equal(run.report!.previewComparison, undefined);
        });

        it("is blocked in apply mode: the document is known, with the bucket's generated ARN", () => {
            const run = runs.publicApply;
            assert.equal(run.code, 1, run.stderr);
            assert.equal(run.report!.mode, "apply");
            assert.equal(run.report!.preview, false);
            // Besides it, only the pack's advisory on the bucket's missing access logs (a foreign program gets the pack's defaults).
            const mandatory = run.report!.violations.filter((x) => x.enforcementLevel === "mandatory");
            const [v] = mandatory;
            assert.deepEqual([mandatory.length, v.policy, v.name, v.enforcementLevel], [1, "s3-bucket-policy-no-public-principal", "site-policy", "mandatory"]);
            assert.deepEqual(run.report!.violations.filter((x) => x !== v).map((x) => `${x.enforcementLevel} ${x.policy}`), ["advisory s3-bucket-access-logging"]);
            assert.match(v.message, /allows s3:getobject to everyone \(Principal "\*"\)/);
            const policyDoc = JSON.parse(run.report!.resources.find((r) => r.name === "site-policy")!.props.policy as string) as { Statement: Array<{ Resource: unknown }> };
            assert.match(String(policyDoc.Statement[0].Resource), /^arn:aws:s3:::site-[0-9a-f]{7}\/\*$/);
            assert.equal(run.report!.previewNotes.length, 0, "nothing left unknown");
        });

        it("is marked as differing from preview mode: would fail during `pulumi up`, the preview said not known", () => {
            const run = runs.publicApply;
            const [v] = run.report!.violations;
            assert.equal(v.preview, "not known during preview");
            assert.equal(v.stackPolicy, true);
            assert.deepEqual(
                { differing: run.report!.previewComparison!.differing, wouldFail: run.report!.previewComparison!.wouldFailDuringUp, judged: run.report!.previewComparison!.notesJudged },
                { differing: 1, wouldFail: 1, judged: 2 },
            );
            assert.match(run.stdout, /↳ would fail during `pulumi up`: the preview said "not known during preview"; a stack policy runs once every resource is created/);
            assert.match(run.stdout, /^Planning update \(public\) in apply mode/m);
            assert.match(run.stdout, /Against preview mode: 1 verdict only `pulumi up` gives \(1 would fail during `pulumi up`\), 2 of the preview's 2 "not known during preview" notes judged, 0 only in the preview/);
            assert.match(run.stdout, /Result: FAILED — 1 mandatory policy violation \(1 would fail during `pulumi up`, not in its preview\)/);
        });

        it("granted to one role instead, passes in apply mode with every note judged", () => {
            const run = runs.scopedApply;
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.report!.result, "passed");
            // Only the pack's advisory on the bucket's missing access logs (pack defaults for a foreign program).
            assert.deepEqual(run.report!.violations.map((x) => `${x.enforcementLevel} ${x.policy} ${x.name}`), ["advisory s3-bucket-access-logging site"]);
            assert.equal(run.report!.previewComparison!.notesJudged, 2);
        });

        it("gives the same report twice, byte for byte but for timings (generated values are deterministic)", () => {
            assert.deepEqual(withoutTimings(runs.publicApplyAgain), withoutTimings(runs.publicApply));
            const ids = runs.publicApply.report!.resources.filter((r) => r.outputs?.id !== undefined).map((r) => r.outputs!.id);
            assert.ok(ids.length >= 4, JSON.stringify(ids));
        });
    });

    describe("a stack policy that needs the resources' outputs (ARN and id)", () => {
        it("cannot run during preview (its values are unknown): a note, and the run passes", () => {
            const run = runs.crossedPreview;
            assert.equal(run.code, 0, run.stderr);
            assert.match(run.report!.previewNotes[0].message, /^can't run policy 'bucket-policy-names-its-bucket' from policy pack 'fixture-apply-outputs@v0\.1\.0' during preview/);
        });

        it("sees every resource with its outputs in apply mode and finds the policy naming the other bucket", () => {
            const run = runs.crossedApply;
            assert.equal(run.code, 1, run.stderr);
            const [v] = run.report!.violations;
            assert.match(v.message, /^data-policy: statement names arn:aws:s3:::logs-[0-9a-f]{7}\/\*, not bucket data-[0-9a-f]{7} \(arn:aws:s3:::data-[0-9a-f]{7}\) it is attached to\.$/m);
            assert.equal(v.preview, "not known during preview");
            assert.equal(v.stackPolicy, true);
        });

        it("passes in apply mode when the policy names its own bucket", () => {
            assert.equal(runs.goodApply.code, 0, runs.goodApply.stderr);
            assert.deepEqual(runs.goodApply.report!.violations, []);
        });

        it("lists each resource's generated outputs (id, ARN) in the JSON report", () => {
            const data = runs.goodApply.report!.resources.find((r) => r.name === "data")!;
            assert.match(String(data.outputs!.id), /^data-[0-9a-f]{7}$/);
            assert.equal(data.outputs!.arn, `arn:aws:s3:::${String(data.outputs!.id)}`);
            assert.equal(runs.crossedPreview.report!.resources.find((r) => r.name === "data")!.outputs, undefined, "preview mode generates nothing");
        });
    });

    it("a program that fails fails apply mode as it fails a preview: exit 2, one line naming the file and the cause, the JSON error report", () => {
        const run = runs.throwsApply;
        assert.equal(run.code, 2);
        assert.match(run.stderr, /^error: the program in .* failed \(at index\.ts:\d+\): fixture-app:instanceCount must be at least 1, got 0\n$/);
        assert.match(run.errorReport!.error.message, /failed \(at index\.ts:\d+\): fixture-app:instanceCount must be at least 1, got 0/);
    });

    it("an unknown --mode exits 2 with one line naming the flag, the value and what is allowed, and writes the JSON error report", () => {
        const run = runs.badMode;
        assert.equal(run.code, 2);
        assert.equal(run.stderr, "error: --mode \"deploy\" is not a mode: use preview (the default: computed values unknown, as in pulumi preview) or apply (computed values generated, as during pulumi up)\n");
        assert.match(run.errorReport!.error.message, /^--mode "deploy" is not a mode: use preview .* or apply /);
    });
});

describe("offline check: --compare-to gives the same answer in both modes (URNs do not depend on the mode)", function () {
    this.timeout(300_000);
    // Inside the repository, so that the program resolves @pulumi/* from its node_modules.
    const work = path.join(FIXTURES, "compare", `.work-apply-${process.pid}`);
    const runs: Record<string, CliRun> = {};

    before(async () => {
        fs.mkdirSync(work, { recursive: true });
        // A git repository whose HEAD holds v1 of the compare fixture; the working tree holds v2,
        // which renames the component holding a bucket (a blocking delete).
        for (const f of ["Pulumi.yaml", "Pulumi.dev.yaml"]) fs.copyFileSync(path.join(FIXTURES, "compare", f), path.join(work, f));
        fs.copyFileSync(path.join(FIXTURES, "compare", "v1-store.ts"), path.join(work, "index.ts"));
        const git = (...args: string[]) => {
            const r = spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: work, encoding: "utf8" });
            assert.equal(r.status, 0, r.stderr);
        };
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "v1");
        fs.copyFileSync(path.join(FIXTURES, "compare", "v2-renamed.ts"), path.join(work, "index.ts"));
        const [preview, apply] = await Promise.all([
            runCli(["--program", work, "--stack", "dev", "--no-policy", "--compare-to", "HEAD"]),
            runCli(["--program", work, "--stack", "dev", "--no-policy", "--compare-to", "HEAD", "--mode", "apply"]),
        ]);
        runs.preview = preview;
        runs.apply = apply;
    });

    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("finds the same deletions, creations and blocking changes", () => {
        assert.equal(runs.preview.code, 1, runs.preview.stderr);
        assert.equal(runs.apply.code, 1, runs.apply.stderr);
        const preview = runs.preview.report!.comparison!;
        const apply = runs.apply.report!.comparison!;
        assert.deepEqual(apply, preview);
        assert.deepEqual([preview.counts.delete, preview.counts.blocking], [3, 1]);
        assert.deepEqual(runs.apply.report!.resources.map((r) => r.urn), runs.preview.report!.resources.map((r) => r.urn));
    });
});

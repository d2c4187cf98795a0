// `npm run check -- --stack dev|prod` on this repository, as the README's first command and CI run
// it: the default program, the default pack (policies/) with the stack's policy config, over the
// analyzer protocol. Whether the stacks are clean is test/stacks' business; here: the check runs
// end to end and reports plan and policy results for both stacks.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO, runCli, type CliRun } from "./run-cli";

const HAS_PACK = fs.existsSync(path.join(REPO, "policies", "PulumiPolicy.yaml"));

describe("offline check of this repository's stacks", function () {
    this.timeout(180_000);
    const runs: Record<string, CliRun> = {};

    before(async () => {
        // As the README runs it: type-checking on, cached between the two stacks and later runs.
        // dev first: prod then finds the program and the pack type-checked (one cold type-check
        // of the whole program instead of two at once).
        runs.dev = await runCli(["--stack", "dev"], { typecheck: true });
        const [prod, named] = await Promise.all([
            runCli(["--stack", "prod"], { typecheck: true }),
            HAS_PACK ? runCli(["--stack", "prod", "--policy-pack", "policies"]) : Promise.resolve(undefined),
        ]);
        runs.prod = prod;
        if (named !== undefined) runs.named = named;
    });

    for (const stack of ["dev", "prod"]) {
        describe(`--stack ${stack}`, () => {
            it("type-checks the program and the pack as pulumi preview does (beside the plan, or from the cache)", () => {
                const note = run(stack).report!.notes.find((n) => n.startsWith("type-check, as pulumi preview does: "));
                assert.ok(note, run(stack).report!.notes.join("\n"));
                assert.match(note, /the program: (passed \(\d+ files\)|unchanged since a clean check \(cached\))/);
                assert.match(note, /policy pack .*policies: (passed \(\d+ files\)|unchanged since a clean check \(cached\))/);
            });

            it("plans the program and decides (exit 0 or 1, never a failure)", () => {
                const run = runs[stack];
                assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
                assert.equal(run.report!.project, "stagecraft");
                assert.equal(run.report!.stack, stack);
                assert.equal(run.code, run.report!.summary.mandatory > 0 ? 1 : 0);
            });

            it("prints the plan with the stack at the root and the counts", () => {
                const run = runs[stack];
                assert.match(run.stdout, new RegExp(`\\+ {3}pulumi:pulumi:Stack\\s+stagecraft-${stack}\\s+create`));
                assert.match(run.stdout, new RegExp(`\\+ ${run.report!.summary.resources} to create`));
                assert.ok(run.report!.summary.resources > 10);
            });

            it("lists every awsx component as not inspected offline", () => {
                const remote = run(stack).report!.resources.filter((r) => r.type.startsWith("awsx:"));
                for (const r of remote) {
                    assert.equal(r.remote, true);
                    assert.equal(r.note, "not inspected offline; a real preview inspects its children");
                    assert.ok(run(stack).report!.remoteComponents.some((c) => c.urn === r.urn));
                }
            });

            (HAS_PACK ? it : it.skip)("enforces policies/ with the stack's policy config over the analyzer protocol", () => {
                const report = run(stack).report!;
                assert.equal(report.policiesRun, true);
                assert.deepEqual(report.policyPacks.map((p) => p.name), ["stagecraft"]);
                assert.ok(report.policyPacks[0].policies.length > 10);
                assert.ok(report.notes.includes(`policy config: policies/config/${stack}.json (the stack's policy config for the default pack)`));
                assert.match(run(stack).stdout, /Policies: \d+ mandatory, \d+ advisory, \d+ remediated, \d+ not known during preview — stagecraft@v/);
            });

            (HAS_PACK ? it : it.skip)("keeps 'not known during preview' results apart from the violations, with their own count", () => {
                const report = run(stack).report!;
                assert.equal(report.summary.previewNotes, report.previewNotes.length);
                assert.ok(report.previewNotes.every((n) => n.enforcementLevel === "advisory" && /not known during preview/.test(n.message)));
                assert.ok(report.violations.every((v) => !/not known during preview/.test(v.message)));
                assert.equal(report.summary.advisory, report.violations.filter((v) => v.enforcementLevel === "advisory").length);
                if (report.previewNotes.length > 0) assert.match(run(stack).stdout, /Not known during preview \(\d+\): not violations/);
            });

            it("passes (not incomplete): the awsx VPC hides only network plumbing, and the run says so", () => {
                const report = run(stack).report!;
                assert.equal(report.result, report.summary.mandatory > 0 ? "failed" : "passed");
                const vpc = report.remoteComponents.find((c) => c.type === "awsx:ec2:Vpc");
                assert.ok(vpc, "no awsx VPC");
                assert.equal(vpc.policyRelevant, false);
                assert.ok(report.notes.some((n) => n.startsWith(`awsx:ec2:Vpc ${vpc.name}: not inspected offline`) && /network plumbing only/.test(n)));
            });

            it("shows and counts resources as a preview does: default providers are neither in the tree nor in the count", () => {
                const report = run(stack).report!;
                const providers = report.resources.filter((r) => r.defaultProvider);
                assert.ok(providers.some((p) => p.type === "pulumi:providers:aws"));
                assert.equal(report.summary.defaultProviders, providers.length);
                assert.equal(report.summary.resources, report.resources.length - providers.length);
                assert.doesNotMatch(run(stack).stdout, /pulumi:providers:aws\s+default_/);
            });
        });
    }

    (HAS_PACK ? it : it.skip)("applies the stack's policy config when the default pack is named (--policy-pack policies), as when it is implied", () => {
        const named = runs.named.report!;
        assert.equal(runs.named.code, runs.prod.code, runs.named.stderr);
        assert.ok(named.notes.includes("policy config: policies/config/prod.json (the stack's policy config for the default pack)"));
        assert.deepEqual(named.policyPacks[0].policies, runs.prod.report!.policyPacks[0].policies);
        assert.deepEqual(named.violations.map((v) => [v.policy, v.urn, v.enforcementLevel]), runs.prod.report!.violations.map((v) => [v.policy, v.urn, v.enforcementLevel]));
    });

    function run(stack: string): CliRun {
        return runs[stack];
    }
});

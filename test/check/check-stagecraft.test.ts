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
        const [dev, prod] = await Promise.all([runCli(["--stack", "dev"]), runCli(["--stack", "prod"])]);
        runs.dev = dev;
        runs.prod = prod;
    });

    for (const stack of ["dev", "prod"]) {
        describe(`--stack ${stack}`, () => {
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
                }
            });

            (HAS_PACK ? it : it.skip)("enforces policies/ with the stack's policy config over the analyzer protocol", () => {
                const report = run(stack).report!;
                assert.equal(report.policiesRun, true);
                assert.deepEqual(report.policyPacks.map((p) => p.name), ["stagecraft"]);
                assert.ok(report.policyPacks[0].policies.length > 10);
                assert.ok(report.notes.includes(`policy config: policies/config/${stack}.json (the stack's policy config for the default pack)`));
                assert.match(run(stack).stdout, /Policies: \d+ mandatory, \d+ advisory, \d+ remediated — stagecraft@v/);
            });
        });
    }

    function run(stack: string): CliRun {
        return runs[stack];
    }
});

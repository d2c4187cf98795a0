// The check as an API (what the benchmark and other tools call): it runs the program in a child
// process, so calling it from a mocha process leaves the Pulumi runtime here untouched.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { packPolicies } from "../../policies/pack";
import { CheckError, runCheck } from "../../tools/check";
import { FIXTURE_APP, FIXTURES } from "./run-cli";

describe("offline check API", function () {
    this.timeout(60_000);

    it("returns the report and exit code of a plan-only run", async () => {
        const { report, exitCode } = await runCheck({ programDir: FIXTURE_APP, stack: "safe", noPolicy: true });
        assert.equal(exitCode, 0);
        assert.equal(report.stack, "safe");
        assert.equal(report.resources.length, 14);
        const sg = report.resources.find((r) => r.name === "web-0-sg")!;
        const ingress = sg.props.ingress as Array<{ fromPort: number; cidrBlocks: string[] }>;
        assert.deepEqual(ingress.find((r) => r.fromPort === 22)!.cidrBlocks, ["203.0.113.10/32"]);
        assert.ok(report.performance.workerStartupMs > 0);
        assert.ok(report.performance.peakRssBytes.program > 0);
    });

    it("rejects with a CheckError naming the missing stack file", async () => {
        await assert.rejects(runCheck({ programDir: FIXTURE_APP, stack: "nope", noPolicy: true }), (err: unknown) => {
            return err instanceof CheckError && /no stack file Pulumi\.nope\.yaml/.test(err.message);
        });
    });

    it("gives a foreign program whose stack is named like ours (dev) the pack's defaults, not policies/config/dev.json", async () => {
        const { report } = await runCheck({ programDir: path.join(FIXTURES, "real", "esm-ts"), stack: "dev", typecheck: false });
        assert.ok(report.notes.some((n) => n.startsWith("policy config: the pack's defaults (policies/config/dev.json is written for this repository's own stacks")), report.notes.join("\n"));
        assert.ok(!report.notes.some((n) => n.includes("the stack's policy config for the default pack")));
        const levels = new Map(report.policyPacks[0].policies.map((p) => [p.name, p.enforcementLevel]));
        assert.equal(levels.size, packPolicies.length);
        for (const p of packPolicies) assert.equal(levels.get(p.info.name), p.info.enforcementLevel, p.info.name);
    });
});

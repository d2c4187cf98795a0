// Every stagecraft stack (dev, staging, prod, enterprise) and the bootstrap/ program in apply mode,
// which plans the preview beside it: both modes pass, and apply mode leaves nothing the program
// reads unknown, so every "not known during preview" note of the preview is judged.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { REPO, runBatched, type CliRun } from "./run-cli";

const STACKS: Record<string, string[]> = {
    dev: ["--stack", "dev"],
    staging: ["--stack", "staging"],
    prod: ["--stack", "prod"],
    enterprise: ["--stack", "enterprise"],
    bootstrap: ["--program", path.join(REPO, "bootstrap"), "--stack", "bootstrap"],
};

/** Every path under `value` whose value is still unknown ("<unknown>" in the report). */
function unknownPaths(value: unknown, at = ""): string[] {
    if (value === "<unknown>") return [at];
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, `${at}.${k}`));
}

describe("offline check: every stagecraft stack passes in both modes", function () {
    this.timeout(600_000);
    let runs: Record<string, CliRun>;

    before(async () => {
        runs = await runBatched(Object.fromEntries(Object.entries(STACKS).map(([name, args]) => [name, { args: [...args, "--mode", "apply"] }])));
    });

    for (const name of Object.keys(STACKS)) {
        describe(name, () => {
            it("passes in apply mode and in the preview planned beside it (nothing only the preview reports)", () => {
                const run = runs[name];
                assert.equal(run.code, 0, `${run.stderr}\n${run.stdout.split("\n").filter((l) => /mandatory|FAILED/i.test(l)).join("\n")}`);
                assert.equal(run.report!.mode, "apply");
                assert.notEqual(run.report!.result, "failed");
                assert.equal(run.report!.summary.mandatory, 0);
                assert.deepEqual(run.report!.previewComparison!.previewOnly, []);
            });

            it("leaves nothing the program reads unknown: no input of a resource, no note left", () => {
                const report = runs[name].report!;
                const unknown = report.resources.filter((r) => r.custom).flatMap((r) => unknownPaths(r.props).map((p) => `${r.type} ${r.name}${p}`));
                assert.deepEqual(unknown, []);
                assert.deepEqual(report.previewNotes, []);
                assert.equal(report.previewComparison!.notesJudged, report.previewComparison!.previewNotes);
            });

            it("gives every custom resource a generated id", () => {
                const missing = runs[name].report!.resources.filter((r) => r.custom && !r.read && !r.defaultProvider && typeof r.outputs?.id !== "string");
                assert.deepEqual(missing.map((r) => r.urn), []);
            });
        });
    }
});

// The text report on a terminal: colours for levels and the result only when wanted (never with
// NO_COLOR, always with --color always), output values shortened to one line unless
// --show-outputs, and a bad --color refused before the run.
import * as assert from "node:assert/strict";
import { colorWanted, renderReport } from "../../tools/check/report/render";
import { FIXTURE_APP, runCli, type CliRun } from "./run-cli";

const ANSI = /\x1b\[\d+m/;

describe("check: the report on a terminal", function () {
    this.timeout(300_000);
    let plain: CliRun;
    let colored: CliRun;
    before(async () => {
        [plain, colored] = await Promise.all([
            runCli(["--program", FIXTURE_APP, "--stack", "dev"], { env: { NO_COLOR: "1" } }),
            runCli(["--program", FIXTURE_APP, "--stack", "dev", "--color", "always"], { env: { NO_COLOR: "1" } }),
        ]);
    });

    it("decides colour as no-color.org asks: a terminal, no NO_COLOR, not dumb; flags win", () => {
        assert.equal(colorWanted("auto", true, {}), true);
        assert.equal(colorWanted("auto", true, { NO_COLOR: "1" }), false);
        assert.equal(colorWanted("auto", true, { NO_COLOR: "" }), true, "an empty NO_COLOR does not count");
        assert.equal(colorWanted("auto", true, { TERM: "dumb" }), false);
        assert.equal(colorWanted("auto", false, {}), false);
        assert.equal(colorWanted("always", false, { NO_COLOR: "1" }), true);
        assert.equal(colorWanted("never", true, {}), false);
    });

    it("prints no colour codes under NO_COLOR, and colours levels and the result with --color always", () => {
        assert.equal(plain.code, 1);
        assert.doesNotMatch(plain.stdout, ANSI);
        assert.equal(colored.code, 1);
        assert.match(colored.stdout, /\x1b\[31mMandatory\x1b\[0m \(\d+\):/);
        assert.match(colored.stdout, /\x1b\[31mResult: FAILED — .*\x1b\[0m/);
        // The same report once the codes are stripped.
        assert.equal(colored.stdout.replace(/\x1b\[\d+m/g, ""), plain.stdout);
    });

    it("shortens long output values to one line and says how to see them in full with --show-outputs", () => {
        const report = { ...plain.report!, outputs: { secretsProvider: `awskms://alias/${"x".repeat(200)}?region=us-east-1`, short: "ok" } };
        const short = renderReport(report);
        assert.match(short, /^ {4}secretsProvider: "awskms:\/\/alias\/x+\.\.\.$/m);
        assert.match(short, /\(1 value shortened: --show-outputs prints them in full\)/);
        const full = renderReport(report, { showOutputs: true });
        assert.ok(full.includes(`"awskms://alias/${"x".repeat(200)}?region=us-east-1"`));
        assert.doesNotMatch(full, /shortened/);
    });

    it("refuses a --color value it does not know, before running anything", async () => {
        const run = await runCli(["--program", FIXTURE_APP, "--stack", "dev", "--color", "rainbow"]);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /--color "rainbow" is not a colour setting: use auto \(the default\), always or never/);
    });
});

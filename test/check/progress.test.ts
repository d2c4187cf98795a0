// Progress on stderr: a live status line on a terminal (throttled, cleared before the report),
// plain milestone lines in CI, nothing when output is piped elsewhere; and the CLI in CI.
import * as assert from "node:assert/strict";
import { Progress, progressStyle } from "../../tools/check/progress";
import { FIXTURE_APP, runCli } from "./run-cli";

function sink(isTTY: boolean) {
    const written: string[] = [];
    return { out: { isTTY, write: (t: string) => written.push(t) }, written };
}

describe("check: progress on stderr", function () {
    this.timeout(300_000);

    it("is live on a terminal, plain lines in CI, off otherwise (and on a dumb terminal in CI, lines)", () => {
        assert.equal(progressStyle({ isTTY: true, write: () => 0 }, {}), "live");
        assert.equal(progressStyle({ isTTY: false, write: () => 0 }, { CI: "true" }), "lines");
        assert.equal(progressStyle({ isTTY: false, write: () => 0 }, {}), "off");
        assert.equal(progressStyle({ isTTY: false, write: () => 0 }, { CI: "false" }), "off");
        assert.equal(progressStyle({ isTTY: true, write: () => 0 }, { TERM: "dumb", CI: "1" }), "lines");
    });

    it("rewrites one status line on a terminal, at most ten times a second, and clears it", () => {
        let clock = 0;
        const { out, written } = sink(true);
        const p = new Progress(out, "live", () => clock);
        for (let i = 0; i < 50; i++) {
            clock += 10;
            p.resource("preview");
        }
        assert.ok(written.length >= 4 && written.length <= 6, `${written.length} redraws for 500 ms`);
        assert.ok(written.every((w) => w.startsWith("\r\x1b[K") && !w.includes("\n")));
        assert.match(written[written.length - 1], /planning \(preview: \d+ resources\)/);
        p.programDone("preview", 50);
        assert.match(written[written.length - 1], /preview plan: the program registered 50 resources/);
        p.done();
        assert.equal(written[written.length - 1], "\r\x1b[K");
    });

    it("writes plain lines at milestones only in CI, and nothing when off", () => {
        const ci = sink(false);
        const p = new Progress(ci.out, "lines");
        p.resource("apply");
        p.programDone("apply", 1);
        p.policiesDone("apply");
        p.done();
        assert.deepEqual(ci.written.map((w) => w.replace(/[\d.]+ s/, "T")), [
            "apply plan: the program registered 1 resources in T; the policy packs are finishing\n",
            "apply plan: policies done at T\n",
        ]);
        const off = sink(false);
        const q = new Progress(off.out, "off");
        q.resource("preview");
        q.programDone("preview", 1);
        q.done();
        assert.deepEqual(off.written, []);
    });

    it("prints the milestones on stderr in CI, with the report alone on stdout", async () => {
        const run = await runCli(["--program", FIXTURE_APP, "--stack", "safe", "--no-policy"], { env: { CI: "true" } });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, /^preview plan: the program registered \d+ resources in [\d.]+ s; the policy packs are finishing$/m);
        assert.doesNotMatch(run.stdout, /the program registered/);
    });
});

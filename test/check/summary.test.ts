// The Markdown summary for CI (--summary FILE and $GITHUB_STEP_SUMMARY): the counts, what fails the
// run, the cost per component and the report collapsed; an error summary when the run cannot
// finish; plan-supplied text never becomes markup; and `--json -` through `npm run -s check` is a
// JSON document.
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as fc from "fast-check";
import { markdownText } from "../../tools/check/report/summary";
import { cliEnv, FIXTURE_APP, REPO, runCli, type CliRun } from "./run-cli";

describe("check: Markdown summary for CI", function () {
    this.timeout(300_000);
    let dir: string;
    let failing: CliRun;
    let broken: CliRun;
    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-summary-"));
        fs.writeFileSync(path.join(dir, "step.md"), "earlier step\n");
        [failing, broken] = await Promise.all([
            runCli(["--program", FIXTURE_APP, "--stack", "dev", "--summary", path.join(dir, "fixture.md")], { env: { GITHUB_STEP_SUMMARY: path.join(dir, "step.md") } }),
            runCli(["--program", FIXTURE_APP, "--stack", "nosuchstack", "--summary", path.join(dir, "broken.md")]),
        ]);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("writes the result, the counts, every mandatory violation and the cost per component", () => {
        assert.equal(failing.code, 1, failing.stderr);
        const md = fs.readFileSync(path.join(dir, "fixture.md"), "utf8");
        assert.match(md, /^## Offline check of fixture-app \/ dev: ❌ failed$/m);
        assert.match(md, new RegExp(`^\\| Mandatory violations \\| ${failing.report!.summary.mandatory} \\|$`, "m"));
        const rows = md.split("\n").filter((l) => /^\| ec2-/.test(l));
        assert.equal(rows.length, failing.report!.summary.mandatory, "one row per mandatory violation");
        assert.ok(rows.some((l) => l.includes("ec2-security-group-no-public-ssh") && l.includes("web-0-sg")));
        assert.match(md, /^\| web-0 \| \$13\.08 \| 1 \| 0 \|$/m);
        assert.match(md, /^\| \*\*total\*\* \| \*\*\$\d+\.\d\d\*\* \| \| \|$/m);
        assert.match(md, /<details><summary>Architecture \(from the plan\)<\/summary>\n\n```mermaid\nflowchart LR\n[\s\S]*web-0-host[\s\S]*```\n\n<\/details>/);
        assert.match(md, /<details><summary>Full report<\/summary>[\s\S]*Previewing update \(dev\)[\s\S]*<\/details>/);
    });

    it("appends the same summary to GitHub's job summary, after what earlier steps wrote", () => {
        const step = fs.readFileSync(path.join(dir, "step.md"), "utf8");
        const own = fs.readFileSync(path.join(dir, "fixture.md"), "utf8");
        assert.ok(step.startsWith("earlier step\n"));
        assert.ok(step.includes(own));
    });

    it("writes an error summary when the run cannot finish (exit 2)", () => {
        assert.equal(broken.code, 2);
        const md = fs.readFileSync(path.join(dir, "broken.md"), "utf8");
        assert.match(md, /^## Offline check of stack nosuchstack: ❌ error$/m);
        assert.match(md, /Pulumi\.nosuchstack\.yaml/);
    });

    it("never lets plan-supplied text become markup, HTML or a new line", () => {
        fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
            const out = markdownText(s);
            assert.doesNotMatch(out, /[\r\n\u2028\u2029<>]/);
            // Every markup character is escaped (preceded by an odd number of backslashes).
            for (const m of out.matchAll(/(\\*)([`*_[\]|~])/g)) assert.equal(m[1].length % 2, 1, `${JSON.stringify(s)} -> ${out}`);
        }), { seed: 20261204, numRuns: 500 });
        assert.equal(markdownText("a|b <script>`x`</script>\n# not a heading"), "a\\|b &lt;script&gt;\\`x\\`&lt;/script&gt; # not a heading");
    });

    it("writes a JSON document on stdout with --json - through `npm run -s check`, as the README shows", async () => {
        const stdout = await new Promise<string>((resolve, reject) => {
            execFile("npm", ["run", "-s", "check", "--", "--program", FIXTURE_APP, "--stack", "safe", "--no-policy", "--no-typecheck", "--json", "-"],
                { cwd: REPO, env: cliEnv(), maxBuffer: 64 << 20 }, (err, out, stderr) => (err && (err as { code?: number }).code !== 0 ? reject(new Error(stderr)) : resolve(out)));
        });
        const report = JSON.parse(stdout) as { stack: string; cost: { monthlyUsd: number } };
        assert.equal(report.stack, "safe");
        assert.equal(typeof report.cost.monthlyUsd, "number");
    });
});

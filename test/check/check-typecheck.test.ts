// Type-checking, on by default as in `pulumi preview`: beside the plan, cached by file hashes, off
// with --no-typecheck. The programs and the pack are written into a temporary folder by the test
// (a file with a type error cannot live in this repository: `npm run lint` compiles test/), with
// node_modules linked to this repository's.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURES, REPO, runBatched, runCli, STACK_TRACE, type CliRun } from "./run-cli";

const PROGRAM = (body: string) => [
    `import * as aws from "@pulumi/aws";`,
    `const ports: number[] = [80, 443];`,
    body,
].join("\n") + "\n";
const BROKEN = `export const bucket = new aws.s3.Bucket("site", { bucket: ports }).bucket;`;
const FIXED = `export const bucket = new aws.s3.Bucket("site", { bucket: \`site-\${ports[0]}\` }).bucket;`;

const PACK = [
    `import { PolicyPack } from "@pulumi/policy";`,
    `const level: number = "mandatory";`,
    `new PolicyPack("typo-pack", { policies: [{ name: "nothing", description: "Nothing.", enforcementLevel: "advisory", validateResource: () => { void level; } }] });`,
].join("\n") + "\n";

function write(dir: string, files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
}

describe("offline check: type-checking as pulumi preview does", function () {
    this.timeout(300_000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-typecheck-"));
    const cache = path.join(root, "cache");
    const env = { OFFLINE_CHECK_CACHE_DIR: cache };
    const broken = path.join(root, "broken");
    const fixed = path.join(root, "fixed");
    const pack = path.join(root, "pack");
    const edited = path.join(root, "edited");
    let runs: Record<string, CliRun> = {};

    before(async () => {
        const project = { "Pulumi.yaml": "name: typed\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n" };
        write(broken, { ...project, "index.ts": PROGRAM(BROKEN) });
        write(fixed, { ...project, "index.ts": PROGRAM(FIXED) });
        write(edited, { ...project, "index.ts": PROGRAM(FIXED) });
        write(pack, { "PulumiPolicy.yaml": "runtime: nodejs\nversion: 0.1.0\n", "package.json": '{ "name": "typo-pack", "main": "index.ts" }\n', "index.ts": PACK });
        runs = await runBatched({
            typeError: { args: ["--program", broken, "--no-policy"], env, typecheck: true },
            noTypecheck: { args: ["--program", broken, "--no-policy", "--no-typecheck"], env },
            verbose: { args: ["--program", broken, "--no-policy", "--verbose"], env, typecheck: true },
            packError: { args: ["--program", fixed, "--policy-pack", pack], env, typecheck: true },
            esm: { args: ["--program", path.join(FIXTURES, "real", "esm-ts"), "--no-policy"], env, typecheck: true },
            javascript: { args: ["--program", path.join(FIXTURES, "real", "js-async"), "--no-policy"], env, typecheck: true },
            transpileOnly: { args: ["--program", broken, "--no-policy"], env: { ...env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, typecheck: true },
        });
        // Cold, then from the cache, then after an edit (sequential: each depends on the last).
        runs.cold = await runCli(["--program", edited, "--no-policy"], { env, typecheck: true });
        runs.cached = await runCli(["--program", edited, "--no-policy", "--typecheck"], { env });
        fs.appendFileSync(path.join(edited, "index.ts"), "export const count = ports.length;\n");
        runs.edited = await runCli(["--program", edited, "--no-policy"], { env, typecheck: true });
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("fails a program with a type error (exit 2), naming file:line:column, the code and the message, on one line", () => {
        const run = runs.typeError;
        assert.equal(run.code, 2, run.stdout);
        assert.match(run.stderr, /^error: the program in .*broken does not type-check, so pulumi preview would fail: index\.ts:3:51 error TS2322: Type 'number\[\]' is not assignable to type 'Input<string \| undefined>'\. — --no-typecheck skips the check\n$/);
        assert.doesNotMatch(run.stderr, STACK_TRACE);
        assert.doesNotMatch(run.stdout, /Result:/);
    });

    it("writes the error and every diagnostic to the JSON report", () => {
        const report = runs.typeError.errorReport as unknown as { error: { message: string; file: string; diagnostics: Array<Record<string, unknown>> } };
        assert.equal(report.error.file, path.join(broken, "index.ts"));
        assert.deepEqual(report.error.diagnostics, [{ file: "index.ts", line: 3, column: 51, code: 2322, message: "Type 'number[]' is not assignable to type 'Input<string | undefined>'." }]);
    });

    it("lists the diagnostics with --verbose", () => {
        assert.equal(runs.verbose.code, 2);
        assert.match(runs.verbose.stderr, /\n\nindex\.ts:3:51 error TS2322: /);
    });

    it("plans the same program with --no-typecheck, and says type-checking was skipped", () => {
        const run = runs.noTypecheck;
        assert.equal(run.code, 0, run.stderr);
        assert.ok(run.report!.notes.some((n) => n.startsWith("type-check: skipped (--no-typecheck)")));
    });

    it("skips it, as pulumi preview does, with PULUMI_NODEJS_TRANSPILE_ONLY=true", () => {
        const run = runs.transpileOnly;
        assert.equal(run.code, 0, run.stderr);
        assert.ok(run.report!.notes.some((n) => /skipped, as by pulumi preview \(PULUMI_NODEJS_TRANSPILE_ONLY=true\)/.test(n)));
    });

    it("type-checks a TypeScript policy pack too, naming the pack's file", () => {
        const run = runs.packError;
        assert.equal(run.code, 2, run.stdout);
        assert.match(run.stderr, /^error: policy pack .*pack does not type-check, so pulumi preview would fail: index\.ts:2:7 error TS2322: Type 'string' is not assignable to type 'number'\./);
        assert.equal(run.errorReport!.error.file, path.join(pack, "index.ts"));
    });

    it("type-checks an ES module program, and has nothing to check in a JavaScript one", () => {
        assert.equal(runs.esm.code, 0, runs.esm.stderr);
        assert.ok(runs.esm.report!.notes.some((n) => /^type-check, as pulumi preview does: the program: passed \(2 files\)/.test(n)), runs.esm.report!.notes.join("\n"));
        assert.equal(runs.javascript.code, 0, runs.javascript.stderr);
        assert.ok(runs.javascript.report!.notes.some((n) => n.startsWith("type-check: nothing to check (the program is JavaScript")));
    });

    it("caches a clean result by file hashes (--typecheck is the default), and checks again after an edit", () => {
        const note = (run: CliRun) => run.report!.notes.find((n) => n.startsWith("type-check, as pulumi preview does: "));
        assert.equal(runs.cold.code, 0, runs.cold.stderr);
        assert.match(note(runs.cold)!, /the program: passed \(1 file\) in [\d.]+ s/);
        assert.equal(runs.cached.code, 0, runs.cached.stderr);
        assert.match(note(runs.cached)!, /the program: unchanged since a clean check \(cached\)/);
        assert.equal(runs.edited.code, 0, runs.edited.stderr);
        assert.match(note(runs.edited)!, /the program: passed \(1 file\)/);
        assert.ok(fs.readdirSync(path.join(cache, "typecheck")).length >= 1);
    });
});

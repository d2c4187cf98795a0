// The program's own TypeScript is transpiled once and then served from the check's cache
// (tools/check/engine/program-loader.ts + compile-cache/): the second run of the same program
// compiles nothing, errors still point at TypeScript lines, and an edited file is compiled afresh,
// never served stale.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO, runCli } from "./run-cli";

function cachedFiles(cacheRoot: string): string[] {
    const dir = path.join(cacheRoot, "transpile");
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".js")).sort();
}

describe("check: the program's TypeScript through the transpile cache", function () {
    this.timeout(300_000);
    let root: string;
    let program: string;
    let cache: string;

    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "program-cache-"));
        program = path.join(root, "prog");
        cache = path.join(root, "cache");
        fs.mkdirSync(program);
        fs.symlinkSync(path.join(REPO, "node_modules"), path.join(program, "node_modules"), "dir");
        fs.writeFileSync(path.join(program, "Pulumi.yaml"), "name: cached\nruntime: nodejs\n");
        fs.writeFileSync(path.join(program, "Pulumi.s.yaml"), "config: {}\n");
        fs.writeFileSync(path.join(program, "package.json"), JSON.stringify({ name: "cached", main: "index.ts" }));
        fs.writeFileSync(path.join(program, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "commonjs", moduleResolution: "node", target: "ES2020" } }));
        fs.writeFileSync(path.join(program, "limit.ts"), "export const LIMIT: number = 1;\n");
        fs.writeFileSync(path.join(program, "index.ts"), [
            "import { LIMIT } from \"./limit\";",
            "interface Shape { a: number }",
            "const s: Shape = { a: LIMIT };",
            "",
            "throw new Error(`over the limit: ${s.a}`);",
            "",
        ].join("\n"));
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    const run = () => runCli(["--program", program, "--stack", "s", "--no-policy"], { env: { OFFLINE_CHECK_CACHE_DIR: cache } });

    it("stores the program's files on the first run and serves them on the next, with TypeScript lines in errors", async () => {
        const first = await run();
        assert.equal(first.code, 2, first.stderr);
        assert.match(first.stderr, /at index\.ts:5\).*over the limit: 1/);
        const afterFirst = cachedFiles(cache);
        const programEntries = afterFirst.filter((f) => fs.readFileSync(path.join(cache, "transpile", f), "utf8").includes("over the limit"));
        assert.equal(programEntries.length, 1, "the program's entry is in the cache");

        const second = await run();
        assert.equal(second.code, 2);
        assert.match(second.stderr, /at index\.ts:5\).*over the limit: 1/);
        assert.deepEqual(cachedFiles(cache), afterFirst, "nothing compiled again");
    });

    it("compiles an edited file afresh instead of serving the stale one", async () => {
        fs.writeFileSync(path.join(program, "limit.ts"), "export const LIMIT: number = 2;\n");
        const edited = await run();
        assert.equal(edited.code, 2);
        assert.match(edited.stderr, /over the limit: 2/);
    });
});

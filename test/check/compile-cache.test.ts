// The transpile cache of the check's processes (tools/check/compile-cache): a hit returns exactly
// what ts-node would have compiled, anything that changes the output misses, a cache that cannot
// be written never breaks a compile, type-checking compiles are never cached, a process whose
// files are all cached loads no TypeScript, a setup the lazy loader does not mirror gets ts-node
// itself, and stack traces of code served from the cache still name TypeScript lines.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { create, VERSION, type Service } from "ts-node";
import { cacheCompiles } from "../../tools/check/compile-cache/cache";
import { transpileCacheDir } from "../../tools/check/compile-cache/dir";
import { checkCacheDir } from "../../tools/check/engine/cache";

const REGISTER = path.resolve(__dirname, "../../tools/check/compile-cache/register.js");

function service(compilerOptions: Record<string, unknown> = {}, transpileOnly = true): Service {
    return create({ transpileOnly, skipProject: true, compilerOptions: { module: "commonjs", target: "ES2022", ...compilerOptions } });
}

describe("check: transpile cache", () => {
    let root: string;
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "transpile-cache-"));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    const file = () => path.join(root, "src", "a.ts");
    const source = "export const x: number = 1;\nexport class A { constructor(private readonly y = x) {} }\n";

    it("serves a second compile of the same file from disk, identical to an uncached compile", () => {
        const expected = service().compile(source, file());
        const cached = service();
        const stats = cacheCompiles(cached, path.join(root, "cache"), VERSION);
        assert.equal(cached.compile(source, file()), expected);
        const again = service();
        const againStats = cacheCompiles(again, path.join(root, "cache"), VERSION);
        assert.equal(again.compile(source, file()), expected);
        assert.deepEqual([stats, againStats], [{ hits: 0, misses: 1 }, { hits: 1, misses: 0 }]);
    });

    it("compiles afresh when the source, the file's path or a compiler option changes", () => {
        const dir = path.join(root, "cache");
        const first = service();
        const stats = cacheCompiles(first, dir, VERSION);
        first.compile(source, file());
        const changed = source.replace("= 1", "= 2");
        assert.match(first.compile(changed, file()), /x = 2/);
        first.compile(source, path.join(root, "src", "b.ts"));
        assert.deepEqual(stats, { hits: 0, misses: 3 });

        const es5 = service({ target: "ES5" });
        const es5Stats = cacheCompiles(es5, dir, VERSION);
        // ES5 has no classes: a hit on the ES2022 output would keep `class A`.
        assert.doesNotMatch(es5.compile(source, file()), /class A/);
        assert.deepEqual(es5Stats, { hits: 0, misses: 1 });
    });

    it("compiles correctly when the cache folder cannot be created", () => {
        const blocked = path.join(root, "not-a-folder");
        fs.writeFileSync(blocked, "a file where the cache folder would go");
        const s = service();
        const stats = cacheCompiles(s, blocked, VERSION);
        assert.equal(s.compile(source, file()), service().compile(source, file()));
        assert.equal(s.compile(source, file()), service().compile(source, file()));
        assert.deepEqual(stats, { hits: 0, misses: 2 });
    });

    it("leaves a type-checking service alone: its diagnostics must not be skipped", () => {
        const dir = path.join(root, "cache");
        const checking = service({}, false);
        const stats = cacheCompiles(checking, dir, VERSION);
        assert.throws(() => checking.compile("export const x: number = 'one';\n", file()), /TS2322/);
        assert.deepEqual(stats, { hits: 0, misses: 0 });
        assert.equal(fs.existsSync(dir), false);
    });

    /** Runs `program` with register.js (as the CLI and the worker start); returns stderr (it must throw). */
    function runRegistered(program: string, env: NodeJS.ProcessEnv = {}): string {
        try {
            execFileSync(process.execPath, ["-r", REGISTER, program], {
                env: { ...process.env, OFFLINE_CHECK_CACHE_DIR: path.join(root, "cache"), ...env },
                cwd: path.resolve(__dirname, "../.."),
                stdio: "pipe",
            });
        } catch (err) {
            return String((err as { stderr: Buffer }).stderr);
        }
        return assert.fail("the program should have thrown");
    }

    // The interface vanishes from the output, so JavaScript lines differ from TypeScript ones; the
    // program says whether TypeScript was loaded into the process.
    const THROWS = [
        "interface Shape {",
        "    a: number;",
        "    b: string;",
        "}",
        "const s: Shape = { a: 1, b: 'b' };",
        "const loaded = Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]typescript[\\/]/.test(k));",
        "throw new Error(`boom ${s.a} typescript loaded: ${loaded}`);",
        "",
    ].join("\n");

    it("loads no TypeScript once every file is cached, and keeps TypeScript lines in stack traces", () => {
        const program = path.join(root, "throws.ts");
        fs.writeFileSync(program, THROWS);
        const first = runRegistered(program);
        assert.match(first, /typescript loaded: true/);
        assert.match(first, /throws\.ts:7/);
        const cached = fs.readdirSync(path.join(root, "cache", "transpile"), { recursive: true }).filter((f) => String(f).endsWith(".js"));
        assert.ok(cached.length > 0, "the first run stores its compile");
        const second = runRegistered(program);
        assert.match(second, /typescript loaded: false/);
        assert.match(second, /throws\.ts:7/);
        // An edit is compiled afresh (TypeScript is loaded again), never served stale.
        fs.writeFileSync(program, THROWS.replace("a: 1", "a: 2"));
        assert.match(runRegistered(program), /boom 2 typescript loaded: true/);
    });

    it("registers ts-node itself (with the cache) for a ts-node setting the lazy loader does not mirror", () => {
        const program = path.join(root, "throws.ts");
        fs.writeFileSync(program, THROWS);
        const env = { TS_NODE_PRETTY: "true" };
        runRegistered(program, env);
        const second = runRegistered(program, env);
        assert.match(second, /typescript loaded: true/);
        assert.match(second, /throws\.ts:7/);
    });

    it("keeps the transpile cache inside the check's cache folder (dir.js agrees with engine/cache.ts)", () => {
        for (const env of [{}, { OFFLINE_CHECK_CACHE_DIR: path.join(root, "elsewhere") }, { OFFLINE_CHECK_CACHE_DIR: "" }]) {
            assert.equal(transpileCacheDir(env), path.join(checkCacheDir(env), "transpile"));
        }
    });
});

// Loads a Pulumi TypeScript/JavaScript program the way the Pulumi nodejs language host does:
// ts-node registered against the program's own tsconfig.json (and the program's own ts-node and
// typescript when it has them), entry point from Pulumi.yaml `main`, else package.json
// exports/main, else the directory's index.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as TS from "typescript";
import { cacheCompiles, type CompilingService } from "../compile-cache/cache";
import { transpileCacheDir } from "../compile-cache/dir";
import { registerLazily } from "../compile-cache/lazy";
import { CheckError } from "../errors";

export interface LoadOptions {
    /** The program's working directory (where its tsconfig.json is). */
    programDir: string;
}

type NodeRequire = ReturnType<typeof createRequire>;

/** `require` that resolves modules from the program's directory (its node_modules first). */
export function programRequire(programDir: string): NodeRequire {
    return createRequire(path.join(path.resolve(programDir), "__offline_check__.js"));
}

function resolveFrom(req: NodeRequire, id: string): string | undefined {
    try {
        return req.resolve(id);
    } catch {
        return undefined;
    }
}

/** The folder's package.json ({} without one); an unreadable one fails, as it fails under Node. */
function readPackageJson(programDir: string): Record<string, unknown> {
    const file = path.join(programDir, "package.json");
    if (!fs.existsSync(file)) return {};
    try {
        const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
        return pkg !== null && typeof pkg === "object" && !Array.isArray(pkg) ? (pkg as Record<string, unknown>) : {};
    } catch (err) {
        throw new CheckError(`${file}: cannot read the program's package.json (it decides the entry point): ${(err as Error).message}`, { file });
    }
}

/** Where the program runs and what it requires, as the Pulumi CLI derives them from `main`. */
export interface ProgramEntry {
    /** The program's working directory (its tsconfig.json is looked up here). */
    workDir: string;
    /** The file (or directory with an index) to require. */
    entry: string;
}

const INDEX_FILES = ["index.ts", "index.js", "index.mts", "index.cts", "index.mjs", "index.cjs"];

/**
 * The program's entry as the Pulumi CLI resolves Pulumi.yaml `main` (a relative path inside the
 * project: a file runs in its folder, a folder runs as the program directory) and the nodejs
 * language host requires it (a folder's package.json main, else its index). Fails naming the
 * project file and the path when `main` points nowhere, so no run starts on the wrong file.
 */
export function resolveProgramEntry(programDir: string, main: string | undefined, projectFile: string): ProgramEntry {
    const root = path.resolve(programDir);
    if (main === undefined || main === "") {
        return { workDir: root, entry: resolveEntry(root) };
    }
    const where = `${projectFile}: main '${main}'`;
    if (path.isAbsolute(main)) {
        throw new CheckError(`${where} must be a relative path (the Pulumi CLI refuses an absolute one)`, { file: projectFile });
    }
    const full = path.resolve(root, main);
    if (full !== root && !full.startsWith(root + path.sep)) {
        throw new CheckError(`${where} must be a subfolder of the project (${full} is outside ${root})`, { file: projectFile });
    }
    let stat: fs.Stats;
    try {
        stat = fs.statSync(full);
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === "ENOENT" || code === "ENOTDIR" ? "does not exist" : `could not be read (${code ?? (err as Error).message})`;
        throw new CheckError(`${where} ${why}: ${full}`, { file: projectFile });
    }
    if (!stat.isDirectory()) {
        return { workDir: path.dirname(full), entry: full };
    }
    const entry = resolveEntry(full);
    if (entry.endsWith(path.sep) && !INDEX_FILES.some((f) => fs.existsSync(path.join(full, f)))) {
        throw new CheckError(`${where} is a folder without a program: no package.json main and no index.ts or index.js in ${full}`, {
            file: projectFile,
        });
    }
    return { workDir: full, entry };
}

/** The file or directory the language host would require in a program directory. */
export function resolveEntry(programDir: string): string {
    const dir = path.resolve(programDir);
    const pkg = readPackageJson(dir);
    const exported = pkg.exports;
    let entry: string | undefined;
    if (typeof exported === "string") {
        entry = exported;
    } else if (exported && typeof exported === "object") {
        const dot = (exported as Record<string, unknown>)["."];
        if (typeof dot === "string") entry = dot;
        else if (dot && typeof dot === "object") {
            const d = dot as Record<string, unknown>;
            entry = (d.default ?? d.require ?? d.import) as string | undefined;
        }
    } else if (typeof pkg.main === "string") {
        entry = pkg.main;
    }
    if (entry && fs.existsSync(path.join(dir, entry))) {
        return path.join(dir, entry);
    }
    return dir + path.sep;
}

/**
 * The directory whose TypeScript the program may import: the npm package it lives in (nearest
 * package.json at or above it), so a program in a sub-folder (bootstrap/) can import the
 * package's shared components, as under the Pulumi CLI, whose ts-node is not scoped at all.
 */
export function packageRoot(dir: string): string {
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, "package.json"))) return d;
        if (path.dirname(d) === d) return path.resolve(dir);
    }
}

/** The program's package.json (nearest at or above its directory, as the language host finds it). */
export function programPackage(dir: string): Record<string, unknown> {
    return readPackageJson(packageRoot(dir));
}

/** True for a program the language host runs as an ES module (its package.json has "type": "module"). */
export function isEsModuleProgram(dir: string): boolean {
    return programPackage(dir).type === "module";
}

/** A tsconfig.json's own compilerOptions, raw (the CLI's loadTypeScriptCompilerOptions); {} when unreadable. */
export function tsconfigCompilerOptions(tsconfig: string): Record<string, unknown> {
    try {
        const req = createRequire(__filename);
        const ts = req("typescript") as typeof TS;
        const parsed = ts.parseConfigFileTextToJson(tsconfig, fs.readFileSync(tsconfig, "utf8")).config as { compilerOptions?: Record<string, unknown> } | undefined;
        return parsed?.compilerOptions ?? {};
    } catch {
        return {};
    }
}

/** The ts-node options the Pulumi CLI's nodejs language host registers for a program (cmd/run/run.ts). */
export interface TsNodeSetup {
    tsnode: string;
    options: Record<string, unknown>;
}

/**
 * ts-node's options as the nodejs language host sets them: the program's tsconfig.json (its
 * compilerOptions over the host's defaults: target ES2020 — ES2022 for ES modules —, module and
 * moduleResolution nodenext, source maps), the program's own ts-node and typescript when it has
 * them, and transpile-only: the offline check type-checks beside the run (typecheck.ts).
 */
export function tsNodeSetup(opts: LoadOptions & { esm: boolean }): TsNodeSetup {
    const dir = path.resolve(opts.programDir);
    const req = programRequire(dir);
    const own = createRequire(__filename);
    const tsnode = resolveFrom(req, "ts-node") ?? own.resolve("ts-node");
    const compiler = resolveFrom(req, "typescript") ?? own.resolve("typescript");
    const tsconfig = path.join(dir, "tsconfig.json");
    const hasTsconfig = fs.existsSync(tsconfig);
    return {
        tsnode,
        options: {
            compiler,
            project: hasTsconfig ? tsconfig : undefined,
            skipProject: !hasTsconfig,
            transpileOnly: true,
            typeCheck: false,
            scope: true,
            scopeDir: packageRoot(dir),
            compilerOptions: {
                target: opts.esm ? "ES2022" : "ES2020",
                module: "nodenext",
                moduleResolution: "nodenext",
                sourceMap: true,
                ...(hasTsconfig ? tsconfigCompilerOptions(tsconfig) : {}),
            },
        },
    };
}

/**
 * Registers ts-node for the program's files (scoped to its npm package, so the checker's own
 * modules elsewhere are left alone): CommonJS programs through require hooks, ES modules through
 * module hooks in Node's loader thread (esm-hooks.mjs), as the language host does.
 */
export function registerTypeScript(opts: LoadOptions): void {
    const esm = isEsModuleProgram(opts.programDir);
    const setup = tsNodeSetup({ ...opts, esm });
    if (esm) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { register } = require("node:module") as { register(specifier: string, parent: string, options: { data: unknown }): void };
        register(pathToFileURL(path.join(__dirname, "esm-hooks.mjs")).href, pathToFileURL(__filename).href, { data: setup });
        return;
    }
    // The program's transpiled files are kept in the check's cache (compile-cache/), as the
    // check's own are: transpiling the stagecraft program's ~120 files took ~4 s of every run.
    // The output is what the same ts-node and TypeScript give for the same file and settings.
    const cacheDir = transpileCacheDir();
    const sourceMapSupport = resolveFrom(createRequire(setup.tsnode), "@cspotcode/source-map-support");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const maps = sourceMapSupport === undefined ? undefined : require(sourceMapSupport) as unknown;
    if (maps !== undefined && registerLazily(setup.tsnode, setup.options, cacheDir, maps)) return;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsnode = require(setup.tsnode) as { register(o: Record<string, unknown>): unknown; VERSION: string };
    const service = tsnode.register(setup.options) as CompilingService;
    if (maps !== undefined) cacheCompiles(service, cacheDir, tsnode.VERSION, maps);
}

/** What an ES module program's entry is when it names a folder: the first index the language host looks for. */
const ESM_INDEX_FILES = ["index.js", "index.mjs", "index.ts", "index.mts"];

/**
 * Runs the program's entry as the nodejs language host does: `require` for CommonJS, `import` for
 * an ES module (a folder's index; the default export if it has one, and never both a default and
 * named exports); an exported function is called and its result awaited (async entry points,
 * `export =`, `module.exports = async () => ...`).
 */
export async function runEntry(entry: string, programDir: string): Promise<unknown> {
    let exported: unknown;
    if (isEsModuleProgram(programDir)) {
        let main = fs.realpathSync(path.resolve(entry));
        if (fs.statSync(main).isDirectory()) {
            const index = ESM_INDEX_FILES.find((f) => fs.existsSync(path.join(main, f)));
            if (!index) throw new Error(`No entrypoint found in ${main}`);
            main = path.join(main, index);
        }
        // A real dynamic import (TypeScript would turn `import()` into `require()` in CommonJS output).
        const importModule = new Function("url", "return import(url)") as (url: string) => Promise<Record<string, unknown>>;
        let namespace: Record<string, unknown> = await importModule(pathToFileURL(main).href);
        if (Object.getOwnPropertyDescriptor(namespace, "default") !== undefined) {
            if (Object.keys(namespace).length !== 1) {
                throw new Error("expected entrypoint module to have either a default export or named exports but not both");
            }
            namespace = namespace.default as Record<string, unknown>;
        }
        exported = namespace;
    } else {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        exported = require(entry);
    }
    return exported instanceof Function ? await (exported as () => unknown)() : exported;
}

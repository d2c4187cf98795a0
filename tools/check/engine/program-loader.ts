// Loads a Pulumi TypeScript/JavaScript program the way the Pulumi nodejs language host does:
// ts-node registered against the program's own tsconfig.json (and the program's own ts-node and
// typescript when it has them), entry point from Pulumi.yaml `main`, else package.json
// exports/main, else the directory's index.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { CheckError } from "../errors";

export interface LoadOptions {
    /** The program's working directory (where its tsconfig.json is). */
    programDir: string;
    /** Type-check the program as `pulumi preview` does by default (slower). */
    typecheck: boolean;
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

/**
 * Registers ts-node for the program's files (scoped to its npm package, so the checker's own
 * modules elsewhere are left alone). Uses the program's ts-node/typescript if it has them, else ours.
 */
export function registerTypeScript(opts: LoadOptions): void {
    const dir = path.resolve(opts.programDir);
    const req = programRequire(dir);
    const own = createRequire(__filename);
    const tsnodePath = resolveFrom(req, "ts-node") ?? own.resolve("ts-node");
    const compiler = resolveFrom(req, "typescript") ?? own.resolve("typescript");
    const tsconfig = path.join(dir, "tsconfig.json");
    const hasTsconfig = fs.existsSync(tsconfig);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsnode = require(tsnodePath) as { register(o: Record<string, unknown>): unknown };
    tsnode.register({
        compiler,
        project: hasTsconfig ? tsconfig : undefined,
        skipProject: !hasTsconfig,
        transpileOnly: !opts.typecheck,
        typeCheck: opts.typecheck,
        scope: true,
        scopeDir: packageRoot(dir),
        compilerOptions: hasTsconfig ? {} : { target: "ES2020", module: "commonjs", moduleResolution: "node", esModuleInterop: true },
    });
}

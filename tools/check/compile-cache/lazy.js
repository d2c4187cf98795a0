// A lazy ts-node registration for transpile-only compiles served from the cache (cache.js): when
// every file a process loads is in the cache, neither ts-node nor TypeScript is loaded at all.
// Creating a ts-node service costs ~0.7 s of CPU (loading TypeScript, reading the tsconfig), as
// much as everything else the CLI does before it starts the worker and the packs; the pack
// process pays it again. On the first file not in the cache, the real service is created with
// the same options and compiles it (and every later miss).
// It mirrors ts-node's `register` only for the setups it fully understands: `.ts` files,
// CommonJS or ES module output as the compiler options and package.json say, the default ignore
// rule (node_modules), `scope`/`scopeDir`, a tsconfig without `extends`, a "ts-node" section,
// `allowJs` or `jsx`. For any other option or TS_NODE_* setting it returns undefined, and the
// caller registers ts-node as before (with the cache on the service).
"use strict";
const fs = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const { cacheKey, readCached, writeCached } = require("./cache");

/** Options of `register` the lazy registration reproduces; anything else means ts-node itself. */
const UNDERSTOOD_OPTIONS = new Set(["transpileOnly", "typeCheck", "skipProject", "project", "compiler", "compilerOptions", "scope", "scopeDir"]);
const UNDERSTOOD_ENV = new Set(["TS_NODE_TRANSPILE_ONLY", "TS_NODE_PROJECT", "TS_NODE_SKIP_PROJECT", "TS_NODE_SCOPE", "TS_NODE_SCOPE_DIR", "TS_NODE_COMPILER_OPTIONS"]);
/** tsconfig settings that change which files ts-node compiles or how it is configured. */
const TSCONFIG_BEYOND = /"(extends|ts-node|allowJs|jsx)"\s*:/;

const yes = (v) => v !== undefined && /^(1|true|yes|y|on)$/i.test(String(v));

function findUp(dir, name) {
    for (let d = dir; ; d = path.dirname(d)) {
        const candidate = path.join(d, name);
        if (fs.existsSync(candidate)) return candidate;
        if (path.dirname(d) === d) return undefined;
    }
}

function packageVersion(resolvedFile) {
    const pkg = findUp(path.dirname(resolvedFile), "package.json");
    return pkg ? String(JSON.parse(fs.readFileSync(pkg, "utf8")).version) : "unknown";
}

/** The TypeScript ts-node would load: `compiler` (a name or a path), from `projectDir`, else beside ts-node. */
function typescriptVersion(compiler, projectDir, tsnodePath) {
    const name = compiler ?? "typescript";
    if (path.isAbsolute(name)) return `${name}@${packageVersion(name)}`;
    for (const from of [path.join(projectDir, "__offline_check__.js"), tsnodePath]) {
        try {
            const resolved = createRequire(from).resolve(name);
            return `${resolved}@${packageVersion(resolved)}`;
        } catch {
            // try the next place
        }
    }
    return undefined;
}

/**
 * Installs a `.ts` loader that serves compiles from `cacheDir` and creates the ts-node service
 * (`require(tsnodePath).create(options)`) only on a miss; `sourceMapSupport` gets the outputs'
 * maps. Returns false, installing nothing, when the setup is beyond what it mirrors.
 */
function registerLazily(tsnodePath, options, cacheDir, sourceMapSupport) {
    const env = process.env;
    if (Object.keys(options).some((k) => !UNDERSTOOD_OPTIONS.has(k) && options[k] !== undefined)) return false;
    if (Object.keys(env).some((k) => k.startsWith("TS_NODE_") && !UNDERSTOOD_ENV.has(k))) return false;
    if (!(options.transpileOnly ?? yes(env.TS_NODE_TRANSPILE_ONLY)) || options.typeCheck === true) return false;
    const cwd = process.cwd();
    const skipProject = options.skipProject ?? yes(env.TS_NODE_SKIP_PROJECT);
    const projectOption = options.project ?? env.TS_NODE_PROJECT;
    const tsconfig = skipProject ? undefined : projectOption ? path.resolve(cwd, projectOption) : findUp(cwd, "tsconfig.json");
    let tsconfigText = "";
    if (tsconfig !== undefined) {
        try {
            tsconfigText = fs.readFileSync(tsconfig, "utf8");
        } catch {
            // ts-node reports a missing project file itself.
            return false;
        }
        if (TSCONFIG_BEYOND.test(tsconfigText)) return false;
    }
    // ts-node resolves the compiler from the project's folder (the tsconfig's), else the working one.
    const tsVersion = typescriptVersion(options.compiler ?? env.TS_NODE_COMPILER, tsconfig ? path.dirname(tsconfig) : cwd, tsnodePath);
    if (tsVersion === undefined) return false;
    const scope = options.scope ?? yes(env.TS_NODE_SCOPE);
    const scopeDir = path.resolve(cwd, options.scopeDir ?? env.TS_NODE_SCOPE_DIR ?? (tsconfig ? path.dirname(tsconfig) : cwd));
    const settings = JSON.stringify(["lazy", packageVersion(tsnodePath), tsVersion, options, env.TS_NODE_COMPILER_OPTIONS ?? null, tsconfig ?? null, tsconfigText]);

    let service;
    const real = () => (service ??= require(tsnodePath).create(options));
    const served = new Map();
    if (sourceMapSupport) sourceMapSupport.install({ environment: "node", retrieveFile: (p) => served.get(path.normalize(p)) ?? "" });
    // As ts-node does, what this registration does not compile goes to the loader that was there
    // before it: the plain one, or an earlier registration (the check's own, in the program worker).
    const previousLoader = require.extensions[".ts"] ?? require.extensions[".js"];
    const packageTypes = new Map();
    require.extensions[".ts"] = function loadTypeScript(m, filename) {
        // What ts-node ignores by default, and what lies outside its scope, goes to the previous loader.
        const outside = scope && path.relative(scopeDir, filename).startsWith("..");
        if (outside || /[\\/]node_modules[\\/]/.test(filename)) return previousLoader(m, filename);
        const code = fs.readFileSync(filename, "utf8");
        const key = cacheKey(settings, filename, packageTypes, code);
        let output = readCached(cacheDir, key);
        if (output === undefined) {
            const s = real();
            if (s.ignored(filename)) return previousLoader(m, filename);
            output = s.compile(code, filename);
            writeCached(cacheDir, key, output);
        }
        served.set(path.normalize(filename), output);
        m._compile(output, filename);
    };
    return true;
}

module.exports = { registerLazily };

// A disk cache of ts-node's transpile-only output, for the check's own processes (the CLI, the
// program worker) and the policy packs it starts. Transpiling is most of their start-up: the
// profile of an empty-program check (Node 20, 2 vCPUs) shows TypeScript busy 0.9 s in the CLI
// (42 files of tools/), 1.4 s in the worker and 1.4 s in the stagecraft pack (110 files), out of
// ~10 s of CPU for the whole run. The output of a transpile-only compile depends on the source,
// the file's path (the source map names it), the compiler options, the module format the file's
// package.json implies, and the TypeScript and ts-node versions; the key hashes all of them, so a
// changed file or setting compiles afresh and nothing stale is ever served. Only transpile-only
// services are cached: a type-checking compile reports diagnostics, which a cache would skip.
// Plain JavaScript: it runs before any TypeScript support is registered.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

/** Bump when what is stored changes shape. */
const FORMAT = "offline-check transpile cache 2";

/** The "type" of the package.json nearest to `dir` ("" when none): it decides CommonJS or ES module output. */
function packageTypeOf(dir, memo) {
    if (memo.has(dir)) return memo.get(dir);
    let type = "";
    const file = path.join(dir, "package.json");
    let text;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        text = undefined;
    }
    if (text !== undefined) {
        try {
            const parsed = JSON.parse(text);
            type = typeof parsed.type === "string" ? parsed.type : "";
        } catch {
            // ts-node (through TypeScript) reads an unparsable package.json as having no type.
            type = "";
        }
    } else {
        const parent = path.dirname(dir);
        type = parent === dir ? "" : packageTypeOf(parent, memo);
    }
    memo.set(dir, type);
    return type;
}

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half of it. */
function writeAtomically(file, text) {
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(temp, text);
        fs.renameSync(temp, file);
    } catch {
        // A cache that cannot be written only costs the next run a compile; the output is correct.
        try {
            fs.rmSync(temp, { force: true });
        } catch {
            // Nothing was written.
        }
    }
}

/** The cache key of one compile: `settings` (what configures the compiler), the file, its module type, its source. */
function cacheKey(settings, fileName, packageTypes, code) {
    return crypto
        .createHash("sha256")
        .update(FORMAT)
        .update("\0")
        .update(settings)
        .update("\0")
        .update(fileName)
        .update("\0")
        .update(packageTypeOf(path.dirname(fileName), packageTypes))
        .update("\0")
        .update(code)
        .digest("hex");
}

function entryFile(dir, key) {
    return path.join(dir, key.slice(0, 2), `${key}.js`);
}

/** The stored output for `key`, or undefined. */
function readCached(dir, key) {
    try {
        return fs.readFileSync(entryFile(dir, key), "utf8");
    } catch {
        return undefined;
    }
}

function writeCached(dir, key, output) {
    writeAtomically(entryFile(dir, key), output);
}

/**
 * Makes `service` (a transpile-only ts-node service, as `register` or `create` returns it) serve
 * compiles from `dir` and store new ones there. `sourceMapSupport` (the module ts-node installed)
 * learns the source maps of outputs served from the cache, so stack traces keep TypeScript lines.
 * Returns counts of hits and misses, for tests and tuning.
 */
function cacheCompiles(service, dir, tsNodeVersion, sourceMapSupport) {
    const stats = { hits: 0, misses: 0 };
    if (!service.options.transpileOnly) return stats;
    const compile = service.compile;
    const settings = JSON.stringify(["service", tsNodeVersion, service.ts.version, service.config.options, service.options.moduleTypes ?? null]);
    const served = new Map();
    const packageTypes = new Map();
    if (sourceMapSupport) {
        sourceMapSupport.install({ environment: "node", retrieveFile: (p) => served.get(path.normalize(p)) ?? "" });
    }
    service.compile = function cachedCompile(code, fileName, lineOffset) {
        // Line offsets are for the REPL's snippets: not worth a cache.
        if (lineOffset) return compile.call(this, code, fileName, lineOffset);
        const key = cacheKey(settings, fileName, packageTypes, code);
        let output = readCached(dir, key);
        if (output !== undefined) {
            stats.hits++;
            served.set(path.normalize(fileName), output);
            return output;
        }
        stats.misses++;
        output = compile.call(this, code, fileName, lineOffset);
        writeCached(dir, key, output);
        return output;
    };
    return stats;
}

module.exports = { cacheCompiles, cacheKey, readCached, writeCached };

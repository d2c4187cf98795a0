// `node -r tools/check/compile-cache/register.js`: what `-r ts-node/register/transpile-only` does
// (ts-node, transpile-only, options from the environment and the nearest tsconfig.json), with the
// transpiled files kept in the check's cache. For the check's own processes, the CLI and the
// program worker, which load ~40 files of tools/ each: lazily (lazy.js), so that a run whose
// files are all cached loads neither ts-node nor TypeScript for them; else with the cache on a
// ts-node service (cache.js).
"use strict";
const { createRequire } = require("node:module");
const { cacheCompiles } = require("./cache");
const { transpileCacheDir } = require("./dir");
const { registerLazily } = require("./lazy");

const tsnodePath = require.resolve("ts-node");
const sourceMapSupport = require(createRequire(tsnodePath).resolve("@cspotcode/source-map-support"));
const options = { transpileOnly: true };
if (!registerLazily(tsnodePath, options, transpileCacheDir(), sourceMapSupport)) {
    const tsnode = require(tsnodePath);
    cacheCompiles(tsnode.register(options), transpileCacheDir(), tsnode.VERSION, sourceMapSupport);
}

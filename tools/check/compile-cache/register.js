// `node -r tools/check/compile-cache/register.js`: what `-r ts-node/register/transpile-only` does
// (ts-node, transpile-only, options from the environment and the nearest tsconfig.json), with the
// transpiled files kept in the check's cache (cache.js). For the check's own processes: the CLI
// and the program worker load ~40 files of tools/ each, ~0.5 s of transpiling apiece.
"use strict";
const tsnode = require("ts-node");
const { cacheCompiles } = require("./cache");

const service = tsnode.register({ transpileOnly: true });
// The folder comes from the check's one definition of its cache (dir.ts), compiled by the service
// just registered; its two small files are the only ones transpiled outside the cache.
const { transpileCacheDir } = require("./dir");
cacheCompiles(service, transpileCacheDir(), tsnode.VERSION, require("@cspotcode/source-map-support"));

// Where transpiled TypeScript is kept: the `transpile` folder of the check's cache
// (engine/cache.ts: OFFLINE_CHECK_CACHE_DIR, else node_modules/.cache/offline-check of this
// repository). Plain JavaScript, because it is needed before TypeScript can be loaded; a test
// keeps it in step with engine/cache.ts.
"use strict";
const path = require("node:path");

function transpileCacheDir(env = process.env) {
    const fromEnv = env.OFFLINE_CHECK_CACHE_DIR;
    const root = fromEnv !== undefined && fromEnv !== "" ? path.resolve(fromEnv) : path.resolve(__dirname, "..", "..", "..", "node_modules", ".cache", "offline-check");
    return path.join(root, "transpile");
}

module.exports = { transpileCacheDir };

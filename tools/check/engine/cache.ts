// The check's cache folder: shapes of generated invoke answers (per SDK version) and type-check
// results (per program, by file hashes). Default `node_modules/.cache/offline-check/` of this
// repository (where tools cache by convention, ignored by git and removed with node_modules);
// OFFLINE_CHECK_CACHE_DIR moves it (CI can keep it between runs). Deleting it is always safe.
import * as path from "node:path";

export const CACHE_DIR_ENV = "OFFLINE_CHECK_CACHE_DIR";

export function checkCacheDir(env: NodeJS.ProcessEnv = process.env): string {
    const fromEnv = env[CACHE_DIR_ENV];
    if (fromEnv !== undefined && fromEnv !== "") return path.resolve(fromEnv);
    return path.resolve(__dirname, "..", "..", "..", "node_modules", ".cache", "offline-check");
}

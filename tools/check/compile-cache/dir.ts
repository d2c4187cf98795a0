// Where transpiled TypeScript is kept (compile-cache/cache.js): a folder of the check's cache.
import * as path from "node:path";
import { checkCacheDir } from "../engine/cache";

export function transpileCacheDir(env: NodeJS.ProcessEnv = process.env): string {
    return path.join(checkCacheDir(env), "transpile");
}

/** The `transpile` folder of the check's cache (see dir.js). */
export function transpileCacheDir(env?: NodeJS.ProcessEnv): string;

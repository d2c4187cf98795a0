/**
 * Installs a `.ts` loader that serves transpile-only compiles from `cacheDir` and creates the
 * ts-node service only on a miss; false (nothing installed) when the setup is beyond what it mirrors.
 */
export function registerLazily(tsnodePath: string, options: Record<string, unknown>, cacheDir: string, sourceMapSupport: unknown): boolean;

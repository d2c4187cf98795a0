/** The slice of a ts-node service the cache wraps. */
export interface CompilingService {
    options: { transpileOnly?: boolean; moduleTypes?: unknown };
    ts: { version: string };
    config: { options: unknown };
    compile(code: string, fileName: string, lineOffset?: number): string;
}

/** Makes a transpile-only service serve compiles from `dir`; counts hits and misses. */
export function cacheCompiles(service: CompilingService, dir: string, tsNodeVersion: string, sourceMapSupport?: unknown): { hits: number; misses: number };

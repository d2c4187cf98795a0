// What the check and its type-check process exchange (typecheck.ts, typecheck-worker.ts).

/** One thing to type-check: the program or a TypeScript policy pack, as ts-node would compile it. */
export interface TypecheckTarget {
    /** "program" or "policy pack NAME". */
    id: string;
    /** Its folder (ts-node's cwd: where tsconfig.json is looked up). */
    dir: string;
    /** The entry file compilation starts from (what the language host or run-policy-pack requires). */
    entry: string;
    /** ts-node's module path and the options the language host (or run-policy-pack) registers it with. */
    tsnode: string;
    options: Record<string, unknown>;
}

export interface TypecheckDiagnostic {
    file?: string;
    line?: number;
    column?: number;
    code: number;
    message: string;
}

export interface TargetResult {
    id: string;
    /** passed | failed (type errors) | skipped (nothing ts-node compiles) | error (the checker itself failed). */
    status: "passed" | "failed" | "skipped" | "error";
    diagnostics: TypecheckDiagnostic[];
    ms: number;
    /** Files checked. */
    files?: number;
    why?: string;
    /** Answered from the cache (no compiler run). */
    cached?: boolean;
}

export interface TypecheckRequest {
    targets: TypecheckTarget[];
    cacheDir: string;
}

export type TypecheckReply = { kind: "result"; result: TargetResult } | { kind: "done" };

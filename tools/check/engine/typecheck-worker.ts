// The type-check process: for each target (the program, each TypeScript policy pack) it builds the
// compiler options exactly as ts-node builds them for `pulumi preview` (ts-node's own `create`,
// with the options the nodejs language host or run-policy-pack registers), compiles from the entry
// point as ts-node would reach the files, and reports the diagnostics of every file ts-node itself
// would compile (in its scope, not ignored, not a declaration file). A clean target is recorded in
// the cache with the hashes of what decided the result (typecheck-cache.ts). Runs beside the plan,
// in its own process, so that it adds little wall time.
import type * as TS from "typescript";
import { cacheRecordFor, writeCacheRecord } from "./typecheck-cache";
import type { TypecheckDiagnostic, TypecheckReply, TypecheckRequest, TypecheckTarget, TargetResult } from "./typecheck-types";

interface TsNodeService {
    ts: typeof TS;
    config: TS.ParsedCommandLine;
    options: { ignoreDiagnostics?: Array<number | string> };
    ignored(fileName: string): boolean;
}

function toDiagnostic(ts: typeof TS, d: TS.Diagnostic): TypecheckDiagnostic {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file && d.start !== undefined) {
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return { file: d.file.fileName, line: line + 1, column: character + 1, code: d.code, message };
    }
    return { code: d.code, message };
}

/** The diagnostics a TSError (ts-node's config errors) carries. */
function fromTsError(err: unknown): TypecheckDiagnostic[] | undefined {
    const e = err as { diagnostics?: TS.Diagnostic[]; diagnosticText?: string; name?: string };
    if (e?.name !== "TSError") return undefined;
    return [{ code: 0, message: (e.diagnosticText ?? String(err)).trim() }];
}

/**
 * Parsed declaration files shared by the targets checked in this process (the program and the
 * packs read the same @pulumi/pulumi, @types/node and lib files): parsed once, by file, TypeScript
 * module and parse options.
 */
const parsedDeclarations = new Map<string, TS.SourceFile>();

function compilerHost(ts: typeof TS, options: TS.CompilerOptions): TS.CompilerHost {
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
        if (!fileName.endsWith(".d.ts")) return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
        const key = `${ts.version}\0${JSON.stringify(languageVersionOrOptions)}\0${fileName}`;
        let file = parsedDeclarations.get(key);
        if (!file) {
            file = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
            if (file) parsedDeclarations.set(key, file);
        }
        return file;
    };
    return host;
}

function checkTarget(target: TypecheckTarget, cacheDir: string): TargetResult {
    const started = Date.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsnode = require(target.tsnode) as { create(o: Record<string, unknown>): TsNodeService };
    let service: TsNodeService;
    try {
        service = tsnode.create({ ...target.options, cwd: target.dir, transpileOnly: true, typeCheck: false });
    } catch (err) {
        const diagnostics = fromTsError(err);
        if (!diagnostics) throw err;
        return { id: target.id, status: "failed", diagnostics, ms: Date.now() - started };
    }
    const ts = service.ts;
    if (service.ignored(target.entry)) {
        // A JavaScript entry ts-node does not compile (no allowJs): nothing is type-checked, as in a preview.
        return { id: target.id, status: "skipped", diagnostics: [], ms: Date.now() - started, why: "ts-node does not compile the entry (JavaScript without allowJs)" };
    }
    const ignoredCodes = new Set([6059, 18002, 18003, ...(service.options.ignoreDiagnostics ?? []).map(Number)]);
    const configErrors = service.config.errors.filter((d) => !ignoredCodes.has(d.code));
    const options = { ...service.config.options, noEmit: true };
    const program = ts.createProgram({
        rootNames: [target.entry],
        options,
        projectReferences: service.config.projectReferences,
        host: compilerHost(ts, options),
    });
    const diagnostics: TypecheckDiagnostic[] = configErrors.map((d) => toDiagnostic(ts, d));
    const checked: string[] = [];
    for (const sf of program.getSourceFiles()) {
        if (sf.isDeclarationFile || service.ignored(sf.fileName)) continue;
        checked.push(sf.fileName);
        for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
            if (!ignoredCodes.has(d.code)) diagnostics.push(toDiagnostic(ts, d));
        }
    }
    const ms = Date.now() - started;
    if (diagnostics.length > 0) return { id: target.id, status: "failed", diagnostics, ms, files: checked.length };
    const configFile = service.config.options.configFile as (TS.TsConfigSourceFile & { extendedSourceFiles?: string[] }) | undefined;
    const configFiles = [configFile?.fileName, ...(configFile?.extendedSourceFiles ?? [])].filter((f): f is string => typeof f === "string");
    writeCacheRecord(cacheDir, target, cacheRecordFor(target, [...program.getSourceFiles().map((sf) => sf.fileName), ...configFiles]));
    return { id: target.id, status: "passed", diagnostics: [], ms, files: checked.length };
}

async function main(): Promise<void> {
    process.on("disconnect", () => process.exit(1));
    const request = await new Promise<TypecheckRequest>((resolve) => process.once("message", (m: TypecheckRequest) => resolve(m)));
    const send = (reply: TypecheckReply) => new Promise<void>((resolve) => process.send!(reply, undefined, {}, () => resolve()));
    for (const target of request.targets) {
        let result: TargetResult;
        try {
            result = checkTarget(target, request.cacheDir);
        } catch (err) {
            result = { id: target.id, status: "error", diagnostics: [], ms: 0, why: err instanceof Error ? err.message : String(err) };
        }
        await send({ kind: "result", result });
        // A failed target decides the run: the others need not be checked.
        if (result.status === "failed") break;
    }
    await send({ kind: "done" });
    process.exit(0);
}

if (require.main === module) {
    void main();
}

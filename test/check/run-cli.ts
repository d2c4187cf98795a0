// Runs `npm run check` (tools/check/cli.ts) as a child process, the way CI does, and returns
// its exit code, output and JSON report. Tests share runs through mocha's before().
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Report } from "../../tools/check";

export const REPO = path.resolve(__dirname, "..", "..");
export const FIXTURES = path.join(REPO, "test", "fixtures");
export const FIXTURE_APP = path.join(FIXTURES, "app");
export const TS_PACK = path.join(FIXTURES, "policy-pack-ts");
export const JS_PACK = path.join(FIXTURES, "policy-pack-js");
export const POLICY_CONFIG = path.join(FIXTURES, "policy-config");
export const HOSTILE = path.join(FIXTURES, "hostile");
export const CLI_ARGS = ["-r", "ts-node/register/transpile-only", path.join(REPO, "tools", "check", "cli.ts")];

/** What --json writes when the run fails (exit 2): the error, and the run's names when known. */
/** A line of a Node stack trace: an error the CLI reports must not carry one without --verbose. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** CLI arguments that check the program in `root/name` as `stack`, then `more`. */
export function programArgs(root: string, name: string, stack: string, ...more: string[]): string[] {
    return ["--program", path.join(root, name), "--stack", stack, ...more];
}

export interface ErrorReport {
    error: { message: string; file?: string };
    project?: string;
    stack?: string;
}

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
    report?: Report;
    /** The JSON file's content when it holds an error report instead of a report. */
    errorReport?: ErrorReport;
}

/** The environment the CLI runs with (ts-node compiles tools/ with this repository's tsconfig). */
export function cliEnv(extra?: Record<string, string>): NodeJS.ProcessEnv {
    // CI cleared: the check shows progress lines in CI, and the tests read its stderr.
    return { ...process.env, CI: "", TS_NODE_PROJECT: path.join(REPO, "tsconfig.json"), ...extra };
}

/**
 * Runs the check CLI with `args`; adds --json to a temp file unless `json` is false. Type-checking
 * (on by default, as in pulumi preview) is turned off with --no-typecheck unless `typecheck` is
 * true or the args say either way: the tests of type-checking run it on purpose (check-typecheck,
 * check-stagecraft), the others test other behaviour on fixtures they keep small.
 */
export function runCli(args: string[], opts?: { json?: boolean; env?: Record<string, string>; typecheck?: boolean }): Promise<CliRun> {
    const jsonFile = opts?.json === false ? undefined : path.join(fs.mkdtempSync(path.join(os.tmpdir(), "check-test-")), "report.json");
    const typecheck = opts?.typecheck === true || args.includes("--typecheck") || args.includes("--no-typecheck") ? [] : ["--no-typecheck"];
    const fullArgs = [...CLI_ARGS, ...args, ...typecheck, ...(jsonFile ? ["--json", jsonFile] : [])];
    return new Promise((resolve) => {
        execFile(process.execPath, fullArgs, { cwd: REPO, maxBuffer: 64 * 1024 * 1024, env: cliEnv(opts?.env) }, (err, stdout, stderr) => {
            const code = err ? ((err as NodeJS.ErrnoException & { code?: number }).code as unknown as number) ?? 1 : 0;
            let report: Report | undefined;
            let errorReport: ErrorReport | undefined;
            if (jsonFile && fs.existsSync(jsonFile)) {
                const text = fs.readFileSync(jsonFile, "utf8");
                const parsed = (text.trim() === "" ? {} : JSON.parse(text)) as Report & Partial<ErrorReport>;
                if (parsed.error) errorReport = parsed as ErrorReport;
                else if (text.trim() !== "") report = parsed;
                fs.rmSync(path.dirname(jsonFile), { recursive: true, force: true });
            }
            resolve({ code: typeof code === "number" ? code : 1, stdout, stderr, report, errorReport });
        });
    });
}

/** Runs named cases two at a time (CI machines have two cores) and returns their results. */
export async function runBatched(cases: Record<string, { args: string[]; json?: boolean; env?: Record<string, string>; typecheck?: boolean }>): Promise<Record<string, CliRun>> {
    const runs: Record<string, CliRun> = {};
    const entries = Object.entries(cases);
    for (let i = 0; i < entries.length; i += 2) {
        const batch = entries.slice(i, i + 2);
        const results = await Promise.all(batch.map(([, c]) => runCli(c.args, { json: c.json, env: c.env, typecheck: c.typecheck })));
        batch.forEach(([name], j) => (runs[name] = results[j]));
    }
    return runs;
}

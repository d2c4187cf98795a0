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

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
    report?: Report;
}

/** Runs the check CLI with `args`; adds --json to a temp file unless `json` is false. */
export function runCli(args: string[], opts?: { json?: boolean }): Promise<CliRun> {
    const jsonFile = opts?.json === false ? undefined : path.join(fs.mkdtempSync(path.join(os.tmpdir(), "check-test-")), "report.json");
    const fullArgs = ["-r", "ts-node/register/transpile-only", path.join(REPO, "tools", "check", "cli.ts"), ...args, ...(jsonFile ? ["--json", jsonFile] : [])];
    return new Promise((resolve) => {
        execFile(process.execPath, fullArgs, { cwd: REPO, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, "tsconfig.json") } }, (err, stdout, stderr) => {
            const code = err ? ((err as NodeJS.ErrnoException & { code?: number }).code as unknown as number) ?? 1 : 0;
            let report: Report | undefined;
            if (jsonFile && fs.existsSync(jsonFile)) {
                report = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Report;
                fs.rmSync(path.dirname(jsonFile), { recursive: true, force: true });
            }
            resolve({ code: typeof code === "number" ? code : 1, stdout, stderr, report });
        });
    });
}

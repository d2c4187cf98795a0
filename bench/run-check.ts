// One run of the offline check's CLI, as `npm run check` starts it (node, ts-node transpile-only),
// on a generated program with one policy pack (or none): its wall time from spawn to exit, and
// what its JSON report says about the run (timings, peak memory of all its processes, verdicts).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Report } from "../tools/check";
import { REPO } from "./packs";

const CLI = path.join(REPO, "tools", "check", "cli.ts");
/** As package.json's "check" script starts the CLI: ts-node transpile-only with the check's transpile cache. */
const REGISTER = path.join(REPO, "tools", "check", "compile-cache", "register.js");

export interface RunSample {
    wallMs: number;
    /** Resources in the plan (the stack and the default provider included). */
    resources: number;
    workerStartupMs: number;
    programMs: number;
    policyMs: number;
    /** The largest sum of the resident memory of all the check's processes at one instant. */
    peakRssBytes: number;
    mandatory: number;
    advisory: number;
    /** One-minute load average when the run started (the machine is shared). */
    load1: number;
}

export interface RunSpec {
    programDir: string;
    /** A policy pack directory; undefined for a plan-only run (--no-policy). */
    packDir?: string;
    typecheck: boolean;
    /** The type-check cache folder (OFFLINE_CHECK_CACHE_DIR). */
    cacheDir: string;
    jsonFile: string;
}

export interface RunResult {
    sample: RunSample;
    /** The pack as it reported itself (name, version, policies); undefined for a plan-only run. */
    pack?: { name: string; version: string; policies: number };
}

export function runCheck(spec: RunSpec): Promise<RunResult> {
    const args = ["-r", REGISTER, CLI, "--program", spec.programDir, "--stack", "bench", "--json", spec.jsonFile];
    args.push(...(spec.packDir ? ["--policy-pack", spec.packDir] : ["--no-policy"]));
    if (!spec.typecheck) args.push("--no-typecheck");
    fs.rmSync(spec.jsonFile, { force: true });
    const load1 = os.loadavg()[0];
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const env = { ...process.env, OFFLINE_CHECK_CACHE_DIR: spec.cacheDir };
        execFile(process.execPath, args, { cwd: REPO, env, maxBuffer: 256 * 1024 * 1024 }, (err, _stdout, stderr) => {
            const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
            const code = (err as { code?: number } | null)?.code ?? 0;
            // Exit 1 is a verdict (a mandatory violation), not a failure of the run.
            if (code !== 0 && code !== 1) {
                reject(new Error(`the check failed on ${spec.programDir} with ${spec.packDir ?? "--no-policy"} (exit ${String(code)}):\n${stderr.trim()}`));
                return;
            }
            let report: Report;
            try {
                report = JSON.parse(fs.readFileSync(spec.jsonFile, "utf8")) as Report;
            } catch (readErr) {
                reject(new Error(`the check wrote no readable JSON report to ${spec.jsonFile}: ${(readErr as Error).message}`));
                return;
            }
            const pack = report.policyPacks[0];
            resolve({
                pack: pack ? { name: pack.name, version: pack.version, policies: pack.policies.length } : undefined,
                sample: {
                wallMs,
                resources: report.summary.resources,
                workerStartupMs: report.performance.workerStartupMs,
                programMs: report.performance.programMs,
                policyMs: report.performance.policyMs,
                peakRssBytes: report.performance.peakRssBytes.total,
                mandatory: report.summary.mandatory,
                advisory: report.summary.advisory,
                load1,
                },
            });
        });
    });
}

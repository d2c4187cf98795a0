// The offline check as an API: plan a stack of a Pulumi TypeScript program under the recording
// mock engine (preview semantics, or apply semantics with generated computed values) and enforce
// policy packs over the analyzer protocol, with no Pulumi CLI, no provider plugins and no cloud
// credentials. The CLI (cli.ts) is a thin shell.
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from "../mocks/invokes";
import { readProject, resolveStackConfig, StackConfigError, type ResolvedStackConfig } from "../stack-config";
import { checkCacheDir } from "./engine/cache";
import { readInvokeFixtures, type InvokeFixture } from "./engine/invoke-fixtures";
import { resolveProgramEntry, type ProgramEntry } from "./engine/program-loader";
import { describeTypecheck, packTarget, programTarget, startTypecheck, type TypecheckRun, type TypecheckTarget } from "./engine/typecheck";
import type { CheckMode, RecordedResource, Recording } from "./engine/types";
import { basePlan } from "./compare/base";
import { comparePlans } from "./compare/compare";
import { CheckError } from "./errors";
import { sampleMemory } from "./memory";
import { planStack, type Plan, type PlanProgress } from "./plan";
import type { PackSpec } from "./policy/run-packs";
import { compareWithPreview } from "./report/mode-diff";
import { buildReport, decideResult, type Report } from "./report/model";
import { IntentsError } from "../analyze/intents/schema";
import { proveForCheck } from "../analyze/intents/check";

export { CheckError } from "./errors";
export type { CheckMode } from "./engine/types";
export type { CheckResultKind, Report, ReportRemoteComponent, ReportResource, ReportViolation } from "./report/model";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const DEFAULT_POLICY_PACK = path.join(REPO_ROOT, "policies");

export interface CheckOptions {
    /** Program directory (with Pulumi.yaml); default: this repository. */
    programDir?: string;
    /** Stack name (reads Pulumi.<stack>.yaml); default "dev". */
    stack?: string;
    /** Policy pack directories; default: this repository's policies/. */
    policyPacks?: string[];
    /** --policy-pack-config files, matched to the packs by position. */
    policyPackConfigs?: string[];
    /** Plan only. */
    noPolicy?: boolean;
    /**
     * "preview" (default): computed values unknown, as `pulumi preview` sees them. "apply": ids and
     * computed outputs get deterministic, realistic values, so policies judge what `pulumi up`
     * would; the preview is planned beside it and the report marks the verdicts that differ.
     */
    mode?: CheckMode;
    /**
     * Type-check the program and TypeScript packs as `pulumi preview` does (default true): beside
     * the plan, in its own process, cached by file hashes; false skips it (--no-typecheck).
     */
    typecheck?: boolean;
    /** Account id for mocked ARNs and getCallerIdentity. */
    accountId?: string;
    /** Time limit of the program run, in seconds (default 600). */
    programTimeout?: number;
    /** Time limit of a pack's start and of each of its answers, in seconds (default 600). */
    policyTimeout?: number;
    /**
     * A git revision of the program (or a report file of an earlier run) to compare the plan
     * with: deletions and replacements of stateful or protected resources fail the run.
     */
    compareTo?: string;
    /** URNs or names whose deletion or replacement is intended (--accept-replace). */
    acceptReplace?: string[];
    /** A JSON or YAML file of answers for provider functions (data sources), keyed by token and arguments. */
    invokeFixtures?: string;
    /** A YAML file of intents to prove besides those the program's components declare. */
    intents?: string;
    verbose?: boolean;
    /** Told as the check goes (the CLI shows it on stderr). */
    progress?: PlanProgress;
}

const DEFAULT_TIMEOUT_SECONDS = 600;

export interface CheckResult {
    report: Report;
    /** 0 = no mandatory violation and nothing stateful replaced; 1 = otherwise. */
    exitCode: 0 | 1;
}

function resolveConfig(programDir: string, stack: string): ResolvedStackConfig & ProgramEntry {
    try {
        const project = readProject(programDir);
        if (project.runtime !== "nodejs") {
            throw new CheckError(`${project.file}: runtime '${project.runtime}' is not supported: the offline check runs nodejs (TypeScript/JavaScript) programs`, {
                file: project.file,
            });
        }
        const dir = project.stackConfigDir ? path.join(programDir, project.stackConfigDir) : programDir;
        if (![`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].some((f) => fs.existsSync(path.join(dir, f)))) {
            const available = fs.existsSync(dir)
                ? fs.readdirSync(dir).filter((f) => /^Pulumi\.[^.]+\.ya?ml$/.test(f)).map((f) => f.split(".")[1])
                : [];
            throw new CheckError(
                `no stack file Pulumi.${stack}.yaml in ${dir}${available.length ? ` (stacks here: ${available.join(", ")})` : ""}`,
                { file: path.join(dir, `Pulumi.${stack}.yaml`) },
            );
        }
        const resolved = resolveStackConfig(programDir, stack);
        return { ...resolved, ...resolveProgramEntry(programDir, project.main, project.file) };
    } catch (err) {
        if (err instanceof StackConfigError) {
            throw new CheckError(err.message, { file: err.file, detail: err.stack });
        }
        throw err;
    }
}

/**
 * The programs of this repository, whose stacks the default pack's per-stack configs were written
 * for. Another program's stack named `dev` or `prod` is not ours: it gets the pack's defaults.
 */
export const OWN_PROGRAMS: readonly string[] = [REPO_ROOT, path.join(REPO_ROOT, "bootstrap")];

function packSpecs(opts: CheckOptions, programDir: string, stack: string, notes: string[]): PackSpec[] {
    if (opts.noPolicy) return [];
    const configs = (opts.policyPackConfigs ?? []).map((f) => path.resolve(f));
    let dirs = (opts.policyPacks ?? []).map((d) => path.resolve(d));
    if (dirs.length === 0) {
        if (!fs.existsSync(path.join(DEFAULT_POLICY_PACK, "PulumiPolicy.yaml"))) {
            notes.push(`no policy pack at ${DEFAULT_POLICY_PACK} (PulumiPolicy.yaml missing): the plan was not checked against any policy`);
            return [];
        }
        dirs = [DEFAULT_POLICY_PACK];
    }
    for (const dir of dirs) {
        if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
            throw new CheckError(`policy pack directory ${dir} does not exist`, { file: dir });
        }
    }
    if (configs.length > 0 && configs.length !== dirs.length) {
        throw new CheckError(
            `${configs.length} --policy-pack-config file(s) for ${dirs.length} policy pack(s): give one config per --policy-pack, in the same order`,
        );
    }
    for (const file of configs) {
        if (!fs.existsSync(file)) throw new CheckError(`policy pack config ${file} does not exist`, { file });
    }
    if (configs.length > 0) return dirs.map((dir, i) => ({ dir, configFile: configs[i] }));
    // The per-stack policy config convention of the default pack, whether the pack is implied or
    // named (--policy-pack policies): policies/config/<stack>.json, as CI passes it to
    // `pulumi preview --policy-pack policies --policy-pack-config policies/config/<stack>.json`.
    // Only for this repository's own programs: those files set levels for our stacks' designs.
    const stackConfig = path.join(DEFAULT_POLICY_PACK, "config", `${stack}.json`);
    const isDefaultPack = (dir: string) => realPath(dir) === realPath(DEFAULT_POLICY_PACK);
    const ownProgram = OWN_PROGRAMS.some((p) => realPath(p) === realPath(programDir));
    return dirs.map((dir) => {
        if (!isDefaultPack(dir) || !fs.existsSync(stackConfig)) return { dir };
        if (!ownProgram) {
            notes.push(`policy config: the pack's defaults (${path.relative(REPO_ROOT, stackConfig)} is written for this repository's own stacks, not for this program; pass --policy-pack-config to use it)`);
            return { dir };
        }
        notes.push(`policy config: ${path.relative(REPO_ROOT, stackConfig)} (the stack's policy config for the default pack)`);
        return { dir, configFile: stackConfig };
    });
}

/**
 * Starts type-checking the program and the TypeScript packs, unless turned off: --no-typecheck,
 * PULUMI_NODEJS_TRANSPILE_ONLY=true or the tsconfig's noCheck (as the nodejs language host reads them).
 */
function startTypecheckOf(opts: CheckOptions, cfg: ProgramEntry, specs: PackSpec[], notes: string[], timeoutMs: number): TypecheckRun | undefined {
    if (opts.typecheck === false) {
        notes.push("type-check: skipped (--no-typecheck); pulumi preview type-checks TypeScript programs and packs");
        return undefined;
    }
    const targets: TypecheckTarget[] = [];
    const program = programTarget(cfg.workDir, cfg.entry);
    const transpileOnly = process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
    const noCheck = (program?.options.compilerOptions as Record<string, unknown> | undefined)?.noCheck === true;
    if (program && transpileOnly === "true") notes.push("type-check of the program: skipped, as by pulumi preview (PULUMI_NODEJS_TRANSPILE_ONLY=true)");
    else if (program && transpileOnly === undefined && noCheck) notes.push("type-check of the program: skipped, as by pulumi preview (noCheck in its tsconfig.json)");
    else if (program) targets.push(program);
    for (const spec of specs) {
        const pack = packTarget(spec.dir);
        if (pack) targets.push(pack);
    }
    if (targets.length === 0) {
        if (!program) notes.push("type-check: nothing to check (the program is JavaScript; pulumi preview type-checks TypeScript only)");
        return undefined;
    }
    return startTypecheck(targets, { cacheDir: checkCacheDir(), timeoutMs, verbose: opts.verbose });
}

/** What the report says about invoke answers: generated ones (not the account's), unused fixtures. */
function invokeNotes(recording: Recording, fixtures: InvokeFixture[], file: string | undefined): string[] {
    const notes: string[] = [];
    for (const [token, sources] of Object.entries(recording.invokeSources ?? {})) {
        if (sources.some((s) => s.startsWith("generated"))) {
            notes.push(`invoke ${token}: answered with values generated from the SDK's declaration of its result (realistic, not your account's); give real ones with --invoke-fixtures FILE`);
        }
    }
    const unused = fixtures.filter((f) => !(recording.usedFixtures ?? []).includes(f.label));
    for (const f of unused) notes.push(`--invoke-fixtures ${file}: ${f.label} answered no call (the program made no matching invoke)`);
    return notes;
}

function realPath(p: string): string {
    try {
        return fs.realpathSync(p);
    } catch {
        return path.resolve(p);
    }
}

/** Proves the intents on the plan; a malformed intents file or an unknown name exits 2. */
function proveIntentsOf(report: Report, recorded: RecordedResource[], opts: CheckOptions): Report["intents"] {
    const ids = new Map(recorded.map((r) => [r.urn, r.id]));
    try {
        return proveForCheck(report.resources.map((r) => ({ ...r, id: ids.get(r.urn) })), opts.intents && path.resolve(opts.intents), opts.accountId ?? DEFAULT_ACCOUNT_ID);
    } catch (err) {
        if (err instanceof IntentsError) throw new CheckError(err.message, { file: opts.intents });
        throw err;
    }
}

export async function runCheck(opts: CheckOptions = {}): Promise<CheckResult> {
    const started = Date.now();
    const programDir = path.resolve(opts.programDir ?? REPO_ROOT);
    const stack = opts.stack ?? "dev";
    if (!fs.existsSync(programDir) || !fs.statSync(programDir).isDirectory()) {
        throw new CheckError(`program directory ${programDir} does not exist`, { file: programDir });
    }
    const cfg = resolveConfig(programDir, stack);
    const notes = [...cfg.notes];
    const specs = packSpecs(opts, programDir, stack, notes);
    const fixturesFile = opts.invokeFixtures !== undefined ? path.resolve(opts.invokeFixtures) : undefined;
    const invokeFixtures = fixturesFile ? readInvokeFixtures(fixturesFile) : [];
    const mode = opts.mode ?? "preview";
    const env = { project: cfg.project, stack, organization: "organization", config: cfg.config, secretKeys: cfg.secretKeys };

    const memory = sampleMemory();
    const policyLimits = { timeoutMs: (opts.policyTimeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000, timeoutSource: "--policy-timeout" };
    const programTimeoutMs = (opts.programTimeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    // Type-checking runs beside the plan; a type error stops the plan and fails the run.
    const typecheck = startTypecheckOf(opts, cfg, specs, notes, programTimeoutMs);
    const abort = new AbortController();
    typecheck?.onFailure((err) => abort.abort(err));
    try {
        const settings = {
            params: {
                programDir,
                workDir: cfg.workDir,
                entry: cfg.entry,
                project: cfg.project,
                stack,
                config: cfg.config,
                secretKeys: cfg.secretKeys,
                // Every secret key of the stack config is a `secure:` value, which the program sees
                // as a placeholder (tools/stack-config).
                undecryptedKeys: cfg.secretKeys,
                // The program runs as in a preview in both modes: an output the check does not
                // model stays unknown (and says so) instead of becoming undefined.
                preview: true,
                region: cfg.config["aws:region"] ?? process.env.AWS_REGION ?? DEFAULT_REGION,
                accountId: opts.accountId ?? DEFAULT_ACCOUNT_ID,
                invokeFixtures,
                cacheDir: checkCacheDir(),
            },
            specs,
            env,
            policyLimits,
            programTimeoutMs,
            verbose: opts.verbose ?? false,
            progress: opts.progress,
            signal: abort.signal,
        };
        // Apply mode plans the preview beside the apply plan (as `pulumi up` previews first), in
        // parallel: the report compares their verdicts. A failure of either stops the other.
        const modes: CheckMode[] = mode === "apply" ? ["apply", "preview"] : ["preview"];
        const settled = await Promise.allSettled(modes.map((m) => planStack(m, settings).catch((err: unknown) => {
            if (!abort.signal.aborted) abort.abort(err);
            throw err;
        })));
        const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
        if (failure) throw abort.signal.aborted ? abort.signal.reason : failure.reason;
        const [main, preview] = settled.map((r) => (r as PromiseFulfilledResult<Plan>).value);
        const { run, resources, policy, policyMs } = main;
        notes.push(...invokeNotes(run.recording, invokeFixtures, fixturesFile));
        const typeError = await typecheck?.error();
        if (typeError) throw typeError;
        if (typecheck) notes.push(describeTypecheck(await typecheck.done));
        const report = buildReport({
            programDir,
            files: cfg.files,
            recording: run.recording,
            resources,
            policy,
            notes,
            mode,
            timings: { wallMs: Date.now() - started, policyMs, peakTotalRssBytes: memory.stop() },
        });
        const previewReport = preview && buildReport({
            programDir, files: cfg.files, recording: preview.run.recording, resources: preview.resources, policy: preview.policy, notes: [], mode: "preview",
            timings: { wallMs: 0, policyMs: preview.policyMs, peakTotalRssBytes: 0 },
        });
        if (previewReport) compareWithPreview(report, previewReport);
        report.intents = proveIntentsOf(report, resources, opts);
        if (opts.compareTo !== undefined) {
            // The deployed revision is planned the same way, without policies.
            const base = await basePlan(opts.compareTo, programDir, stack, async (oldProgramDir) => (await runCheck({
                programDir: oldProgramDir, stack, noPolicy: true, accountId: opts.accountId, programTimeout: opts.programTimeout, verbose: opts.verbose,
                invokeFixtures: opts.invokeFixtures, typecheck: false,
            })).report.resources);
            // Upgrade safety compares plans as a preview shows them: in apply mode the preview planned
            // beside it, so that generated values (known here, unknown in the deployed revision's
            // plan) never read as changed inputs and both modes give the same comparison.
            const planned = (previewReport || report).resources;
            report.comparison = base.resources === undefined
                ? { ...comparePlans(base.label, [], planned, opts.acceptReplace), note: `stack ${stack} does not exist at ${base.label}: everything is new` }
                : comparePlans(base.label, base.resources, planned, opts.acceptReplace);
        }
        report.result = decideResult(report);
        return { report, exitCode: report.result === "failed" ? 1 : 0 };
    } catch (err) {
        // A preview type-checks as it loads the program: a type error is what it reports first.
        const typeError = await typecheck?.error();
        throw typeError ?? err;
    } finally {
        memory.stop();
    }
}

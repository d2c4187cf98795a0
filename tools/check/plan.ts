// One plan of a stack in one mode: the program runs in its worker, every registration streams to
// policy packs started for this plan, and AnalyzeStack runs at the end. `--mode apply` makes two
// of these side by side (apply and preview), so that the report can say which verdicts only
// `pulumi up` would give; the default mode makes one.
import { DefaultProviders, withProviders } from "./engine/providers";
import { runProgram, type ProgramRun } from "./engine/run-program";
import type { CheckMode, RecordedResource, WorkerParams } from "./engine/types";
import type { PackEnvironment } from "./policy/launch";
import { PolicySession, startPacks, stopPacks, type PackSpec, type PolicyLimits, type PolicyRun } from "./policy/run-packs";

export interface PlanSettings {
    /** The worker's parameters, all but the mode. */
    params: Omit<WorkerParams, "mode">;
    specs: PackSpec[];
    /** The stack's names and config, as the packs get them (dryRun is set by the mode). */
    env: Omit<PackEnvironment, "dryRun"> & { secretKeys: string[] };
    policyLimits: PolicyLimits;
    programTimeoutMs: number;
    verbose: boolean;
    /** Told as the plan goes: each registration, the end of the program run, the end of policy evaluation. */
    progress?: PlanProgress;
    /** Stops the plan (its worker is killed and its packs stopped); the plan rejects with the reason. */
    signal: AbortSignal;
}

export interface PlanProgress {
    resource(mode: CheckMode): void;
    programDone(mode: CheckMode, resources: number): void;
    policiesDone(mode: CheckMode): void;
}

export interface Plan {
    mode: CheckMode;
    run: ProgramRun;
    /** Every registration, with the engine's default providers. */
    resources: RecordedResource[];
    policy?: PolicyRun;
    /** From the end of the program run to the end of policy evaluation. */
    policyMs: number;
}

/** Rejects with the signal's reason as soon as it is aborted; else settles as `work` does. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
}

/**
 * Plans the program in `mode` and polices it. Apply mode tells the packs, as the engine does during
 * an update, that this is not a dry run (ConfigureStack, PULUMI_NODEJS_DRY_RUN).
 */
export async function planStack(mode: CheckMode, s: PlanSettings): Promise<Plan> {
    const env: PackEnvironment = { ...s.env, dryRun: mode === "preview" };
    // Packs boot while the program runs; they are compiled transpile-only (the type-check covers them).
    const packs = startPacks(s.specs, env, { verbose: s.verbose, typecheck: false, ...s.policyLimits });
    let session: PolicySession | undefined;
    try {
        // Resources stream in from the program run; each is handed to the policy packs at once.
        const defaults = new DefaultProviders(s.params.config, s.params.secretKeys, s.params.stack, s.params.project);
        const byUrn = new Map<string, RecordedResource>();
        const providerOf = (r: RecordedResource) => (r.provider ? byUrn.get(r.provider) : undefined);
        session = packs.length > 0 ? new PolicySession(packs, { ...env, secretKeys: s.env.secretKeys }, providerOf, s.policyLimits) : undefined;
        const admit = (r: RecordedResource) => {
            byUrn.set(r.urn, r);
            session?.add(r);
        };
        const run = await runProgram(
            { ...s.params, mode },
            {
                verbose: s.verbose,
                timeoutMs: s.programTimeoutMs,
                timeoutSource: "--program-timeout",
                signal: s.signal,
                listener: {
                    resource: (r) => {
                        const provider = defaults.assign(r);
                        if (provider) admit(provider);
                        admit(r);
                        s.progress?.resource(mode);
                    },
                },
            },
        );
        const resources = withProviders(run.recording.resources, defaults.all());
        const programDone = Date.now();
        s.progress?.programDone(mode, resources.length);
        const policy = session ? await untilAborted(session.finish(resources), s.signal) : undefined;
        if (session) s.progress?.policiesDone(mode);
        return { mode, run, resources, policy, policyMs: Date.now() - programDone };
    } finally {
        session?.close();
        await stopPacks(packs);
    }
}

// Drives policy packs over the analyzer protocol in the order the engine does: handshake,
// ConfigureStack, GetAnalyzerInfo, GetPluginInfo, Configure (reconciled policy config), then per
// resource Remediate (when a policy remediates) and Analyze, then AnalyzeStack with every
// resource, its parent, dependencies and property dependencies; finally the pack is stopped.
import type { ChildProcess } from "node:child_process";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as path from "node:path";
import type { Json, RecordedResource } from "../engine/types";
import { BOOT_MIN_MS, stopChild } from "../children";
import { CheckError, formatSeconds } from "../errors";
import { AnalyzerClient, isDeadlineExceeded, isUnimplemented } from "./client";
import { launchPack, type LaunchedPack, type LaunchOptions, type PackEnvironment } from "./launch";
import { analyzeRequest, analyzerResource } from "./marshal";
import {
    readPolicyConfigFile,
    reconcilePolicyConfig,
    type EnforcementLevel,
    type PolicyConfigFile,
    type PolicyMeta,
} from "./pack-config";

export interface PackSpec {
    dir: string;
    configFile?: string;
}

export interface Violation {
    policyPack: string;
    policyPackVersion: string;
    policy: string;
    description: string;
    enforcementLevel: Exclude<EnforcementLevel, "disabled">;
    /** URN of the resource; "" for a stack-level violation. */
    urn: string;
    message: string;
    /** Reported by AnalyzeStack (a stack policy): during `pulumi up` that runs after every resource is created. */
    stackPolicy?: true;
}

export interface PackReport {
    name: string;
    version: string;
    dir: string;
    policies: Array<{ name: string; enforcementLevel: EnforcementLevel }>;
    peakRssBytes: number;
    startMs: number;
}

export interface PolicyRun {
    violations: Violation[];
    packs: PackReport[];
    notes: string[];
    /** Inputs after remediation, by URN (only for remediated resources). */
    remediated: Map<string, Record<string, Json>>;
}

export interface StartedPack {
    spec: PackSpec;
    child: ChildProcess;
    launched: Promise<LaunchedPack>;
    startedAt: number;
    readyAt?: number;
}

const LEVEL_BY_ENUM: Record<number, EnforcementLevel> = {
    [analyzerProto.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerProto.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerProto.EnforcementLevel.REMEDIATE]: "remediate",
    [analyzerProto.EnforcementLevel.DISABLED]: "disabled",
};
const ENUM_BY_LEVEL: Record<EnforcementLevel, analyzerProto.EnforcementLevel> = {
    advisory: analyzerProto.EnforcementLevel.ADVISORY,
    mandatory: analyzerProto.EnforcementLevel.MANDATORY,
    remediate: analyzerProto.EnforcementLevel.REMEDIATE,
    disabled: analyzerProto.EnforcementLevel.DISABLED,
};

const IN_FLIGHT = 64;

/** Starts every pack now (they boot while the program runs). */
export function startPacks(specs: PackSpec[], env: PackEnvironment, opts: LaunchOptions): StartedPack[] {
    const started: StartedPack[] = [];
    try {
        for (const spec of specs) {
            const pending = launchPack(spec.dir, env, opts);
            const s: StartedPack = { spec, startedAt: Date.now(), child: pending.child, launched: pending.ready };
            s.launched.then(
                () => (s.readyAt = Date.now()),
                () => undefined,
            );
            started.push(s);
        }
    } catch (err) {
        for (const s of started) void stopChild(s.child, 0);
        throw err;
    }
    return started;
}

/** Stops packs that were started, whatever state they are in (SIGKILL when SIGTERM is not enough). */
export async function stopPacks(started: StartedPack[]): Promise<void> {
    await Promise.all(
        started.map(async (s) => {
            if (s.readyAt === undefined) {
                await stopChild(s.child, 0);
                return;
            }
            await (await s.launched).stop();
        }),
    );
}

/** What a pack said, on one line: a failing policy's message and cause, without stack frames. */
export function grpcMessage(err: unknown): string {
    const e = err as { details?: string; message?: string };
    const text = e.details || e.message || String(err);
    return text
        .split("\n")
        .filter((line) => !/^\s+at\s/.test(line) && line.trim() !== "")
        .map((line) => line.trim())
        .join(" ");
}

/** "type name, type name, ... and N more" for a list of URNs. */
function describeUrns(urns: string[], max = 5): string {
    const names = urns.slice(0, max).map((urn) => {
        const parts = urn.split("::");
        return parts.length >= 4 ? `${parts[2].split("$").pop()} ${parts.slice(3).join("::")}` : urn;
    });
    return names.join(", ") + (urns.length > max ? ` and ${urns.length - max} more` : "");
}

/** Timeouts of the packs' answers, as the CLI set them (for messages). */
export interface PolicyLimits {
    timeoutMs: number;
    timeoutSource?: string;
}

/**
 * The error for a failed call to a pack, `doing` what ("analyzing urn:..."): the pack did not
 * answer in time, its process exited (waits a moment for the exit to be seen), or it answered with
 * an error (a policy threw). One line; the pack's output goes to `detail` (shown with --verbose).
 */
/** One wait per pack process for its exit (every failed call of a dying pack asks). */
const exits = new WeakMap<ChildProcess, Promise<void>>();
function exitedOrAfter(child: ChildProcess, ms: number): Promise<void> {
    let exited = exits.get(child);
    if (exited === undefined) {
        exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        exits.set(child, exited);
    }
    return Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
}

async function packFailure(
    pack: { name: string; launched: LaunchedPack; inFlight?: Set<string> },
    doing: string,
    err: unknown,
    limits: PolicyLimits,
): Promise<CheckError> {
    // Which calls were out when the process died: any of them may be the one it died on.
    const inFlight = [...(pack.inFlight ?? [])];
    const child = pack.launched.child;
    const where = `policy pack ${pack.name} (${pack.launched.dir})`;
    const detail = [grpcMessage(err), pack.launched.output()].filter((t) => t !== "").join("\n\n");
    if (isDeadlineExceeded(err)) {
        return new CheckError(`${where} did not answer within ${formatSeconds(limits.timeoutMs)} (${limits.timeoutSource ?? "time limit"}) while ${doing}`, {
            file: pack.launched.dir,
            detail,
        });
    }
    if (child.exitCode === null && child.signalCode === null) await exitedOrAfter(child, 1000);
    if (child.exitCode !== null || child.signalCode !== null) {
        const how = child.signalCode ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;
        const said = pack.launched.output().trim().split("\n").filter((l) => l.trim() !== "" && !/^\s+at\s/.test(l)).pop();
        const during =
            inFlight.length > 1
                ? `during the analysis, with ${inFlight.length} resources in flight (${describeUrns(inFlight)})`
                : `while ${doing}`;
        return new CheckError(`${where} ${how} ${during}${said ? `; its last output: ${said.trim()}` : ""}`, { file: pack.launched.dir, detail });
    }
    return new CheckError(`${where} failed while ${doing}: ${grpcMessage(err)}`, { file: pack.launched.dir, detail });
}

interface ConnectedPack {
    launched: LaunchedPack;
    client: AnalyzerClient;
    name: string;
    version: string;
    levels: Map<string, EnforcementLevel>;
    remediates: boolean;
    report: PackReport;
    /** URNs whose Remediate/Analyze call is out (to say what a pack that died was doing). */
    inFlight: Set<string>;
}

async function connect(
    started: StartedPack,
    env: PackEnvironment & { secretKeys: string[] },
    configFile: PolicyConfigFile | undefined,
    notes: string[],
    limits: PolicyLimits,
): Promise<ConnectedPack> {
    const launched = await started.launched;
    // Connecting and configuring are part of the pack's start (at least BOOT_MIN_MS); then each
    // answer gets the policy time limit.
    const client = new AnalyzerClient(launched.port, Math.max(limits.timeoutMs, BOOT_MIN_MS));
    try {
        await client.ready();
        try {
            const hs = new analyzerProto.AnalyzerHandshakeRequest();
            hs.setEngineAddress("127.0.0.1:0");
            hs.setRootDirectory(launched.dir);
            hs.setProgramDirectory(launched.dir);
            await client.handshake(hs);
        } catch (err) {
            if (!isUnimplemented(err)) throw err;
        }
        try {
            const cs = new analyzerProto.AnalyzerStackConfigureRequest();
            cs.setStack(env.stack);
            cs.setProject(env.project);
            cs.setOrganization(env.organization);
            cs.setDryRun(env.dryRun);
            for (const [k, v] of Object.entries(env.config)) cs.getConfigMap().set(k, v);
            cs.setConfigSecretKeysList(env.secretKeys);
            await client.configureStack(cs);
        } catch (err) {
            if (!isUnimplemented(err)) throw err;
        }
        const info = await client.getAnalyzerInfo();
        const plugin = await client.getPluginInfo();
        const version = launched.yamlVersion ?? (info.getVersion() || plugin.getVersion());
        const policies: PolicyMeta[] = info.getPoliciesList().map((p) => {
            const schema = info.getSupportsconfig() ? p.getConfigschema() : undefined;
            return {
                name: p.getName(),
                enforcementLevel: LEVEL_BY_ENUM[p.getEnforcementlevel()] ?? "advisory",
                configSchema: schema
                    ? {
                          properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, Record<string, unknown>>,
                          required: schema.getRequiredList(),
                      }
                    : undefined,
            };
        });
        const initial: PolicyConfigFile = {};
        info.getInitialconfigMap().forEach((v, k) => {
            initial[k] = { enforcementLevel: LEVEL_BY_ENUM[v.getEnforcementlevel()], properties: (v.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown> };
        });
        const effective = reconcilePolicyConfig(info.getName(), policies, initial, configFile, started.spec.configFile);
        const unknownNames = Object.keys(configFile ?? {}).filter((k) => k !== "all" && !policies.some((p) => p.name === k));
        if (unknownNames.length > 0) {
            notes.push(`${started.spec.configFile}: no policy named ${unknownNames.map((n) => `'${n}'`).join(", ")} in pack ${info.getName()}`);
        }
        if (info.getSupportsconfig() && effective.size > 0) {
            const req = new analyzerProto.ConfigureAnalyzerRequest();
            for (const [name, entry] of effective) {
                const pc = new analyzerProto.PolicyConfig();
                pc.setEnforcementlevel(ENUM_BY_LEVEL[entry.enforcementLevel ?? "advisory"]);
                pc.setProperties(Struct.fromJavaScript(entry.properties as Record<string, never>));
                req.getPolicyconfigMap().set(name, pc);
            }
            await client.configure(req);
        }
        client.timeoutMs = limits.timeoutMs;
        const levels = new Map(policies.map((p) => [p.name, effective.get(p.name)?.enforcementLevel ?? p.enforcementLevel]));
        return {
            launched,
            client,
            name: info.getName(),
            version,
            levels,
            remediates: [...levels.values()].includes("remediate"),
            inFlight: new Set(),
            report: {
                name: info.getName(),
                version,
                dir: launched.dir,
                policies: policies.map((p) => ({ name: p.name, enforcementLevel: levels.get(p.name) ?? p.enforcementLevel })),
                peakRssBytes: 0,
                startMs: (started.readyAt ?? Date.now()) - started.startedAt,
            },
        };
    } catch (err) {
        client.close();
        if (err instanceof CheckError) throw err;
        throw await packFailure({ name: path.basename(launched.dir), launched }, "starting (handshake, configuration)", err, limits);
    }
}

/**
 * The enforcement level of a diagnostic. One the check does not know (a newer protocol) fails the
 * run: reading it as advisory could pass a mandatory violation.
 */
export function diagnosticLevel(value: number, pack: string, policy: string): EnforcementLevel {
    const level = LEVEL_BY_ENUM[value];
    if (level === undefined) {
        throw new CheckError(`policy pack ${pack} reported a violation of ${policy} with enforcement level ${value}, which the offline check does not know`);
    }
    return level;
}

function toViolation(pack: ConnectedPack, d: analyzerProto.AnalyzeDiagnostic, fallbackUrn: string): Violation | undefined {
    const level = diagnosticLevel(d.getEnforcementlevel(), pack.name, d.getPolicyname());
    if (level === "disabled") return undefined;
    return {
        policyPack: d.getPolicypackname() || pack.name,
        policyPackVersion: pack.version,
        policy: d.getPolicyname(),
        description: d.getDescription(),
        enforcementLevel: level,
        urn: d.getUrn() || fallbackUrn,
        message: d.getMessage(),
    };
}

type ProviderOf = (r: RecordedResource) => RecordedResource | undefined;

/** Runs at most `limit` tasks at a time. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
    let active = 0;
    const queue: Array<() => void> = [];
    return (task) =>
        new Promise((resolve, reject) => {
            const run = () => {
                active++;
                task()
                    .then(resolve, reject)
                    .finally(() => {
                        active--;
                        queue.shift()?.();
                    });
            };
            if (active < limit) run();
            else queue.push(run);
        });
}

/**
 * Policy evaluation of one run, fed resource by resource while the program is still running:
 * each resource is remediated (pack by pack, each seeing the previous pack's result, as the
 * engine does) and then analyzed by every pack; `finish` waits for those, then sends AnalyzeStack
 * with the whole graph.
 */
export class PolicySession {
    private readonly notes: string[] = [];
    private readonly violations: Violation[] = [];
    private readonly props = new Map<string, Record<string, Json>>();
    private readonly remediated = new Map<string, Record<string, Json>>();
    private readonly tasks: Array<Promise<void>> = [];
    private readonly limit = limiter(IN_FLIGHT);
    private readonly ready: Promise<ConnectedPack[]>;
    private error: unknown;

    constructor(
        started: StartedPack[],
        env: PackEnvironment & { secretKeys: string[] },
        private readonly providerOf: ProviderOf,
        private readonly limits: PolicyLimits,
    ) {
        const files = new Map<string, PolicyConfigFile>();
        this.ready = (async () => {
            for (const s of started) {
                if (s.spec.configFile && !files.has(s.spec.configFile)) files.set(s.spec.configFile, readPolicyConfigFile(s.spec.configFile));
            }
            return Promise.all(started.map((s) => connect(s, env, s.spec.configFile ? files.get(s.spec.configFile) : undefined, this.notes, limits)));
        })();
        this.ready.catch((err: unknown) => this.fail(err));
    }

    private fail(err: unknown): void {
        this.error = this.error ?? err;
    }

    /** Queues remediation and analysis of a resource (returns at once). */
    add(r: RecordedResource): void {
        this.props.set(r.urn, r.checkedInputs);
        const task = this.limit(() => this.process(r)).catch((err: unknown) => this.fail(err));
        this.tasks.push(task);
    }

    private async process(r: RecordedResource): Promise<void> {
        if (this.error) return;
        const packs = await this.ready;
        for (const pack of packs.filter((p) => p.remediates)) {
            pack.inFlight.add(r.urn);
            const resp = await pack.client
                .remediate(analyzeRequest(r, this.props.get(r.urn)!, this.providerOf))
                .catch(async (err) => {
                    if (isUnimplemented(err)) return undefined;
                    throw await packFailure(pack, `remediating ${r.urn}`, err, this.limits);
                })
                .finally(() => pack.inFlight.delete(r.urn));
            for (const rem of resp?.getRemediationsList() ?? []) {
                const changed = rem.getProperties();
                if (changed) {
                    const next = changed.toJavaScript() as Record<string, Json>;
                    this.props.set(r.urn, next);
                    this.remediated.set(r.urn, next);
                }
                this.violations.push({
                    policyPack: rem.getPolicypackname() || pack.name,
                    policyPackVersion: pack.version,
                    policy: rem.getPolicyname(),
                    description: rem.getDescription(),
                    // A remediation that could not run (unknown inputs) is a warning, as in a preview.
                    enforcementLevel: changed ? "remediate" : "advisory",
                    urn: r.urn,
                    message: changed
                        ? `${rem.getDescription()}\nremediated: the policy changed the resource's inputs${rem.getDiagnostic() ? `\n${rem.getDiagnostic()}` : ""}`
                        : rem.getDiagnostic() || rem.getDescription(),
                });
            }
        }
        const req = analyzeRequest(r, this.props.get(r.urn)!, this.providerOf);
        await Promise.all(
            packs.map(async (pack) => {
                pack.inFlight.add(r.urn);
                const resp = await pack.client
                    .analyze(req)
                    .catch(async (err) => {
                        throw await packFailure(pack, `analyzing ${r.urn}`, err, this.limits);
                    })
                    .finally(() => pack.inFlight.delete(r.urn));
                for (const d of resp.getDiagnosticsList()) {
                    const v = toViolation(pack, d, r.urn);
                    if (v) this.violations.push(v);
                }
            }),
        );
    }

    /** Closes the connections to the packs (also after a failure; `finish` closes them too). */
    close(): void {
        this.ready.then(
            (packs) => packs.forEach((p) => p.client.close()),
            // Nothing connected: the failure is already recorded (fail) and reported by finish.
            () => undefined,
        );
    }

    /** Waits for every queued resource, runs AnalyzeStack over `resources`, and reports. */
    async finish(resources: RecordedResource[]): Promise<PolicyRun> {
        await Promise.all(this.tasks);
        if (this.error) throw this.error;
        const packs = await this.ready;
        try {
            await Promise.all(
                packs.map(async (pack) => {
                    const req = new analyzerProto.AnalyzeStackRequest();
                    req.setResourcesList(resources.map((r) => analyzerResource(r, stackProps(r, this.props), this.providerOf)));
                    const resp = await pack.client.analyzeStack(req).catch(async (err) => {
                        if (isUnimplemented(err)) return undefined;
                        throw await packFailure(pack, "analyzing the stack (AnalyzeStack)", err, this.limits);
                    });
                    for (const d of resp?.getDiagnosticsList() ?? []) {
                        const v = toViolation(pack, d, "");
                        if (v) this.violations.push({ ...v, stackPolicy: true });
                    }
                }),
            );
        } finally {
            for (const pack of packs) {
                pack.report.peakRssBytes = pack.launched.peakRssBytes();
                pack.client.close();
            }
        }
        return {
            violations: sortViolations(this.violations, resources),
            packs: packs.map((p) => p.report),
            notes: this.notes,
            remediated: this.remediated,
        };
    }
}

/**
 * What AnalyzeStack sees: planned state = (remediated) inputs for custom resources, outputs for
 * components; in apply mode custom resources add what the provider computed (id, ARN, ...), as the
 * engine hands stack policies every resource's outputs after an update.
 */
function stackProps(r: RecordedResource, props: Map<string, Record<string, Json>>): Record<string, Json> {
    if (!r.custom) return r.outputs;
    const planned = props.get(r.urn) ?? r.checkedInputs;
    return r.computed ? { ...planned, ...r.computed } : planned;
}

function sortViolations(violations: Violation[], resources: RecordedResource[]): Violation[] {
    const order = new Map(resources.map((r, i) => [r.urn, i]));
    const levelOrder: Record<string, number> = { mandatory: 0, remediate: 1, advisory: 2 };
    return [...violations].sort(
        (a, b) =>
            levelOrder[a.enforcementLevel] - levelOrder[b.enforcementLevel] ||
            (order.get(a.urn) ?? -1) - (order.get(b.urn) ?? -1) ||
            a.policyPack.localeCompare(b.policyPack) ||
            a.policy.localeCompare(b.policy) ||
            a.message.localeCompare(b.message),
    );
}


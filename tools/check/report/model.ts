// The check's result as data: the JSON report (`--json FILE`) and the input of the text renderer.
// Shape (fields beyond these are extras):
//   { project, stack,
//     resources: [{ urn, type, name, parent, props, dependencies, protect }],
//     violations: [{ policyPack, policy, enforcementLevel, urn, type, name, message }],
//     summary: { resources, mandatory, advisory },
//     warnings: [message] }                      (what the program logged with pulumi.log.warn)
// Advisory "not known during preview" results are `previewNotes`, not violations (preview-notes.ts);
// remote components are assessed in `remoteComponents` (remote.ts); `result` is the verdict.
// In apply mode (`mode: "apply"`) each violation says what the preview said about it (`preview`),
// and `previewComparison` holds what only the preview reports (mode-diff.ts).
import type { CheckMode, Json, RecordedResource, Recording } from "../engine/types";
import { forDisplay } from "../engine/wire";
import type { Comparison } from "../compare/compare";
import type { PackReport, PolicyRun, Violation } from "../policy/run-packs";
import type { PreviewComparison, PreviewVerdict } from "./mode-diff";
import { isPreviewNote } from "./preview-notes";
import { assessRemoteComponent } from "./remote";
import type { IntentResult } from "../../analyze/intents/prove";
import { planCost, type ReportCost } from "./cost";
import { failingIntents } from "../../analyze/intents/render";

export const REMOTE_NOTE = "not inspected offline; a real preview inspects its children";

export interface ReportResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    /** Inputs as the engine plans them; unknowns as "<unknown>", secrets as "[secret]". */
    props: Record<string, Json>;
    dependencies: string[];
    protect: boolean;
    propertyDependencies: Record<string, string[]>;
    provider: string | null;
    custom: boolean;
    remote: boolean;
    options: {
        ignoreChanges: string[];
        retainOnDelete: boolean;
        deleteBeforeReplace?: boolean;
        additionalSecretOutputs: string[];
        replaceOnChanges: string[];
        aliases: string[];
        deletedWith?: string;
        importId?: string;
    };
    /**
     * Component outputs (registerOutputs) and remote component outputs; in apply mode, for a custom
     * resource, what the provider computes on creation (id, ARN, DNS names, ...), generated.
     */
    outputs?: Record<string, Json>;
    note?: string;
    synthetic?: boolean;
    /** A default provider: the engine creates it and policies see it, but a preview neither shows nor counts it. */
    defaultProvider?: boolean;
    read?: boolean;
}

/** A remote (multi-language) component: what it hides from the offline check and whether policies would judge it. */
export interface ReportRemoteComponent {
    urn: string;
    type: string;
    name: string;
    /** What it creates that the check cannot see, for people. */
    hides: string;
    /** The resource types it hides (empty for a component the check does not know). */
    hiddenTypes: string[];
    /** True when a policy would judge something it hides: the result is then "incomplete". */
    policyRelevant: boolean;
    why: string;
}

/**
 * The verdict: "failed" (a mandatory violation, or a stateful resource lost with --compare-to),
 * "incomplete" (nothing failed in what the check could see, but a policy-relevant remote component
 * was not inspected), or "passed".
 */
export type CheckResultKind = "passed" | "failed" | "incomplete";

export interface ReportViolation {
    policyPack: string;
    policyPackVersion: string;
    policy: string;
    enforcementLevel: "advisory" | "mandatory" | "remediate";
    urn: string;
    type: string;
    name: string;
    message: string;
    description: string;
    /** Reported by a stack policy (AnalyzeStack): during `pulumi up` it runs after every resource is created. */
    stackPolicy?: true;
    /**
     * Apply mode: what the preview said about this policy on this resource — the same verdict,
     * only "not known during preview", or nothing. Anything but "same" differs from preview mode:
     * the verdict comes during `pulumi up`, after part of the stack may have been created.
     */
    preview?: PreviewVerdict;
}

export interface Report {
    project: string;
    stack: string;
    programDir: string;
    files: { project: string; stack?: string };
    /** "preview" (computed values unknown) or "apply" (computed values generated, as during `pulumi up`). */
    mode: CheckMode;
    /** True in preview mode: the plan is what `pulumi preview` sees. */
    preview: boolean;
    resources: ReportResource[];
    violations: ReportViolation[];
    /**
     * Advisory results that say a value is not known during preview (the policy judges it during
     * `pulumi up`): kept apart from violations, never counted as advisory violations.
     */
    previewNotes: ReportViolation[];
    remoteComponents: ReportRemoteComponent[];
    result: CheckResultKind;
    summary: {
        /** Resources a preview shows and counts (default providers are not among them). */
        resources: number;
        mandatory: number;
        advisory: number;
        remediate: number;
        previewNotes: number;
        remoteComponents: number;
        /** Remote components hiding something policies would judge (the result is then incomplete). */
        uninspected: number;
        defaultProviders: number;
        policyPacks: number;
    };
    policyPacks: Array<Omit<PackReport, "peakRssBytes" | "startMs">>;
    policiesRun: boolean;
    outputs: Record<string, Json>;
    invokes: Record<string, number>;
    /** How each invoke was answered: "fixture" (--invoke-fixtures), "hand-written", "generated", "generated, hand-tuned". */
    invokeAnswers: Record<string, string[]>;
    /** Warnings the program logged (pulumi.log.warn), as a preview shows them. */
    warnings: string[];
    /** Intents (declared by components or --intents) and whether the plan proves them (docs/intents.md). */
    intents?: IntentResult[];
    /** The plan's monthly cost estimate (the pack's price table), per component and in total. */
    cost: ReportCost;
    /** Apply mode: how its verdicts differ from the preview planned beside it. */
    previewComparison?: PreviewComparison;
    /** --compare-to: what a real preview would delete or replace, compared with that plan. */
    comparison?: Comparison & { note?: string };
    notes: string[];
    performance: {
        wallMs: number;
        workerStartupMs: number;
        programMs: number;
        /** From the end of the program run to the end of policy evaluation (the rest overlaps it). */
        policyMs: number;
        /**
         * Peak resident memory per process, and `total`: the largest sum of all of them at one
         * instant (sampled every 50 ms on Linux; elsewhere the sum of the per-process peaks).
         */
        peakRssBytes: { cli: number; program: number; policyPacks: number[]; total: number };
    };
}

function displayProps(props: Record<string, Json>): Record<string, Json> {
    return forDisplay(props) as Record<string, Json>;
}

/** The engine's default providers (`pulumi:providers:aws::default_7_48_0`), by URN as the engine tells them. */
export function isDefaultProvider(r: { type: string; name: string }): boolean {
    return r.type.startsWith("pulumi:providers:") && (r.name === "default" || r.name.startsWith("default_"));
}

function toReportResource(r: RecordedResource, remediated: Map<string, Record<string, Json>>): ReportResource {
    const showOutputs = !r.custom && Object.keys(r.outputs).length > 0;
    const outputs = r.computed ? r.computed : showOutputs && r.type !== "pulumi:pulumi:Stack" ? r.outputs : undefined;
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        parent: r.parent ?? null,
        props: displayProps(remediated.get(r.urn) ?? r.checkedInputs),
        dependencies: r.dependencies,
        protect: r.options.protect,
        propertyDependencies: r.propertyDependencies,
        provider: r.provider ?? null,
        custom: r.custom,
        remote: r.remote,
        options: {
            ignoreChanges: r.options.ignoreChanges,
            retainOnDelete: r.options.retainOnDelete,
            deleteBeforeReplace: r.options.deleteBeforeReplace,
            additionalSecretOutputs: r.options.additionalSecretOutputs,
            replaceOnChanges: r.options.replaceOnChanges,
            aliases: r.options.aliases,
            deletedWith: r.options.deletedWith,
            importId: r.options.importId,
        },
        ...(outputs ? { outputs: displayProps(outputs) } : {}),
        ...(r.remote ? { note: REMOTE_NOTE } : {}),
        ...(r.read ? { read: true, note: "read by id: a real preview reads its state from the cloud" } : {}),
        ...(r.synthetic ? { synthetic: true } : {}),
        ...(isDefaultProvider(r) ? { defaultProvider: true } : {}),
    };
}

function toReportViolation(v: Violation, byUrn: Map<string, RecordedResource>): ReportViolation {
    const r = byUrn.get(v.urn);
    return {
        policyPack: v.policyPack,
        policyPackVersion: v.policyPackVersion,
        policy: v.policy,
        enforcementLevel: v.enforcementLevel,
        urn: v.urn,
        type: r?.type ?? "",
        name: r?.name ?? "",
        message: v.message,
        description: v.description,
        ...(v.stackPolicy ? { stackPolicy: true as const } : {}),
    };
}

export interface ReportInputs {
    programDir: string;
    files: { project: string; stack?: string };
    recording: Recording;
    resources: RecordedResource[];
    policy?: PolicyRun;
    notes: string[];
    /** The plan's mode (default "preview"). */
    mode?: CheckMode;
    timings: { wallMs: number; policyMs: number; peakTotalRssBytes: number };
}

export function buildReport(input: ReportInputs): Report {
    const { recording, resources, policy } = input;
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const diagnostics = (policy?.violations ?? []).map((v) => toReportViolation(v, byUrn));
    const previewNotes = diagnostics.filter((v) => isPreviewNote(v.enforcementLevel, v.message));
    const violations = diagnostics.filter((v) => !isPreviewNote(v.enforcementLevel, v.message));
    const count = (level: string) => violations.filter((v) => v.enforcementLevel === level).length;
    const remote = resources.filter((r) => r.remote);
    const remoteComponents: ReportRemoteComponent[] = remote.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...assessRemoteComponent(r.type, unwrapForAssessment(r.inputs)),
    }));
    const uninspected = policy !== undefined ? remoteComponents.filter((c) => c.policyRelevant).length : 0;
    const notes = [
        ...input.notes,
        ...remoteComponents.map((c) => `${c.type} ${c.name}: ${REMOTE_NOTE}. It hides ${c.hides}; ${c.policyRelevant ? `${c.why}, so the result is incomplete` : c.why}`),
        ...recording.warnings,
        ...(policy?.notes ?? []),
    ];
    const packRss = (policy?.packs ?? []).map((p) => p.peakRssBytes);
    const cliRss = process.resourceUsage().maxRSS * 1024;
    const defaultProviders = resources.filter(isDefaultProvider).length;
    const report: Report = {
        project: recording.project,
        stack: recording.stack,
        programDir: input.programDir,
        files: input.files,
        mode: input.mode ?? "preview",
        preview: (input.mode ?? "preview") === "preview",
        resources: resources.map((r) => toReportResource(r, policy?.remediated ?? new Map())),
        violations,
        previewNotes,
        remoteComponents,
        result: "passed",
        summary: {
            resources: resources.length - defaultProviders,
            mandatory: count("mandatory"),
            advisory: count("advisory"),
            remediate: count("remediate"),
            previewNotes: previewNotes.length,
            remoteComponents: remote.length,
            uninspected,
            defaultProviders,
            policyPacks: policy?.packs.length ?? 0,
        },
        policyPacks: (policy?.packs ?? []).map(({ peakRssBytes: _r, startMs: _s, ...rest }) => rest),
        policiesRun: policy !== undefined,
        outputs: displayProps(recording.stackOutputs),
        invokes: recording.invokes,
        invokeAnswers: recording.invokeSources ?? {},
        warnings: recording.logWarnings ?? [],
        cost: planCost(resources),
        notes,
        performance: {
            wallMs: input.timings.wallMs,
            workerStartupMs: recording.timings.startupMs,
            programMs: recording.timings.programMs,
            policyMs: input.timings.policyMs,
            peakRssBytes: {
                cli: cliRss,
                program: recording.maxRssBytes,
                policyPacks: packRss,
                total: input.timings.peakTotalRssBytes || cliRss + recording.maxRssBytes + packRss.reduce((a, b) => a + b, 0),
            },
        },
    };
    report.result = decideResult(report);
    return report;
}

/** Inputs as plain values for the remote-component table (secrets unwrapped; it only looks at shapes). */
function unwrapForAssessment(inputs: Record<string, Json>): Record<string, unknown> {
    return forDisplay(inputs) as Record<string, unknown>;
}

/**
 * The verdict of a report (call again after adding a comparison). In apply mode a mandatory
 * violation only the preview reports fails too: `pulumi up` previews first and stops there.
 */
export function decideResult(report: Pick<Report, "summary" | "comparison" | "previewComparison" | "intents">): CheckResultKind {
    const previewOnlyMandatory = (report.previewComparison?.previewOnly ?? []).some((v) => v.enforcementLevel === "mandatory");
    if (report.summary.mandatory > 0 || previewOnlyMandatory || (report.comparison?.counts.blocking ?? 0) > 0 || failingIntents(report.intents).length > 0) return "failed";
    return report.summary.uninspected > 0 ? "incomplete" : "passed";
}

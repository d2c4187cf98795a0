/**
 * The analyzer protocol's messages, built as the engine builds them (pulumi's
 * analyzer_plugin.go): props as a protobuf Struct with unknowns as sentinel strings, resource
 * options always present, property dependencies as URN lists. Used to drive the real policy
 * server, in-process and over gRPC.
 */
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { EnforcementLevel } from "@pulumi/policy";
import { type ResourceSpec, urnOf } from "./server";

function struct(props: Record<string, unknown> = {}): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Record<string, never>);
}

function options(spec: ResourceSpec, parentUrn?: string): analyzer.AnalyzerResourceOptions {
    const opts = new analyzer.AnalyzerResourceOptions();
    opts.setProtect(spec.protect ?? false);
    opts.setCustomtimeouts(new analyzer.AnalyzerResourceOptions.CustomTimeouts());
    if (parentUrn !== undefined) opts.setParent(parentUrn);
    return opts;
}

function provider(spec: ResourceSpec): analyzer.AnalyzerProviderResource | undefined {
    if (spec.provider === undefined) return undefined;
    const p = new analyzer.AnalyzerProviderResource();
    p.setType(spec.provider.type);
    p.setName(spec.provider.name);
    p.setUrn(urnOf(spec.provider));
    p.setProperties(struct(spec.provider.props));
    return p;
}

export function analyzeRequest(spec: ResourceSpec): analyzer.AnalyzeRequest {
    const req = new analyzer.AnalyzeRequest();
    req.setType(spec.type);
    req.setName(spec.name);
    req.setUrn(urnOf(spec));
    req.setProperties(struct(spec.props));
    req.setOptions(options(spec));
    const p = provider(spec);
    if (p !== undefined) req.setProvider(p);
    return req;
}

export function analyzeStackRequest(specs: readonly ResourceSpec[]): analyzer.AnalyzeStackRequest {
    const byName = new Map(specs.map((s) => [s.name, s]));
    const urn = (name: string) => urnOf(byName.get(name) ?? { type: "unknown", name });
    const req = new analyzer.AnalyzeStackRequest();
    req.setResourcesList(specs.map((spec) => {
        const r = new analyzer.AnalyzerResource();
        const parent = spec.parent === undefined ? undefined : urn(spec.parent);
        r.setType(spec.type);
        r.setName(spec.name);
        r.setUrn(urnOf(spec));
        r.setProperties(struct(spec.props));
        r.setOptions(options(spec, parent));
        if (parent !== undefined) r.setParent(parent);
        const deps = new Set(spec.dependsOn ?? []);
        for (const [key, names] of Object.entries(spec.propertyDependencies ?? {})) {
            const pd = new analyzer.AnalyzerPropertyDependencies();
            pd.setUrnsList(names.map(urn));
            r.getPropertydependenciesMap().set(key, pd);
            names.forEach((n) => deps.add(n));
        }
        r.setDependenciesList([...deps].map(urn));
        const p = provider(spec);
        if (p !== undefined) r.setProvider(p);
        return r;
    }));
    return req;
}

const LEVELS: Record<number, EnforcementLevel> = {
    [analyzer.EnforcementLevel.ADVISORY]: "advisory",
    [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzer.EnforcementLevel.DISABLED]: "disabled",
    [analyzer.EnforcementLevel.REMEDIATE]: "remediate",
};

export interface WireDiagnostic {
    readonly policyName: string;
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly urn: string;
}

export function diagnosticsOf(response: analyzer.AnalyzeResponse): WireDiagnostic[] {
    return response.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        message: d.getMessage(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()],
        urn: d.getUrn(),
    }));
}

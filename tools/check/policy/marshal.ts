// Recorded resources as the engine hands them to an analyzer: AnalyzeRequest for Analyze and
// Remediate, AnalyzerResource for AnalyzeStack, with properties marshalled like the engine
// (unknowns and secrets kept, internal keys dropped, resource references as ids).
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Json, RecordedOptions, RecordedResource } from "../engine/types";
import { forAnalyzer } from "../engine/wire";

/** Go-style durations ("5m", "1h30m", "90s") in seconds, as the engine parses custom timeouts. */
export function durationSeconds(text: string): number {
    if (!text) return 0;
    let total = 0;
    const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
    const factor: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
        total += Number(m[1]) * factor[m[2]];
    }
    return total;
}

export function toStruct(props: Record<string, Json>): Struct {
    return Struct.fromJavaScript(forAnalyzer(props) as Record<string, never>);
}

function options(opts: RecordedOptions, parent: string | undefined): analyzerProto.AnalyzerResourceOptions {
    const o = new analyzerProto.AnalyzerResourceOptions();
    o.setProtect(opts.protect);
    o.setIgnorechangesList(opts.ignoreChanges);
    if (opts.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplace(opts.deleteBeforeReplace);
        o.setDeletebeforereplacedefined(true);
    }
    o.setAdditionalsecretoutputsList(opts.additionalSecretOutputs);
    o.setAliasesList(opts.aliases);
    const t = new analyzerProto.AnalyzerResourceOptions.CustomTimeouts();
    t.setCreate(durationSeconds(opts.customTimeouts.create));
    t.setUpdate(durationSeconds(opts.customTimeouts.update));
    t.setDelete(durationSeconds(opts.customTimeouts.delete));
    o.setCustomtimeouts(t);
    o.setParent(parent ?? "");
    return o;
}

const providerCache = new WeakMap<RecordedResource, analyzerProto.AnalyzerProviderResource>();

/** The provider part of a request; built once per provider resource (providers are few). */
function provider(p: RecordedResource | undefined): analyzerProto.AnalyzerProviderResource | undefined {
    if (!p) return undefined;
    const cached = providerCache.get(p);
    if (cached) return cached;
    const out = new analyzerProto.AnalyzerProviderResource();
    out.setUrn(p.urn);
    out.setType(p.type);
    out.setName(p.name);
    out.setProperties(toStruct(p.checkedInputs));
    providerCache.set(p, out);
    return out;
}

export function analyzeRequest(
    r: RecordedResource,
    props: Record<string, Json>,
    providerOf: (r: RecordedResource) => RecordedResource | undefined,
): analyzerProto.AnalyzeRequest {
    const req = new analyzerProto.AnalyzeRequest();
    req.setUrn(r.urn);
    req.setType(r.type);
    req.setName(r.name);
    req.setProperties(toStruct(props));
    req.setOptions(options(r.options, r.parent));
    const p = provider(providerOf(r));
    if (p) req.setProvider(p);
    return req;
}

export function analyzerResource(
    r: RecordedResource,
    props: Record<string, Json>,
    providerOf: (r: RecordedResource) => RecordedResource | undefined,
): analyzerProto.AnalyzerResource {
    const res = new analyzerProto.AnalyzerResource();
    res.setUrn(r.urn);
    res.setType(r.type);
    res.setName(r.name);
    res.setProperties(toStruct(props));
    res.setOptions(options(r.options, r.parent));
    const p = provider(providerOf(r));
    if (p) res.setProvider(p);
    res.setParent(r.parent ?? "");
    res.setDependenciesList(r.dependencies);
    const deps = res.getPropertydependenciesMap();
    for (const [k, urns] of Object.entries(r.propertyDependencies)) {
        if (urns.length === 0) continue;
        const d = new analyzerProto.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(k, d);
    }
    return res;
}

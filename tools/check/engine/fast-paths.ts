// Speed-ups for the program run, applied to the program's copy of @pulumi/pulumi in the worker
// only. The SDK captures a full stack trace for every registration (source positions sent to the
// engine for its diagnostics) and one per internal promise (leak diagnostics); together they are
// about 2 ms per resource, most of the run. The offline check uses neither: it records no source
// positions and waits for every operation itself. Each patch is skipped when the SDK does not
// have the function (other SDK versions keep working, just slower).

type NodeRequire = (id: string) => unknown;

export function applyFastPaths(sdkRequire: NodeRequire): string[] {
    const applied: string[] = [];
    const resourceModule = sdkRequire("./resource") as { Resource?: { stackTrace?: unknown } };
    if (resourceModule.Resource && typeof resourceModule.Resource.stackTrace === "function") {
        resourceModule.Resource.stackTrace = () => [];
        applied.push("Resource.stackTrace");
    }
    const debuggable = sdkRequire("./runtime/debuggable") as { debuggablePromise?: unknown };
    if (typeof debuggable.debuggablePromise === "function") {
        debuggable.debuggablePromise = <T>(p: Promise<T>) => p;
        applied.push("debuggablePromise");
    }
    return applied;
}

import { stringList } from "../lib/config";
import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { str, UNKNOWN } from "../lib/values";

const FUNCTION = "aws:lambda/function:Function";
const RUNTIMES_PAGE = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";

/**
 * Runtimes whose deprecation date (the "Deprecated runtimes" table of RUNTIMES_PAGE, and the
 * "Supported runtimes" table's projected dates that have since passed, read 2026-12-04) has
 * passed: Lambda no longer patches them and blocks creating functions on them. The date each was
 * deprecated is kept beside it so the list can be checked against the page. python3.10
 * (2026-10-31), provided.al2 (2026-07-31) and dotnet8 (2026-11-10) passed their dates in 2026.
 */
export const DEPRECATED_RUNTIMES: Readonly<Record<string, string>> = {
    "nodejs": "2016-10-31", "nodejs4.3": "2020-03-06", "nodejs4.3-edge": "2019-04-30", "nodejs6.10": "2019-08-12",
    "nodejs8.10": "2020-03-06", "nodejs10.x": "2021-07-30", "nodejs12.x": "2023-03-31", "nodejs14.x": "2023-12-04",
    "nodejs16.x": "2024-06-12", "nodejs18.x": "2025-09-01", "nodejs20.x": "2026-04-30",
    "python2.7": "2021-07-15", "python3.6": "2022-07-18", "python3.7": "2023-12-04", "python3.8": "2024-10-14", "python3.9": "2025-12-15",
    "python3.10": "2026-10-31",
    "java8": "2024-01-08", "go1.x": "2024-01-08", "provided": "2024-01-08", "provided.al2": "2026-07-31",
    "dotnetcore1.0": "2019-07-30", "dotnetcore2.0": "2019-05-30", "dotnetcore2.1": "2022-01-05", "dotnetcore3.1": "2023-04-03",
    "dotnet5.0": "2022-05-10", "dotnet6": "2024-12-20", "dotnet7": "2024-05-14", "dotnet8": "2026-11-10",
    "ruby2.5": "2021-07-30", "ruby2.7": "2023-12-07", "ruby3.2": "2026-03-31",
};

export const functionNoDeprecatedRuntime = withAwsDefault(resourcePolicy({
    name: "lambda-function-no-deprecated-runtime",
    description: "Functions run on a runtime Lambda still supports, never one past its deprecation date (no security patches, creation blocked).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "Lambda.2" }],
    topics: ["compute"],
    resourceTypes: [FUNCTION],
    remediation: "Move to a supported runtime of the same language (nodejs22.x or nodejs24.x, python3.13, java21, dotnet10, ruby3.4, provided.al2023) and test the handler.",
    url: RUNTIMES_PAGE,
    config: {
        deprecatedRuntimes: stringList("Runtime identifiers past their deprecation date (the Lambda runtimes page's deprecated table).", Object.keys(DEPRECATED_RUNTIMES)),
    },
    check(r, config, report) {
        const runtime = str(r.props.runtime);
        if (runtime === UNKNOWN) return report.unknown("whether the runtime is still supported", "runtime");
        // Container-image functions carry their runtime in the image: nothing to judge here.
        if (runtime === undefined) return;
        const id = runtime.trim().toLowerCase();
        if (config.deprecatedRuntimes.includes(id)) {
            const since = DEPRECATED_RUNTIMES[id];
            report.violation(`runtime is ${JSON.stringify(runtime)}, which Lambda deprecated${since === undefined ? "" : ` on ${since}`}: it gets no security patches and new functions cannot be created on it. Move to a supported runtime (e.g. nodejs22.x, python3.13).`);
        }
    },
}), {
    behaviour: "Lambda stops patching a runtime on its deprecation date and then blocks creating, later updating, functions on it; there is no default runtime for .zip functions.",
    source: RUNTIMES_PAGE,
    checked: "2026-12-04",
});

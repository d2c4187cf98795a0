import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const FN = "aws:lambda/function:Function";

export const functionTracingEnabled = withAwsDefault(resourcePolicy({
    name: "lambda-function-tracing-enabled",
    description: "Functions trace requests with X-Ray (tracingConfig.mode Active).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["logging"],
    resourceTypes: [FN],
    remediation: "Set tracingConfig: { mode: \"Active\" } and allow xray:PutTraceSegments in the role.",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["tracingConfig", "mode"], kind: "string", absent: "PassThrough",
            accept: (mode) => mode === "Active",
            what: "whether requests are traced",
            problem: "so requests through the function are not sampled by X-Ray",
            fix: "Set tracingConfig: { mode: \"Active\" }.",
        });
    },
}), {
    behaviour: "Functions are created with tracing mode PassThrough (no sampling of their own).",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
    checked: "2026-12-04",
});

import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";

const FN = "aws:lambda/function:Function";

export const functionConcurrencyRequired = withAwsDefault(resourcePolicy({
    name: "lambda-function-concurrency-required",
    description: "Functions reserve their concurrency (reservedConcurrentExecutions), so one function cannot starve the account's pool or run up unbounded cost.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["resilience"],
    resourceTypes: [FN],
    remediation: "Set reservedConcurrentExecutions to the function's expected peak.",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html",
    check(r, _config, report) {
        checkSetting(r.props, report, {
            path: ["reservedConcurrentExecutions"], kind: "number", absent: -1,
            accept: (n) => n >= 1,
            what: "how much concurrency the function reserves",
            problem: "so it competes for the account's whole pool (or, at 0, never runs)",
            fix: "Set reservedConcurrentExecutions to the expected peak (1 or more).",
        });
    },
}), {
    behaviour: "Functions share the account's unreserved concurrency (reservedConcurrentExecutions -1) unless a reservation is set.",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html",
    checked: "2026-12-04",
});

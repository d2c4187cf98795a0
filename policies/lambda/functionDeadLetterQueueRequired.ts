import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const FN = "aws:lambda/function:Function";

export const functionDeadLetterQueueRequired = withAwsDefault(resourcePolicy({
    name: "lambda-function-dead-letter-queue-required",
    description: "Functions send failed asynchronous events to a dead-letter queue or topic (deadLetterConfig.targetArn).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["resilience"],
    resourceTypes: [FN],
    remediation: "Set deadLetterConfig: { targetArn: <SQS queue or SNS topic ARN> } (or an on-failure destination, with an exemption).",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["deadLetterConfig", "targetArn"], {
            what: "where failed events go",
            problem: "so asynchronous events that fail twice are dropped",
            fix: "Set deadLetterConfig: { targetArn: <queue or topic ARN> }.",
        });
    },
}), {
    behaviour: "Failed asynchronous events are dropped after two retries unless a dead-letter queue or destination is set.",
    source: "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html",
    checked: "2026-12-04",
});

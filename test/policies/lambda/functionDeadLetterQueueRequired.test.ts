import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { functionDeadLetterQueueRequired } from "../../../policies/lambda/functionDeadLetterQueueRequired";

describe("lambda-function-dead-letter-queue-required", () => {
    judgesSetting(functionDeadLetterQueueRequired, {
        type: "aws:lambda/function:Function",
        name: "handler",
        base: { runtime: "nodejs22.x", handler: "index.handler", role: UNKNOWN },
        passes: {
        "a dead-letter queue": { deadLetterConfig: { targetArn: "arn:aws:sqs:us-east-1:123456789012:dlq" } },
    },
        fails: {
        "an empty target": { deadLetterConfig: { targetArn: "" } },
    },
        absent: "fails",
        unknown: { deadLetterConfig: { targetArn: UNKNOWN } },
    unknownMeans: "present",
        mentions: ["deadLetterConfig.targetArn"],
    });
});

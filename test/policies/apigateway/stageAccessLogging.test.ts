import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { stageAccessLogging } from "../../../policies/apigateway/stageAccessLogging";

describe("apigateway-stage-access-logging", () => {
    judgesSetting(stageAccessLogging, {
        type: "aws:apigateway/stage:Stage",
        name: "prod",
        base: { stageName: "prod", restApi: UNKNOWN, deployment: UNKNOWN },
        passes: {
        "a log group": { accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:api", format: "$context.requestId" } },
    },
        fails: {
        "an empty destination": { accessLogSettings: { destinationArn: "", format: "x" } },
    },
        absent: "fails",
        unknown: { accessLogSettings: { destinationArn: UNKNOWN, format: "x" } },
    unknownMeans: "present",
        mentions: ["accessLogSettings.destinationArn"],
    });
});

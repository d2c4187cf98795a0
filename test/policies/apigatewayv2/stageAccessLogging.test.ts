import * as assert from "node:assert/strict";
import { stageAccessLogging } from "../../../policies/apigatewayv2/stageAccessLogging";
import { res, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

describe("apigatewayv2-stage-access-logging", () => {
    it("accepts a stage that logs to a log group, even one created in the same preview", () => {
        assert.deepEqual(runResource(stageAccessLogging, res(T.stage, "ws-prod", { accessLogSettings: { destinationArn: UNKNOWN, format: "{}" } })), []);
    });
    it("flags a stage without access logs", () => {
        assert.deepEqual(details(runResource(stageAccessLogging, res(T.stage, "ws-prod", { apiId: UNKNOWN }))),
            ["ws-prod: accessLogSettings.destinationArn is not set, so connections and requests leave no trace to investigate. Set accessLogSettings: { destinationArn: <log group ARN>, format: <JSON access-log format> }."]);
    });
});

import * as assert from "node:assert/strict";
import { taskDefinitionLoggingRequired } from "../../../policies/ecs/taskDefinitionLoggingRequired";
import { details, runResource } from "../helpers/server";
import { LOGS, task } from "./helpers";

describe("ecs-task-definition-logging-required", () => {
    it("accepts containers that ship logs", () => {
        assert.deepEqual(runResource(taskDefinitionLoggingRequired, task({ name: "api", logConfiguration: LOGS }, { name: "nginx", logConfiguration: LOGS })), []);
    });
    it("flags a container without log configuration", () => {
        assert.match(details(runResource(taskDefinitionLoggingRequired, task({ name: "api", logConfiguration: LOGS }, { name: "sidecar" })))[0], /^api: container "sidecar" has no logConfiguration/);
    });
});

import * as assert from "node:assert/strict";
import { taskDefinitionNoPrivilegedContainers } from "../../../policies/ecs/taskDefinitionNoPrivilegedContainers";
import { res, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";
import { LOGS, task } from "./helpers";

describe("ecs-task-definition-no-privileged-containers", () => {
    it("accepts unprivileged containers", () => {
        assert.deepEqual(runResource(taskDefinitionNoPrivilegedContainers, task({ name: "api", image: "api:1", logConfiguration: LOGS })), []);
    });
    it("flags a privileged container, naming it", () => {
        assert.deepEqual(details(runResource(taskDefinitionNoPrivilegedContainers, task({ name: "api", image: "api:1", privileged: true }))),
            ["api: container \"api\" sets privileged: true, which gives it root on the host. Remove privileged and add only the Linux capabilities it needs (linuxParameters.capabilities.add)."]);
    });
    it("flags host PID and IPC namespaces", () => {
        assert.equal(runResource(taskDefinitionNoPrivilegedContainers, res(T.taskDefinition, "t", { pidMode: "host", ipcMode: "host", containerDefinitions: "[]" })).length, 2);
    });
    it("notes container definitions that are unknown during preview", () => {
        const d = runResource(taskDefinitionNoPrivilegedContainers, res(T.taskDefinition, "api", { containerDefinitions: UNKNOWN }));
        assert.deepEqual(details(d), ["api: containerDefinitions is not known during preview, so whether a container runs privileged cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
    });
});

import * as assert from "node:assert/strict";
import { taskDefinitionReadOnlyRootFilesystemEnforced as policy } from "../../../policies/ecs/taskDefinitionReadOnlyRootFilesystemEnforced";
import { res, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";
import { LOGS, task } from "./helpers";

describe("ecs-task-definition-read-only-root-filesystem-enforced", () => {
    it("accepts containers with a read-only root filesystem", () => {
        assert.deepEqual(runResource(policy, task(
            { name: "api", image: "api:1", logConfiguration: LOGS, readonlyRootFilesystem: true },
            { name: "proxy", image: "nginx:1", readonlyRootFilesystem: true },
        )), []);
    });
    it("flags a container that leaves the default (writable), naming it, as advisory", () => {
        const d = runResource(policy, task({ name: "api", image: "api:1", readonlyRootFilesystem: true }, { name: "sidecar", image: "s:1" }));
        assert.deepEqual(details(d), ["api: container \"sidecar\" does not set readonlyRootFilesystem, and ECS then mounts the root filesystem read-write, so a compromised process can change the container's binaries and configuration. "
            + "Set readonlyRootFilesystem: true and mount a writable task volume where the app must write (e.g. /tmp)."]);
        assert.equal(d[0].enforcementLevel, "advisory");
    });
    it("flags readonlyRootFilesystem false, mandatory where the stack says so", () => {
        const d = runResource(policy, task({ name: "api", image: "api:1", readonlyRootFilesystem: false }), { level: "mandatory" });
        assert.match(d[0].detail, /container "api" sets readonlyRootFilesystem: false/);
        assert.equal(d[0].enforcementLevel, "mandatory");
    });
    it("notes container definitions unknown during preview, never fails them", () => {
        const d = runResource(policy, res(T.taskDefinition, "api", { containerDefinitions: UNKNOWN }));
        assert.deepEqual(d.map((x) => x.enforcementLevel), ["advisory"]);
        assert.match(d[0].detail, /containerDefinitions is not known during preview/);
    });
});

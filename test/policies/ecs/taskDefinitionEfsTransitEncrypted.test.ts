import * as assert from "node:assert/strict";
import { taskDefinitionEfsTransitEncrypted as policy } from "../../../policies/ecs/taskDefinitionEfsTransitEncrypted";
import { res, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

const taskWith = (...volumes: unknown[]) => res(T.taskDefinition, "api", { family: "api", containerDefinitions: "[]", volumes });

describe("ecs-task-definition-efs-transit-encrypted", () => {
    it("accepts EFS volumes with transit encryption, and tasks without EFS volumes", () => {
        assert.deepEqual(runResource(policy, taskWith({ name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption: "ENABLED" } })), []);
        assert.deepEqual(runResource(policy, taskWith({ name: "tmp" })), []);
        assert.deepEqual(runResource(policy, res(T.taskDefinition, "api", { containerDefinitions: "[]" })), []);
    });
    it("flags an EFS volume that leaves transitEncryption to its default (DISABLED)", () => {
        assert.deepEqual(details(runResource(policy, taskWith({ name: "tmp" }, { name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1" } }))), [
            "api: volumes[1] (\"data\") mounts EFS with transitEncryption not set (ECS then uses DISABLED), so file data crosses the network unencrypted. Set efsVolumeConfiguration.transitEncryption: \"ENABLED\".",
        ]);
    });
    it("flags transitEncryption DISABLED, mandatory where the stack says so", () => {
        const d = runResource(policy, taskWith({ name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption: "DISABLED" } }), { level: "mandatory" });
        assert.match(d[0].detail, /transitEncryption "DISABLED"/);
        assert.equal(d[0].enforcementLevel, "mandatory");
    });
    it("notes what is unknown during preview, never fails it", () => {
        for (const spec of [
            res(T.taskDefinition, "api", { volumes: UNKNOWN }),
            taskWith({ name: "data", efsVolumeConfiguration: UNKNOWN }),
            taskWith({ name: "data", efsVolumeConfiguration: { fileSystemId: UNKNOWN, transitEncryption: UNKNOWN } }),
        ]) {
            const d = runResource(policy, spec);
            assert.deepEqual(d.map((x) => x.enforcementLevel), ["advisory"]);
            assert.match(d[0].detail, /is not known during preview/);
        }
    });
});

import * as assert from "node:assert/strict";
import { serviceNoPublicIp } from "../../../policies/ecs/serviceNoPublicIp";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("ecs-service-no-public-ip", () => {
    it("accepts tasks without public IPs", () => {
        assert.deepEqual(runResource(serviceNoPublicIp, res(T.ecsService, "api", { networkConfiguration: { subnets: [UNKNOWN], assignPublicIp: false } })), []);
    });
    it("flags tasks with public IPs", () => {
        assert.match(details(runResource(serviceNoPublicIp, res(T.ecsService, "api", { networkConfiguration: { subnets: ["s"], assignPublicIp: true } })))[0], /^api: networkConfiguration\.assignPublicIp is true/);
    });
    it("notes an unknown setting", () => {
        assert.equal(advisory(runResource(serviceNoPublicIp, res(T.ecsService, "api", { networkConfiguration: { assignPublicIp: UNKNOWN } }))).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { replicationGroupAuthRequired } from "../../../policies/elasticache/replicationGroupAuthRequired";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, secret, UNKNOWN } from "../helpers/server";

describe("elasticache-replication-group-auth-required", () => {
    it("accepts an AUTH token (a secret, unwrapped by the server) or RBAC user groups", () => {
        assert.deepEqual(runResource(replicationGroupAuthRequired, res(T.replicationGroup, "redis", { authToken: secret("x".repeat(32)) })), []);
        assert.deepEqual(runResource(replicationGroupAuthRequired, res(T.replicationGroup, "redis", { authToken: UNKNOWN })), []);
        assert.deepEqual(runResource(replicationGroupAuthRequired, res(T.replicationGroup, "redis", { userGroupIds: ["app-users"] })), []);
    });
    it("flags a group anyone on the network can use", () => {
        assert.match(details(runResource(replicationGroupAuthRequired, res(T.replicationGroup, "redis", { userGroupIds: [] })))[0], /^redis: has neither an AUTH token nor RBAC user groups/);
    });
    it("notes unknown user groups", () => {
        assert.equal(advisory(runResource(replicationGroupAuthRequired, res(T.replicationGroup, "redis", { userGroupIds: UNKNOWN }))).length, 1);
    });
});

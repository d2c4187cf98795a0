import * as assert from "node:assert/strict";
import { replicationGroupAuthRequired } from "../../policies/elasticache/replicationGroupAuthRequired";
import { replicationGroupEncrypted } from "../../policies/elasticache/replicationGroupEncrypted";
import { res, T } from "./helpers/fixtures";
import { advisory, details, runResource, secret, UNKNOWN } from "./helpers/server";

describe("elasticache-replication-group-encrypted", () => {
    it("accepts encryption at rest and in transit", () => {
        assert.deepEqual(runResource(replicationGroupEncrypted, res(T.replicationGroup, "redis", { atRestEncryptionEnabled: true, transitEncryptionEnabled: true })), []);
    });
    it("flags each missing encryption, with its own fix", () => {
        assert.deepEqual(details(runResource(replicationGroupEncrypted, res(T.replicationGroup, "redis", {}))), [
            "redis: atRestEncryptionEnabled is not set, so snapshots and swap hold session data in clear. Set atRestEncryptionEnabled: true (it can only be set when the group is created).",
            "redis: transitEncryptionEnabled is not set, so clients talk to the cache in clear text inside the VPC. Set transitEncryptionEnabled: true and connect with TLS (rediss://).",
        ]);
    });
    it("notes unknown flags", () => {
        assert.equal(advisory(runResource(replicationGroupEncrypted, res(T.replicationGroup, "redis", { atRestEncryptionEnabled: true, transitEncryptionEnabled: UNKNOWN }))).length, 1);
    });
});

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

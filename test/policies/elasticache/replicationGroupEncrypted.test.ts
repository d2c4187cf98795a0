import * as assert from "node:assert/strict";
import { replicationGroupEncrypted } from "../../../policies/elasticache/replicationGroupEncrypted";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

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

import * as assert from "node:assert/strict";
import { statefulResourceProtected } from "../../../policies/pulumi/statefulResourceProtected";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("pulumi-stateful-resource-protected", () => {
    it("accepts a protected bucket", () => {
        assert.deepEqual(runResource(statefulResourceProtected, res(T.bucket, "chat-prod-backups", {}, { protect: true })), []);
    });
    it("accepts the service's own deletion protection", () => {
        assert.deepEqual(runResource(statefulResourceProtected, res(T.table, "sessions", { deletionProtectionEnabled: true })), []);
        assert.deepEqual(runResource(statefulResourceProtected, res(T.userPool, "users", { deletionProtection: "ACTIVE" })), []);
        assert.deepEqual(runResource(statefulResourceProtected, res(T.rdsInstance, "db", { deletionProtection: true })), []);
    });
    it("ignores resources that hold no data", () => {
        assert.deepEqual(runResource(statefulResourceProtected, res(T.instance, "host", {})), []);
    });
    it("flags an unprotected bucket", () => {
        assert.deepEqual(details(runResource(statefulResourceProtected, res(T.bucket, "chat-prod-uploads", {}))),
            ["chat-prod-uploads: holds data but is not protected, so `pulumi destroy` or a change that forces replacement would delete it. Pass { protect: true } in its resource options."]);
    });
    it("flags an unprotected table, offering its deletion protection too", () => {
        assert.match(details(runResource(statefulResourceProtected, res(T.table, "sessions", { deletionProtectionEnabled: false })))[0], /, or set deletionProtectionEnabled: true\.$/);
        assert.equal(runResource(statefulResourceProtected, res(T.replicationGroup, "redis", {})).length, 1);
    });
    it("notes unknown deletion protection", () => {
        assert.equal(advisory(runResource(statefulResourceProtected, res(T.table, "sessions", { deletionProtectionEnabled: UNKNOWN }))).length, 1);
    });
    it("skips buckets the stack's config exempts (rebuildable static assets)", () => {
        assert.deepEqual(runResource(statefulResourceProtected, res(T.bucket, "chat-prod-static", {}), { config: { exemptions: [{ resource: "*-static", reason: "rebuilt by every deploy" }] } }), []);
    });
});

import * as assert from "node:assert/strict";
import { backupBucketVersioningRequired } from "../../../policies/s3/backupBucketVersioningRequired";
import { ENABLED, res, secureBucket, side, T } from "../helpers/fixtures";
import { advisory, details, runStack, UNKNOWN } from "../helpers/server";

describe("s3-backup-bucket-versioning-required", () => {
    it("accepts a backup bucket with versioning enabled", () => {
        assert.deepEqual(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-backups", { versioning: ENABLED })), []);
    });
    it("does not require versioning on other buckets", () => {
        assert.deepEqual(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-static")), []);
    });
    it("accepts the V2 side resource and inline versioning", () => {
        assert.deepEqual(runStack(backupBucketVersioningRequired, [res(T.bucket, "db-backups"), side(T.versioningV2, "v", "db-backups", ENABLED)]), []);
        assert.deepEqual(runStack(backupBucketVersioningRequired, [res(T.bucket, "db-backups", { versioning: { enabled: true } })]), []);
        assert.deepEqual(runStack(backupBucketVersioningRequired, [res(T.bucketV2, "db-backups", { versionings: [{ enabled: true }] })]), []);
    });
    it("flags a backup bucket without versioning", () => {
        assert.deepEqual(details(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-backups"))),
            ["chat-dev-backups: holds backups but has no versioning, so an overwrite or delete destroys the only copy. Add an aws.s3.BucketVersioning with bucket: chat-dev-backups.id "
                + "and versioningConfiguration: { status: \"Enabled\" }."]);
    });
    it("flags suspended versioning", () => {
        assert.match(details(runStack(backupBucketVersioningRequired, secureBucket("chat-dev-backups", { versioning: { versioningConfiguration: { status: "Suspended" } } })))[0], /sets status "Suspended"/);
    });
    it("finds backup buckets by the configured patterns", () => {
        assert.equal(runStack(backupBucketVersioningRequired, secureBucket("chat-db-dumps"), { config: { backupBucketPatterns: ["*-db-dumps"] } }).length, 1);
    });
    it("notes an unknown status", () => {
        assert.equal(advisory(runStack(backupBucketVersioningRequired, secureBucket("x-backups", { versioning: { versioningConfiguration: { status: UNKNOWN } } }))).length, 1);
    });
});

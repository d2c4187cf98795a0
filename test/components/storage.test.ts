import * as assert from "node:assert/strict";
import { appendString } from "../../components/blocks/iam/documents";
import { backupsLifecycle, uploadsLifecycle } from "../../components/blocks/storage/lifecycle";
import { tlsOnlyBucketPolicy } from "../../components/blocks/storage/bucketPolicy";
import { uploadsCors } from "../../components/blocks/storage/cors";

describe("storage rules", () => {
    it("every lifecycle aborts incomplete multipart uploads after 7 days", () => {
        for (const rules of [uploadsLifecycle(0), uploadsLifecycle(30), backupsLifecycle(30, false), backupsLifecycle(90, true)]) {
            assert.equal(rules[0].abortIncompleteMultipartUpload?.daysAfterInitiation, 7);
        }
    });

    it("uploads expire after the configured days (seed 001 dev: 30) or never", () => {
        assert.ok(uploadsLifecycle(0).every((r) => r.expiration === undefined));
        assert.deepEqual(uploadsLifecycle(30).find((r) => r.id === "expire-uploads")?.expiration, { days: 30 });
    });

    it("replaced or deleted uploads can be restored for 30 days, then expire", () => {
        const rule = uploadsLifecycle(0).find((r) => r.id === "expire-replaced-uploads");
        assert.deepEqual(rule?.noncurrentVersionExpiration, { noncurrentDays: 30 });
    });

    it("backups expire after the retention, and their replaced or deleted versions as long after", () => {
        const [, rule] = backupsLifecycle(30, false);
        assert.deepEqual(rule.expiration, { days: 30 }, "current backups no longer grow forever");
        assert.deepEqual(rule.noncurrentVersionExpiration, { noncurrentDays: 30 });
        assert.equal(rule.transitions, undefined, "no storage-class transitions without backupArchive");
    });

    it("archived backups move to Standard-IA at 30 days and Glacier IR at 90 when kept longer", () => {
        const [, rule] = backupsLifecycle(365, true);
        assert.deepEqual(rule.transitions, [{ days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "GLACIER_IR" }]);
        assert.deepEqual(rule.expiration, { days: 365 });
        assert.deepEqual(rule.noncurrentVersionTransitions, [{ noncurrentDays: 30, storageClass: "STANDARD_IA" }]);
    });

    it("every transition comes before the expiry (S3 refuses one on or after it): 90 days keeps only Standard-IA", () => {
        for (const days of [1, 30, 31, 90, 91, 365]) {
            const [, rule] = backupsLifecycle(days, true);
            assert.ok((rule.transitions ?? []).every((t) => t.days < days), `${days}`);
        }
        assert.deepEqual(backupsLifecycle(90, true)[1].transitions, [{ days: 30, storageClass: "STANDARD_IA" }]);
        assert.equal(backupsLifecycle(30, true)[1].transitions, undefined);
    });

    it("CORS exists only for configured origins and never uses a wildcard origin", () => {
        assert.deepEqual(uploadsCors([]), []);
        const [rule] = uploadsCors(["https://app.example.com"]);
        assert.deepEqual(rule.allowedOrigins, ["https://app.example.com"]);
        assert.ok(!rule.allowedMethods.includes("DELETE"));
    });

    it("the bucket policy denies any request without TLS, on the bucket and its objects", () => {
        const doc = tlsOnlyBucketPolicy("arn:aws:s3:::b", appendString);
        assert.equal(doc.Statement.length, 1);
        const [s] = doc.Statement;
        assert.equal(s.Effect, "Deny");
        assert.deepEqual(s.Resource, ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]);
        assert.deepEqual(s.Condition, { Bool: { "aws:SecureTransport": "false" } });
    });
});

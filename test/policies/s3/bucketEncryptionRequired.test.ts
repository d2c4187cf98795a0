import * as assert from "node:assert/strict";
import { bucketEncryptionRequired } from "../../../policies/s3/bucketEncryptionRequired";
import { AES256, KMS, res, secureBucket, side, T } from "../helpers/fixtures";
import { advisory, details, mandatory, runStack, UNKNOWN, urnOf } from "../helpers/server";

describe("s3-bucket-encryption-required", () => {
    describe("compliant", () => {
        it("accepts a bucket whose encryption configuration is linked only through property dependencies (a preview)", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("chat-dev-uploads")), []);
        });
        it("accepts a configuration that names the bucket by its known name", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "logs", { bucket: "logs-123" }), res(T.sse, "logs-sse", { bucket: "logs-123", ...AES256 })]), []);
        });
        it("accepts the V2 spellings of bucket and configuration", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucketV2, "b", { bucket: UNKNOWN }), side(T.sseV2, "b-sse", "b", KMS())]), []);
        });
        it("accepts a configuration linked through the resource's dependencies when the property has none recorded", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), res(T.sse, "b-sse", { bucket: UNKNOWN, ...AES256 }, { dependsOn: ["b"] })]), []);
        });
        it("accepts the deprecated inline configuration when its value is known", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "b", {
                serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } },
            })]), []);
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucketV2, "b", {
                serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] }],
            })]), []);
        });
    });

    describe("violating", () => {
        it("accepts a bare bucket as the aws-typescript template makes it: S3 applies SSE-S3 by default (since 2023-01-05)", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "my-bucket")]), []);
            assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("chat-dev-backups", { sse: false })), []);
            assert.deepEqual(runStack(bucketEncryptionRequired, [res(T.bucket, "b", { serverSideEncryptionConfiguration: UNKNOWN })]), []);
        });
        it("flags a bucket without a configuration when the stack requires KMS for it, naming the bucket, the default and the fix", () => {
            const diags = runStack(bucketEncryptionRequired, [...secureBucket("chat-prod-backups", { sse: false }), ...secureBucket("chat-prod-static", { sse: false })],
                { config: { requireKmsFor: ["*backups*"] } });
            assert.deepEqual(details(diags), ["chat-prod-backups: has no server-side encryption configuration, so only S3's default SSE-S3 applies, but this stack's policy config requires SSE-KMS for this bucket. "
                + "Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: chat-prod-backups.id and a rule applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\", kmsMasterKeyId: <the stack's key> }."]);
            assert.equal(diags[0].urn, urnOf({ type: T.bucket, name: "chat-prod-backups" }));
            assert.equal(diags[0].enforcementLevel, "mandatory");
        });
        it("does not count a configuration of a bucket outside the stack when KMS is required", () => {
            const diags = runStack(bucketEncryptionRequired, [res(T.bucket, "b"), res(T.sse, "other-sse", { bucket: "existing-bucket", ...KMS() })], { config: { requireKmsFor: ["*"] } });
            assert.equal(mandatory(diags).length, 1);
        });
        it("flags a configuration with no rules or an unsupported algorithm", () => {
            assert.match(details(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: [] })]))[0], /^b: b-sse\.rules declares no default-encryption rule/);
            assert.match(details(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "none" } }] })]))[0],
                /b-sse\.rules\[0\] sets no supported sseAlgorithm \("none"\)/);
        });
    });

    describe("KMS where the config requires it", () => {
        const config = { requireKmsFor: ["*backups*"] };
        it("flags SSE-S3 on a bucket that must use KMS, and only there", () => {
            const diags = runStack(bucketEncryptionRequired, [...secureBucket("chat-backups"), ...secureBucket("chat-uploads")], { config });
            assert.deepEqual(details(diags), ["chat-backups: chat-backups-sse.rules[0] uses SSE-S3 (AES256), but this stack's policy config requires SSE-KMS for this bucket. "
                + "Set sseAlgorithm \"aws:kms\" with kmsMasterKeyId set to the stack's KMS key."]);
        });
        it("accepts SSE-KMS on a bucket that must use KMS", () => {
            assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("chat-backups", { sse: KMS(UNKNOWN) }), { config }), []);
        });
        it("requires a customer-managed key when configured, rejecting the aws/s3 alias", () => {
            const strict = { requireKmsFor: ["*"], requireCustomerManagedKey: true };
            assert.match(details(runStack(bucketEncryptionRequired, secureBucket("b", { sse: KMS(null) }), { config: strict }))[0], /AWS-managed key aws\/s3/);
            assert.equal(runStack(bucketEncryptionRequired, secureBucket("b", { sse: KMS("alias/aws/s3") }), { config: strict }).length, 1);
            assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("b", { sse: KMS(UNKNOWN) }), { config: strict }), []);
        });
    });

    describe("unknown inputs", () => {
        it("notes a configuration whose rules are unknown", () => {
            const diags = runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: UNKNOWN })]);
            assert.deepEqual(details(diags), ["b: b-sse.rules is not known during preview, so the bucket's default encryption cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
            assert.equal(diags[0].enforcementLevel, "advisory");
        });
        it("notes an unknown algorithm", () => {
            assert.equal(advisory(runStack(bucketEncryptionRequired, [res(T.bucket, "b"), side(T.sse, "b-sse", "b", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } }] })])).length, 1);
        });
        it("notes, instead of failing, a bucket that must use KMS and that an untraceable configuration may target", () => {
            const diags = runStack(bucketEncryptionRequired, [res(T.bucket, "b"), res(T.bucket, "c"), res(T.sse, "x-sse", { bucket: UNKNOWN, ...AES256 }, { dependsOn: ["b", "c"] })],
                { config: { requireKmsFor: ["*"] } });
            assert.equal(diags.length, 2);
            assert.deepEqual(diags.map((d) => d.enforcementLevel), ["advisory", "advisory"]);
            assert.match(diags[0].detail, /the bucket input of x-sse is not known during preview/);
        });
    });

    it("skips an exempt bucket", () => {
        assert.deepEqual(runStack(bucketEncryptionRequired, secureBucket("legacy-logs", { sse: false }), { config: { exemptions: [{ resource: "legacy-*", reason: "imported, encrypted by account default" }] } }), []);
    });
});

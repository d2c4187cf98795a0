import * as assert from "node:assert/strict";
import { bucketPublicAccessBlockRequired } from "../../../policies/s3/bucketPublicAccessBlockRequired";
import { ALL_BLOCKED, res, secureBucket, T } from "../helpers/fixtures";
import { advisory, details, runStack, UNKNOWN } from "../helpers/server";

describe("s3-bucket-public-access-block-required", () => {
    it("accepts a bucket with all four flags on", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, secureBucket("b")), []);
    });
    it("accepts buckets covered by an account-wide block with all flags on", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, [...secureBucket("b", { pab: false }), res(T.accountPab, "account", ALL_BLOCKED)]), []);
    });
    it("flags a bucket without a public access block", () => {
        assert.deepEqual(details(runStack(bucketPublicAccessBlockRequired, secureBucket("b", { pab: false }))),
            ["b: has no public access block, so a later ACL or policy change could make it public. Add an aws.s3.BucketPublicAccessBlock with bucket: b.id "
                + "and blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets all true."]);
    });
    it("does not count an account-wide block that leaves a flag off", () => {
        assert.equal(runStack(bucketPublicAccessBlockRequired, [...secureBucket("b", { pab: false }), res(T.accountPab, "account", { ...ALL_BLOCKED, restrictPublicBuckets: false })]).length, 1);
    });
    it("flags a block that leaves flags off, naming them", () => {
        assert.deepEqual(details(runStack(bucketPublicAccessBlockRequired, secureBucket("b", { pab: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false } }))),
            ["b: its public access block b-pab leaves blockPublicPolicy, restrictPublicBuckets off. Set blockPublicPolicy: true, restrictPublicBuckets: true; "
                + "if the bucket must be public, mark it in publicBuckets in the policy config."]);
    });
    it("lets a bucket marked public allow a public policy but never public ACLs", () => {
        const config = { publicBuckets: [{ bucket: "site", reason: "public web assets" }] };
        const policyOpen = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false };
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, secureBucket("site", { pab: policyOpen }), { config }), []);
        assert.match(details(runStack(bucketPublicAccessBlockRequired, secureBucket("site", { pab: { ...policyOpen, blockPublicAcls: false } }), { config }))[0], /leaves blockPublicAcls off.*public through its bucket policy only/);
    });
    it("notes an unknown flag", () => {
        assert.equal(advisory(runStack(bucketPublicAccessBlockRequired, secureBucket("b", { pab: { ...ALL_BLOCKED, blockPublicAcls: UNKNOWN } }))).length, 1);
    });
});

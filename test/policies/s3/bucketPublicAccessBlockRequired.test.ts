import * as assert from "node:assert/strict";
import { bucketPublicAccessBlockRequired } from "../../../policies/s3/bucketPublicAccessBlockRequired";
import { ALL_BLOCKED, res, secureBucket, T } from "../helpers/fixtures";
import { advisory, details, mandatory, runStack, UNKNOWN } from "../helpers/server";

describe("s3-bucket-public-access-block-required", () => {
    it("accepts a bucket with all four flags on", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, secureBucket("b")), []);
    });
    it("accepts buckets covered by an account-wide block with all flags on", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, [...secureBucket("b", { pab: false }), res(T.accountPab, "account", ALL_BLOCKED)]), []);
    });
    it("accepts a bucket without a public access block: AWS turns all four settings on for new buckets (since April 2023)", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, secureBucket("b", { pab: false })), []);
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, [res(T.bucket, "my-bucket")]), []);
    });
    it("accepts a bucket without its own block beside an account-wide block that leaves a flag off (the bucket's default still blocks)", () => {
        assert.deepEqual(runStack(bucketPublicAccessBlockRequired, [...secureBucket("b", { pab: false }), res(T.accountPab, "account", { ...ALL_BLOCKED, restrictPublicBuckets: false })]), []);
    });
    it("still flags a bucket block that turns a flag off when the account-wide block leaves one off too", () => {
        assert.equal(mandatory(runStack(bucketPublicAccessBlockRequired, [...secureBucket("b", { pab: { ...ALL_BLOCKED, blockPublicPolicy: false } }),
            res(T.accountPab, "account", { ...ALL_BLOCKED, restrictPublicBuckets: false })])).length, 1);
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

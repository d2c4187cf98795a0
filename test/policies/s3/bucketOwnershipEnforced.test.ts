import * as assert from "node:assert/strict";
import { bucketOwnershipEnforced } from "../../../policies/s3/bucketOwnershipEnforced";
import { side, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

describe("s3-bucket-ownership-enforced", () => {
    it("accepts BucketOwnerEnforced", () => {
        assert.deepEqual(runResource(bucketOwnershipEnforced, side(T.ownership, "b-ownership", "b", { rule: { objectOwnership: "BucketOwnerEnforced" } })), []);
    });
    it("flags ObjectWriter, advisory by default", () => {
        const d = runResource(bucketOwnershipEnforced, side(T.ownership, "b-ownership", "b", { rule: { objectOwnership: "ObjectWriter" } }));
        assert.deepEqual(details(d), ["b-ownership: rule.objectOwnership is \"ObjectWriter\", which re-enables ACLs. Set it to \"BucketOwnerEnforced\" (only log-delivery buckets need ACLs; exempt those)."]);
        assert.equal(d[0].enforcementLevel, "advisory");
    });
    it("notes an unknown setting", () => {
        assert.equal(runResource(bucketOwnershipEnforced, side(T.ownership, "o", "b", { rule: UNKNOWN })).length, 1);
    });
});

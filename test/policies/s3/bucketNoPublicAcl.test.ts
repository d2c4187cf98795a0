import * as assert from "node:assert/strict";
import { bucketNoPublicAcl } from "../../../policies/s3/bucketNoPublicAcl";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("s3-bucket-no-public-acl", () => {
    it("accepts a bucket without an ACL and a private bucket ACL", () => {
        assert.deepEqual(runResource(bucketNoPublicAcl, res(T.bucket, "b", { bucketPrefix: "b-" })), []);
        assert.deepEqual(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { bucket: UNKNOWN, acl: "private" })), []);
    });
    it("flags a canned public-read ACL on the bucket", () => {
        assert.deepEqual(details(runResource(bucketNoPublicAcl, res(T.bucket, "b", { acl: "public-read" }))),
            ["b: acl is \"public-read\", which lets anyone read the bucket. Remove it; keep ACLs disabled (BucketOwnerEnforced) and serve public content through CloudFront."]);
    });
    it("flags public-read-write and authenticated-read on BucketAcl resources", () => {
        assert.match(details(runResource(bucketNoPublicAcl, res(T.bucketAclV2, "b-acl", { acl: "public-read-write" })))[0], /read and write/);
        assert.equal(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { acl: "authenticated-read" })).length, 1);
    });
    it("flags grants to AllUsers and AuthenticatedUsers in either spelling", () => {
        const grant = (uri: string) => ({ grantee: { type: "Group", uri }, permission: "READ" });
        assert.deepEqual(details(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { accessControlPolicy: { owner: { id: "x" }, grants: [grant("http://acs.amazonaws.com/groups/global/AllUsers")] } }))),
            ["b-acl: accessControlPolicy.grants[0] grants access to AllUsers. Remove the grant; share content through CloudFront or presigned URLs."]);
        assert.match(details(runResource(bucketNoPublicAcl, res(T.bucket, "b", { grants: [{ type: "Group", permissions: ["READ"], uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" }] })))[0], /grants\[0\] grants access to AuthenticatedUsers/);
    });
    it("notes an unknown ACL", () => {
        assert.equal(advisory(runResource(bucketNoPublicAcl, res(T.bucketAcl, "b-acl", { acl: UNKNOWN }))).length, 1);
    });
});

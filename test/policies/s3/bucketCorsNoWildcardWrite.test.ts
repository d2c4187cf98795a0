import * as assert from "node:assert/strict";
import { bucketCorsNoWildcardWrite } from "../../../policies/s3/bucketCorsNoWildcardWrite";
import { res, side, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("s3-bucket-cors-no-wildcard-write", () => {
    it("accepts uploads from the application's origins and reads from anywhere", () => {
        assert.deepEqual(runResource(bucketCorsNoWildcardWrite, side(T.cors, "c", "b", { corsRules: [
            { allowedOrigins: ["https://app.example.com"], allowedMethods: ["PUT", "POST"] },
            { allowedOrigins: ["*"], allowedMethods: ["GET", "HEAD"] },
        ] })), []);
    });
    it("flags writes from any origin", () => {
        assert.deepEqual(details(runResource(bucketCorsNoWildcardWrite, side(T.cors, "c", "b", { corsRules: [{ allowedOrigins: ["*"], allowedMethods: ["GET", "put"] }] }))),
            ["c: corsRules[0] lets any origin (\"*\") send put requests. List the application's origins in allowedOrigins."]);
    });
    it("flags the deprecated inline rules on the bucket", () => {
        assert.equal(runResource(bucketCorsNoWildcardWrite, res(T.bucket, "b", { corsRules: [{ allowedOrigins: ["*"], allowedMethods: ["DELETE"] }] })).length, 1);
    });
    it("notes unknown origins on a writing rule", () => {
        assert.equal(advisory(runResource(bucketCorsNoWildcardWrite, side(T.cors, "c", "b", { corsRules: [{ allowedOrigins: UNKNOWN, allowedMethods: ["PUT"] }] }))).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { bucketTlsOnlyPolicy } from "../../../policies/s3/bucketTlsOnlyPolicy";
import { secureBucket } from "../helpers/fixtures";
import { advisory, details, runStack, UNKNOWN } from "../helpers/server";

describe("s3-bucket-tls-only-policy", () => {
    it("accepts a bucket policy that denies requests without TLS", () => {
        assert.deepEqual(runStack(bucketTlsOnlyPolicy, secureBucket("b")), []);
    });
    it("accepts a deny on TLS versions below 1.2", () => {
        const doc = { Statement: [{ Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*", Resource: "*", Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } }] };
        assert.deepEqual(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: doc })), []);
    });
    it("flags a bucket without a bucket policy", () => {
        assert.match(details(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: false })))[0], /^b: has no bucket policy denying requests without TLS/);
    });
    it("flags a bucket policy without the deny statement", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" }] };
        assert.deepEqual(details(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: doc }))),
            ["b: its bucket policy (b-tls-only.policy) has no statement denying requests without TLS. Add a Deny statement for Principal \"*\", Action \"s3:*\" with Condition { Bool: { \"aws:SecureTransport\": \"false\" } }."]);
    });
    it("notes a bucket policy that is unknown during preview", () => {
        assert.equal(advisory(runStack(bucketTlsOnlyPolicy, secureBucket("b", { policy: UNKNOWN }))).length, 1);
    });
});

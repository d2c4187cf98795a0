import * as assert from "node:assert/strict";
import { bucketPolicyNoPublicPrincipal } from "../../../policies/s3/bucketPolicyNoPublicPrincipal";
import { res, secureBucket, side, T } from "../helpers/fixtures";
import { advisory, details, mandatory, runStack, UNKNOWN, urnOf } from "../helpers/server";

const publicRead = (resource = "arn:aws:s3:::b/*", action: unknown = "s3:GetObject") => JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: action, Resource: resource }],
});

describe("s3-bucket-policy-no-public-principal", () => {
    it("accepts the TLS-only deny statement (Principal \"*\" in a Deny)", () => {
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b")), []);
    });
    it("accepts CloudFront access pinned by aws:SourceArn", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*",
            Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } } }] };
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc })), []);
    });
    it("accepts Principal \"*\" pinned to the organisation", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }] };
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc })), []);
    });
    it("flags anonymous read, pointing to CloudFront or publicBuckets", () => {
        const diags = runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: publicRead() }));
        assert.deepEqual(details(diags), ["b-tls-only: policy statement 0 (Sid PublicRead) allows s3:getobject to everyone (Principal \"*\") with no condition pinning the caller. "
            + "Serve public content through CloudFront with origin access control, or mark the bucket public in publicBuckets in the policy config."]);
        assert.equal(diags[0].urn, urnOf({ type: T.bucketPolicy, name: "b-tls-only" }));
    });
    it("flags AWS: \"*\" with write access", () => {
        const doc = { Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:*"], Resource: "*" }] };
        assert.match(details(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc })))[0], /allows s3:\* to everyone.*never to everyone; public buckets may allow s3:GetObject only/);
    });
    it("reads statements given as JSON strings", () => {
        const doc = { Statement: [JSON.stringify({ Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: "*" })] };
        assert.equal(mandatory(runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: doc }))).length, 1);
    });

    describe("buckets marked public in config", () => {
        const config = { publicBuckets: [{ bucket: "site", reason: "public web assets", readPrefixes: ["public/"] }] };
        it("allow anonymous s3:GetObject on their read prefixes", () => {
            assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, secureBucket("site", { policy: publicRead("arn:aws:s3:::site/public/*") }), { config }), []);
        });
        it("do not allow anonymous reads outside their read prefixes", () => {
            assert.match(details(runStack(bucketPolicyNoPublicPrincipal, secureBucket("site", { policy: publicRead("arn:aws:s3:::site/*") }), { config }))[0], /outside the public prefixes \(public\/\)/);
        });
        it("never allow anonymous writes", () => {
            assert.equal(mandatory(runStack(bucketPolicyNoPublicPrincipal, secureBucket("site", { policy: publicRead("arn:aws:s3:::site/public/*", "s3:PutObject") }), { config })).length, 1);
        });
        it("match a bucket outside the stack by its name", () => {
            const specs = [res(T.bucketPolicy, "site-policy", { bucket: "site", policy: publicRead("arn:aws:s3:::site/public/*") })];
            assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, specs, { config }), []);
        });
        it("note a public read whose bucket cannot be traced during preview", () => {
            const specs = [res(T.bucketPolicy, "p", { bucket: UNKNOWN, policy: publicRead("arn:aws:s3:::site/public/*") })];
            assert.equal(advisory(runStack(bucketPolicyNoPublicPrincipal, specs, { config })).length, 1);
        });
    });

    it("notes a bucket policy that is unknown during preview", () => {
        const diags = runStack(bucketPolicyNoPublicPrincipal, secureBucket("b", { policy: UNKNOWN }));
        assert.deepEqual(details(diags), ["b-tls-only: policy is not known during preview, so whether the bucket policy grants access to everyone cannot be checked yet. The policy checks the real value once it is known, during `pulumi up`."]);
    });
    it("flags a known public inline bucket policy, and only once when a BucketPolicy also targets the bucket", () => {
        assert.equal(runStack(bucketPolicyNoPublicPrincipal, [res(T.bucket, "b", { policy: publicRead() })]).length, 1);
        const both = [res(T.bucket, "b", { policy: publicRead() }), side(T.bucketPolicy, "b-policy", "b", { policy: publicRead() })];
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, both).map((d) => d.urn), [urnOf({ type: T.bucketPolicy, name: "b-policy" })]);
    });
    it("ignores an inline bucket policy that is unknown (computed) during preview", () => {
        assert.deepEqual(runStack(bucketPolicyNoPublicPrincipal, [res(T.bucket, "b", { policy: UNKNOWN })]), []);
    });
});

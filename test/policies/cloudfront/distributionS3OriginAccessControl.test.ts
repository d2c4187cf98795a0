import * as assert from "node:assert/strict";
import { distributionS3OriginAccessControl } from "../../../policies/cloudfront/distributionS3OriginAccessControl";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("cloudfront-distribution-s3-origin-access-control", () => {
    it("accepts an S3 origin with origin access control, even with an unknown domain", () => {
        assert.deepEqual(runResource(distributionS3OriginAccessControl, res(T.distribution, "cdn", { origins: [{ originId: "s3", domainName: UNKNOWN, originAccessControlId: UNKNOWN }] })), []);
    });
    it("accepts a legacy origin access identity", () => {
        assert.deepEqual(runResource(distributionS3OriginAccessControl, res(T.distribution, "cdn", { origins: [{ originId: "s3", domainName: "b.s3.amazonaws.com", s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E1" } }] })), []);
    });
    it("ignores custom origins such as the load balancer", () => {
        assert.deepEqual(runResource(distributionS3OriginAccessControl, res(T.distribution, "cdn", { origins: [{ originId: "alb", domainName: "alb.example.com", customOriginConfig: { originProtocolPolicy: "https-only" } }] })), []);
    });
    it("flags an S3 REST origin without access control", () => {
        assert.match(details(runResource(distributionS3OriginAccessControl, res(T.distribution, "cdn", { origins: [{ originId: "s3", domainName: "static.s3.us-east-1.amazonaws.com" }] })))[0],
            /^cdn: origins\[0\] reads an S3 bucket without origin access control/);
    });
    it("notes an origin whose domain is unknown and that has no access control", () => {
        assert.equal(advisory(runResource(distributionS3OriginAccessControl, res(T.distribution, "cdn", { origins: [{ originId: "x", domainName: UNKNOWN }] }))).length, 1);
    });
});

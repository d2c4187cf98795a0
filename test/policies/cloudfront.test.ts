import * as assert from "node:assert/strict";
import { distributionMinimumTls } from "../../policies/cloudfront/distributionMinimumTls";
import { distributionS3OriginAccessControl } from "../../policies/cloudfront/distributionS3OriginAccessControl";
import { distributionViewerHttps } from "../../policies/cloudfront/distributionViewerHttps";
import { res, T } from "./helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "./helpers/server";

const CERT = { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" };

describe("cloudfront-distribution-viewer-https", () => {
    it("accepts redirect-to-https and https-only behaviours", () => {
        assert.deepEqual(runResource(distributionViewerHttps, res(T.distribution, "cdn", {
            defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
            orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "https-only" }],
        })), []);
    });
    it("flags allow-all on the default behaviour", () => {
        assert.deepEqual(details(runResource(distributionViewerHttps, res(T.distribution, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" } }))),
            ["cdn: defaultCacheBehavior.viewerProtocolPolicy is \"allow-all\", so viewers can fetch over plain HTTP. Set it to \"redirect-to-https\"."]);
    });
    it("flags allow-all on an ordered behaviour, naming it", () => {
        assert.match(details(runResource(distributionViewerHttps, res(T.distribution, "cdn", {
            defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "allow-all" }],
        })))[0], /orderedCacheBehaviors\[0\]\.viewerProtocolPolicy/);
    });
    it("notes unknown behaviours", () => {
        assert.equal(advisory(runResource(distributionViewerHttps, res(T.distribution, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: UNKNOWN }))).length, 1);
    });
});

describe("cloudfront-distribution-minimum-tls", () => {
    it("accepts an ACM certificate with TLSv1.2_2021", () => {
        assert.deepEqual(runResource(distributionMinimumTls, res(T.distribution, "cdn", { viewerCertificate: CERT })), []);
    });
    it("flags the default certificate", () => {
        assert.match(details(runResource(distributionMinimumTls, res(T.distribution, "cdn", { viewerCertificate: { cloudfrontDefaultCertificate: true } })))[0], /^cdn: uses the default \*\.cloudfront\.net certificate/);
    });
    it("flags an old minimum protocol and a missing one", () => {
        assert.deepEqual(details(runResource(distributionMinimumTls, res(T.distribution, "cdn", { viewerCertificate: { ...CERT, minimumProtocolVersion: "TLSv1_2016" } }))),
            ["cdn: viewerCertificate.minimumProtocolVersion is \"TLSv1_2016\", which accepts TLS older than 1.2. Set it to \"TLSv1.2_2021\"."]);
        assert.match(details(runResource(distributionMinimumTls, res(T.distribution, "cdn", { viewerCertificate: { acmCertificateArn: "arn" } })))[0], /not set \(CloudFront defaults to TLSv1\)/);
    });
    it("notes an unknown certificate block", () => {
        assert.equal(advisory(runResource(distributionMinimumTls, res(T.distribution, "cdn", { viewerCertificate: UNKNOWN }))).length, 1);
    });
});

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

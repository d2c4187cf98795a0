import * as assert from "node:assert/strict";
import { distributionMinimumTls } from "../../../policies/cloudfront/distributionMinimumTls";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

const CERT = { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" };

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

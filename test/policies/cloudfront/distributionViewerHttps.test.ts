import * as assert from "node:assert/strict";
import { distributionViewerHttps } from "../../../policies/cloudfront/distributionViewerHttps";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

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

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { distributionResponseHeadersPolicyRequired } from "../../../policies/cloudfront/distributionResponseHeadersPolicyRequired";

describe("cloudfront-distribution-response-headers-policy-required", () => {
    judgesSetting(distributionResponseHeadersPolicyRequired, {
        type: "aws:cloudfront/distribution:Distribution",
        name: "site",
        base: { enabled: true, origins: [{ domainName: "b.s3.amazonaws.com", originId: "s3" }], defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" } },
        passes: {
        "the managed security headers policy": { defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], responseHeadersPolicyId: "67f7725c-6f97-4210-82d7-5512b31e9d03" } },
    },
        fails: {
        "an empty policy id": { defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], responseHeadersPolicyId: "" } },
    },
        absent: "fails",
        unknown: { defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], responseHeadersPolicyId: UNKNOWN } },
    unknownMeans: "present",
        mentions: ["responseHeadersPolicyId"],
    });
});

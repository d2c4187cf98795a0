import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { distributionDefaultRootObjectRequired } from "../../../policies/cloudfront/distributionDefaultRootObjectRequired";

describe("cloudfront-distribution-default-root-object-required", () => {
    judgesSetting(distributionDefaultRootObjectRequired, {
        type: "aws:cloudfront/distribution:Distribution",
        name: "site",
        base: { enabled: true, origins: [{ domainName: "b.s3.amazonaws.com", originId: "s3" }], defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" } },
        passes: {
        "index.html": { defaultRootObject: "index.html" },
    },
        fails: {
        "an empty root object": { defaultRootObject: "" },
    },
        absent: "fails",
        unknown: { defaultRootObject: UNKNOWN },
    unknownMeans: "present",
        mentions: ["defaultRootObject"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { distributionEnabled } from "../../../policies/cloudfront/distributionEnabled";

describe("cloudfront-distribution-enabled", () => {
    judgesSetting(distributionEnabled, {
        type: "aws:cloudfront/distribution:Distribution",
        name: "site",
        base: { origins: [{ domainName: "b.s3.amazonaws.com", originId: "s3" }], defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" } },
        passes: {
        "enabled: true": { enabled: true },
    },
        fails: {
        "enabled: false": { enabled: false },
    },
        absent: "fails",
        unknown: { enabled: UNKNOWN },
        mentions: ["enabled"],
    });
});

import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { distributionGeoRestrictionEnabled } from "../../../policies/cloudfront/distributionGeoRestrictionEnabled";

describe("cloudfront-distribution-geo-restriction-enabled", () => {
    judgesSetting(distributionGeoRestrictionEnabled, {
        type: "aws:cloudfront/distribution:Distribution",
        name: "site",
        base: { enabled: true, origins: [{ domainName: "b.s3.amazonaws.com", originId: "s3" }], defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" } },
        passes: {
        "a blacklist": { restrictions: { geoRestriction: { restrictionType: "blacklist", locations: ["KP"] } } },
    },
        fails: {
        "none": { restrictions: { geoRestriction: { restrictionType: "none" } } },
    },
        absent: "fails",
        unknown: { restrictions: { geoRestriction: { restrictionType: UNKNOWN } } },
        mentions: ["restrictionType"],
    });
});

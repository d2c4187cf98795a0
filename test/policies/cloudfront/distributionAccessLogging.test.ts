import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { distributionAccessLogging } from "../../../policies/cloudfront/distributionAccessLogging";

describe("cloudfront-distribution-access-logging", () => {
    judgesSetting(distributionAccessLogging, {
        type: "aws:cloudfront/distribution:Distribution",
        name: "site",
        base: { enabled: true, origins: [{ domainName: "b.s3.amazonaws.com", originId: "s3" }], defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" } },
        passes: {
        "a log bucket": { loggingConfig: { bucket: "logs.s3.amazonaws.com" } },
    },
        fails: {
        "an empty log bucket": { loggingConfig: { bucket: "" } },
    },
        absent: "fails",
        unknown: { loggingConfig: { bucket: UNKNOWN } },
    unknownMeans: "present",
        mentions: ["loggingConfig.bucket"],
    });
});

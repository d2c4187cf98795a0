import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { distributionOriginHttps } from "../../../policies/cloudfront/distributionOriginHttps";

describe("cloudfront-distribution-origin-https", () => {
    judgesSetting(distributionOriginHttps, {
        type: "aws:cloudfront/distribution:Distribution",
        name: "api-cdn",
        base: { enabled: true, origins: [{ domainName: "alb.example.com", originId: "alb", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }], defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" } },
        passes: {
        "an https-only TLS 1.2 origin": {},
        "an S3 origin": { origins: [{ domainName: "b.s3.amazonaws.com", originId: "s3", originAccessControlId: UNKNOWN }] },
    },
        fails: {
        "match-viewer": { origins: [{ domainName: "alb.example.com", originId: "alb", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1.2"] } }] },
        "TLSv1 allowed": { origins: [{ domainName: "alb.example.com", originId: "alb", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1", "TLSv1.2"] } }] },
    },
        absent: "passes",
        unknown: { origins: UNKNOWN },
        mentions: ["origins[0].customOriginConfig"],
    });
});

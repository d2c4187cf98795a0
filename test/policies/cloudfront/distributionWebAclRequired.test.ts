import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { distributionWebAclRequired } from "../../../policies/cloudfront/distributionWebAclRequired";

describe("cloudfront-distribution-web-acl-required", () => {
    judgesSetting(distributionWebAclRequired, {
        type: "aws:cloudfront/distribution:Distribution",
        name: "site",
        base: { enabled: true, origins: [{ domainName: "b.s3.amazonaws.com", originId: "s3" }], defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }, restrictions: { geoRestriction: { restrictionType: "none" } }, viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/1", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" } },
        passes: {
        "a web ACL": { webAclId: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/1" },
    },
        fails: {
        "an empty web ACL": { webAclId: "" },
    },
        absent: "fails",
        unknown: { webAclId: UNKNOWN },
    unknownMeans: "present",
        mentions: ["webAclId"],
    });
});

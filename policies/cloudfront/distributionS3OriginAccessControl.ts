import { resourcePolicy } from "../lib/policy";
import { at, pathText, records, str, UNKNOWN } from "../lib/values";
import { DISTRIBUTION } from "./shared";

/** bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com, bucket.s3-<region>.amazonaws.com (not website endpoints). */
const S3_REST_ENDPOINT = /\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

export const distributionS3OriginAccessControl = resourcePolicy({
    name: "cloudfront-distribution-s3-origin-access-control",
    description: "S3 origins are reached through origin access control (or a legacy origin access identity), so the bucket can stay private.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.13" }],
    topics: ["data-protection", "network"],
    resourceTypes: [DISTRIBUTION],
    remediation: "Create an aws.cloudfront.OriginAccessControl and set originAccessControlId on the S3 origin.",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
    check(r, _config, report) {
        const origins = records(r.props.origins);
        if (origins === UNKNOWN) return report.unknown("whether S3 origins use origin access control", "origins");
        (origins ?? []).forEach((o, i) => {
            const field = pathText("origins", i);
            if (o === UNKNOWN) return report.unknown("whether S3 origins use origin access control", field);
            if (o === undefined) return;
            const oac = at(o, "originAccessControlId");
            const oai = at(o, "s3OriginConfig", "originAccessIdentity");
            if ((oac !== undefined && oac !== "") || (oai !== undefined && oai !== "")) return;
            const domain = str(o.domainName);
            const custom = o.customOriginConfig !== undefined || o.vpcOriginConfig !== undefined;
            const s3 = o.s3OriginConfig !== undefined || (typeof domain === "string" && S3_REST_ENDPOINT.test(domain));
            if (!s3 && (custom || typeof domain === "string")) return;
            if (!s3) return report.unknown("whether the origin is an S3 bucket without origin access control", `${field}.domainName`);
            report.violation(`${field} reads an S3 bucket without origin access control, so the bucket must be public for CloudFront to serve it. `
                + "Create an aws.cloudfront.OriginAccessControl (signingBehavior \"always\") and set originAccessControlId; grant s3:GetObject to cloudfront.amazonaws.com with an AWS:SourceArn condition.");
        });
    },
});

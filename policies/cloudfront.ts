/**
 * CloudFront: viewers use HTTPS, the edge accepts TLS 1.2+ only, S3 origins are private behind
 * origin access control.
 */
import { stringList } from "./lib/config";
import { matchesAny } from "./lib/glob";
import { type PackPolicy, resourcePolicy } from "./lib/policy";
import { at, bool, pathText, rec, records, str, UNKNOWN } from "./lib/values";

export const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

const CF_DOCS = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html";
const SECURE_VIEWER = new Set(["redirect-to-https", "https-only"]);

export const viewerHttps = resourcePolicy({
    name: "cloudfront-distribution-viewer-https",
    description: "Every cache behaviour (default and ordered) makes viewers use HTTPS (redirect-to-https or https-only).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.3" }],
    topics: ["encryption", "network"],
    resourceTypes: [DISTRIBUTION],
    remediation: "Set viewerProtocolPolicy to \"redirect-to-https\" on every cache behaviour.",
    url: CF_DOCS,
    check(r, _config, report) {
        const behaviours: { field: string; value: unknown }[] = [{ field: "defaultCacheBehavior", value: r.props.defaultCacheBehavior }];
        const ordered = records(r.props.orderedCacheBehaviors);
        if (ordered === UNKNOWN) report.unknown("whether viewers must use HTTPS", "orderedCacheBehaviors");
        else (ordered ?? []).forEach((b, i) => behaviours.push({ field: pathText("orderedCacheBehaviors", i), value: b }));
        for (const { field, value } of behaviours) {
            if (value === undefined) continue;
            const policy = str(at(value, "viewerProtocolPolicy"));
            if (policy === UNKNOWN) report.unknown("whether viewers must use HTTPS", `${field}.viewerProtocolPolicy`);
            else if (policy === undefined || !SECURE_VIEWER.has(policy)) {
                report.violation(`${field}.viewerProtocolPolicy is ${policy === undefined ? "not set" : `"${policy}"`}, so viewers can fetch over plain HTTP. Set it to "redirect-to-https".`);
            }
        }
    },
});

export const minimumTls = resourcePolicy({
    name: "cloudfront-distribution-minimum-tls",
    description: "Viewer connections require TLS 1.2+: a custom certificate with minimumProtocolVersion TLSv1.2_2019 or newer (the default *.cloudfront.net certificate allows TLSv1).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "CloudFront.7" }],
    topics: ["encryption", "network"],
    resourceTypes: [DISTRIBUTION],
    remediation: "Use an ACM certificate (sslSupportMethod \"sni-only\") with minimumProtocolVersion \"TLSv1.2_2021\".",
    url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
    config: {
        allowedProtocolVersions: stringList("Accepted minimumProtocolVersion values (glob patterns).", ["TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_*"]),
    },
    check(r, config, report) {
        const cert = rec(r.props.viewerCertificate);
        if (cert === UNKNOWN) return report.unknown("the viewer TLS version", "viewerCertificate");
        const usesDefault = bool(at(cert, "cloudfrontDefaultCertificate"));
        if (usesDefault === UNKNOWN) return report.unknown("the viewer TLS version", "viewerCertificate.cloudfrontDefaultCertificate");
        if (usesDefault === true || cert === undefined) {
            return report.violation("uses the default *.cloudfront.net certificate, which keeps TLSv1 enabled for viewers. "
                + "Use an ACM certificate (viewerCertificate.acmCertificateArn, sslSupportMethod \"sni-only\") with minimumProtocolVersion \"TLSv1.2_2021\".");
        }
        const version = str(at(cert, "minimumProtocolVersion"));
        if (version === UNKNOWN) return report.unknown("the viewer TLS version", "viewerCertificate.minimumProtocolVersion");
        if (version === undefined || !matchesAny(config.allowedProtocolVersions, version)) {
            report.violation(`viewerCertificate.minimumProtocolVersion is ${version === undefined ? "not set (CloudFront defaults to TLSv1)" : `"${version}"`}, which accepts TLS older than 1.2. Set it to "TLSv1.2_2021".`);
        }
    },
});

/** bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com, bucket.s3-<region>.amazonaws.com (not website endpoints). */
const S3_REST_ENDPOINT = /\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

export const s3OriginAccessControl = resourcePolicy({
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

export const cloudfrontPolicies: readonly PackPolicy[] = [viewerHttps, minimumTls, s3OriginAccessControl];

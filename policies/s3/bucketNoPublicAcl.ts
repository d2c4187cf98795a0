import { ACL_TYPES, BUCKET_TYPES } from "../lib/buckets";
import { resourcePolicy } from "../lib/policy";
import { at, records, str, UNKNOWN } from "../lib/values";

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

export const bucketNoPublicAcl = resourcePolicy({
    name: "s3-bucket-no-public-acl",
    description: "No bucket or bucket ACL grants access to AllUsers or AuthenticatedUsers (canned public-read, public-read-write, authenticated-read, or grants).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.2" }, { framework: "fsbp", control: "S3.3" }],
    topics: ["data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...ACL_TYPES],
    remediation: "Remove public ACLs; disable ACLs with BucketOwnershipControls BucketOwnerEnforced and share content through CloudFront.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
    check(r, _config, report) {
        const acl = str(r.props.acl);
        if (acl === UNKNOWN) report.unknown("whether the ACL is public", "acl");
        else if (acl !== undefined && PUBLIC_ACLS.has(acl)) {
            report.violation(`acl is "${acl}", which lets anyone ${acl === "public-read-write" ? "read and write" : "read"} the bucket. Remove it; keep ACLs disabled (BucketOwnerEnforced) and serve public content through CloudFront.`);
        }
        const isAcl = ACL_TYPES.includes(r.type as (typeof ACL_TYPES)[number]);
        const field = isAcl ? "accessControlPolicy.grants" : "grants";
        const items = records(isAcl ? at(r.props, "accessControlPolicy", "grants") : r.props.grants);
        const uriOf = (g: unknown) => (isAcl ? at(g, "grantee", "uri") : at(g, "uri"));
        if (items === UNKNOWN) return report.unknown("whether the ACL grants are public", field);
        (items ?? []).forEach((g, i) => {
            const uri = str(uriOf(g));
            if (uri === UNKNOWN) report.unknown("whether the ACL grants are public", `${field}[${i}]`);
            else if (uri !== undefined && PUBLIC_GRANTEES.test(uri)) {
                report.violation(`${field}[${i}] grants access to ${PUBLIC_GRANTEES.exec(uri)?.[1] ?? "everyone"}. Remove the grant; share content through CloudFront or presigned URLs.`);
            }
        });
    },
});

import { OWNERSHIP } from "../lib/buckets";
import { resourcePolicy } from "../lib/policy";
import { at, str, UNKNOWN } from "../lib/values";

export const bucketOwnershipEnforced = resourcePolicy({
    name: "s3-bucket-ownership-enforced",
    description: "Bucket ownership controls keep ACLs disabled (BucketOwnerEnforced, the AWS default for new buckets).",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "S3.12" }],
    topics: ["data-protection", "identity"],
    resourceTypes: [OWNERSHIP],
    remediation: "Set rule.objectOwnership to \"BucketOwnerEnforced\"; exempt log buckets that need ACL delivery.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
    awsDefault: {
        note: "New buckets have Object Ownership BucketOwnerEnforced (ACLs disabled); only ownership controls that re-enable ACLs are reported.",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
        since: "2023-04",
    },
    check(r, _config, report) {
        const ownership = str(at(r.props, "rule", "objectOwnership"));
        if (ownership === UNKNOWN) report.unknown("whether ACLs are disabled", "rule.objectOwnership");
        else if (ownership !== "BucketOwnerEnforced") {
            report.violation(`rule.objectOwnership is ${ownership === undefined ? "not set" : `"${ownership}"`}, which re-enables ACLs. Set it to "BucketOwnerEnforced" (only log-delivery buckets need ACLs; exempt those).`);
        }
    },
});

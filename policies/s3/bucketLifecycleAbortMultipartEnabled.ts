import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { UNKNOWN, at, list, num, rec, str } from "../lib/values";

const LC = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";

export const bucketLifecycleAbortMultipartEnabled = withAwsDefault(resourcePolicy({
    name: "s3-bucket-lifecycle-abort-multipart-enabled",
    description: "Bucket lifecycle configurations abort incomplete multipart uploads (an enabled rule with abortIncompleteMultipartUpload), so abandoned parts stop costing storage.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["data-protection"],
    resourceTypes: [LC],
    remediation: "Add an enabled rule with abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } and an empty filter.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html",
    check(r, _config, report) {
        const what = "whether incomplete uploads are aborted";
        const rules = list(r.props.rules);
        if (rules === UNKNOWN) return report.unknown(what, "rules");
        let unknown = false;
        for (const item of rules ?? []) {
            const rule = rec(item);
            if (rule === UNKNOWN) { unknown = true; continue; }
            if (rule === undefined) continue;
            const status = str(rule.status);
            const days = num(at(rule, "abortIncompleteMultipartUpload", "daysAfterInitiation"));
            if (status === UNKNOWN || days === UNKNOWN) { unknown = true; continue; }
            if (status === "Enabled" && days !== undefined && days >= 1) return;
        }
        if (unknown) return report.unknown(what, "rules");
        report.violation("no enabled rule sets abortIncompleteMultipartUpload, so parts of abandoned multipart uploads stay in the bucket and are billed. Add a rule { status: \"Enabled\", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }.");
        
    },
}), {
    behaviour: "S3 keeps the parts of an incomplete multipart upload, and bills them, until the upload is completed or aborted.",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html",
    checked: "2026-12-04",
});

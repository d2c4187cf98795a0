/**
 * Bucket ↔ aws.s3.BucketLogging: a bucket's server access logs are configured by a side resource
 * whose `bucket` is the bucket (linked by name or, during preview, by property dependency).
 * Buckets that receive logs (the target of a BucketLogging, a load balancer's access logs, a
 * trail, AWS Config, a distribution's standard logs) are left alone: logging a log bucket into itself loops.
 */
import { withAwsDefault } from "../lib/awsdefault";
import { BUCKET_TYPES, bucketsOf } from "../lib/buckets";
import type { StackResource, StackView } from "../lib/graph";
import { stackPolicy } from "../lib/policy";
import { requireSide } from "../lib/sides";
import { at, str } from "../lib/values";

const BUCKET_LOGGING = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const TRAIL = "aws:cloudtrail/trail:Trail";
const CONFIG_DELIVERY = "aws:cfg/deliveryChannel:DeliveryChannel";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const IDENTITY = ["bucket", "id"];
const ACCESS_LOG_DOCS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html";

/** Buckets some resource of the stack delivers logs into. */
function logBuckets(stack: StackView): Set<string> {
    const out = new Set<string>();
    const mark = (side: StackResource, key: string) => {
        const t = stack.target(side, key, BUCKET_TYPES, IDENTITY);
        if (t.kind === "resolved") for (const b of t.resources) out.add(b.urn);
    };
    for (const r of stack.ofType(BUCKET_LOGGING)) mark(r, "targetBucket");
    for (const r of stack.ofType([TRAIL, CONFIG_DELIVERY])) mark(r, "s3BucketName");
    // Nested inputs: by the bucket name when known (a distribution names the bucket's domain),
    // else by the property dependencies of the whole input.
    const byName = new Map<string, string>();
    for (const b of stack.ofType(BUCKET_TYPES)) {
        const name = str(b.props.bucket);
        if (typeof name === "string") byName.set(name, b.urn);
    }
    for (const r of stack.ofType([...LOAD_BALANCERS, DISTRIBUTION])) {
        for (const key of ["accessLogs", "loggingConfig"]) {
            const named = str(at(r.props[key], "bucket"));
            const urn = typeof named === "string" ? byName.get(named.replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com$/, "")) : undefined;
            if (urn !== undefined) out.add(urn);
            for (const d of r.propertyDependencies.get(key) ?? []) {
                // The bucket itself, or a side resource of it (a component that hands out the
                // bucket only once its policy exists makes the input depend on that policy).
                if ((BUCKET_TYPES as readonly string[]).includes(d.type)) out.add(d.urn);
                else if (d.props.bucket !== undefined) mark(d, "bucket");
            }
        }
    }
    return out;
}

export const bucketAccessLogging = withAwsDefault(stackPolicy({
    name: "s3-bucket-access-logging",
    description: "Every bucket that holds data (not one that receives logs) has server access logging (an aws.s3.BucketLogging whose bucket is it), so requests to its objects can be audited.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "S3.9" }],
    topics: ["logging", "data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...BUCKET_LOGGING, ...LOAD_BALANCERS, TRAIL, CONFIG_DELIVERY, DISTRIBUTION],
    remediation: "Add an aws.s3.BucketLogging with bucket set to the bucket and targetBucket set to a log bucket of its own (with a lifecycle rule), or record S3 data events with CloudTrail.",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html",
    check(stack, _config, report) {
        const receivers = logBuckets(stack);
        requireSide(stack, report, {
            targets: bucketsOf(stack).filter((b) => !receivers.has(b.urn)),
            sideTypes: BUCKET_LOGGING, key: "bucket", targetTypes: BUCKET_TYPES, identityKeys: IDENTITY,
            what: () => "whether the bucket logs its requests",
            missing: () => "has no server access logging (no aws.s3.BucketLogging names it), and S3 logs no requests by default, so who read or deleted which object cannot be told afterwards. "
                + "Add an aws.s3.BucketLogging with targetBucket set to a log bucket, or record S3 data events with CloudTrail.",
        });
    },
}), {
    behaviour: "Server access logging is off for a new bucket; S3 records requests only once a target bucket is configured.",
    source: ACCESS_LOG_DOCS,
    checked: "2026-12-04",
});

import { ACCOUNT_PAB, BUCKET_TYPES, bucketsOf, PAB, type SideVerdict } from "../lib/buckets";
import { publicBuckets } from "../lib/config";
import type { StackResource } from "../lib/graph";
import { stackPolicy } from "../lib/policy";
import { bool, UNKNOWN } from "../lib/values";
import { checkBuckets } from "./checkBuckets";
import { publicEntry } from "./publicBuckets";

// Public access

const PAB_FLAGS = ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"] as const;
const ACL_FLAGS = ["blockPublicAcls", "ignorePublicAcls"] as const;

function judgePab(side: StackResource, isPublic: boolean): SideVerdict {
    const required = isPublic ? ACL_FLAGS : PAB_FLAGS;
    const off: string[] = [];
    for (const f of required) {
        const v = bool(side.props[f]);
        if (v === UNKNOWN) return { kind: "unknown", what: "the bucket's public access block", field: `${side.name}.${f}` };
        if (v !== true) off.push(f);
    }
    if (off.length === 0) return { kind: "ok" };
    return {
        kind: "bad",
        text: `its public access block ${side.name} leaves ${off.join(", ")} off. Set ${off.map((f) => `${f}: true`).join(", ")}`
            + (isPublic ? " (a public bucket still blocks ACLs; it is public through its bucket policy only)." : "; if the bucket must be public, mark it in publicBuckets in the policy config."),
    };
}

export const bucketPublicAccessBlockRequired = stackPolicy({
    name: "s3-bucket-public-access-block-required",
    description: "No public access block turns a flag off (buckets marked public in config may allow a public policy, never public ACLs); a bucket without one keeps AWS's default of all four on.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.8" }, { framework: "cis", control: "2.1.4" }],
    topics: ["data-protection", "network"],
    resourceTypes: [...BUCKET_TYPES, PAB, ACCOUNT_PAB],
    remediation: "Add an aws.s3.BucketPublicAccessBlock with blockPublicAcls, ignorePublicAcls, blockPublicPolicy and restrictPublicBuckets all true.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    awsDefault: {
        note: "New buckets have all four Block Public Access settings on (and ACLs disabled), so a bucket without an aws.s3.BucketPublicAccessBlock passes; one that turns a flag off fails.",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        since: "2023-04",
    },
    config: { publicBuckets },
    check(stack, config, report) {
        const accountWide = stack.ofType([ACCOUNT_PAB]).some((a) => PAB_FLAGS.every((f) => bool(a.props[f]) === true));
        if (accountWide) return;
        checkBuckets(stack, report, {
            buckets: bucketsOf(stack),
            sideTypes: [PAB],
            what: "a public access block",
            judge: (side, bucket) => judgePab(side, publicEntry(config.publicBuckets, bucket.name) !== undefined),
            // Since April 2023 a new bucket has all four settings on unless a resource turns them off.
            missing: () => undefined,
        });
    },
});

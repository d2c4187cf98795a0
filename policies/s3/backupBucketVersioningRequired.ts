import { BUCKET, BUCKET_TYPES, bucketsOf, type SideVerdict, VERSIONING_TYPES } from "../lib/buckets";
import { stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import type { StackResource } from "../lib/graph";
import { stackPolicy } from "../lib/policy";
import { at, bool, str, UNKNOWN } from "../lib/values";
import { checkBuckets } from "./checkBuckets";

// Versioning, TLS, ownership, CORS

function judgeVersioning(side: StackResource): SideVerdict {
    const status = str(at(side.props, "versioningConfiguration", "status"));
    if (status === UNKNOWN) return { kind: "unknown", what: "whether versioning is enabled", field: `${side.name}.versioningConfiguration.status` };
    if (status === "Enabled") return { kind: "ok" };
    return { kind: "bad", text: `its versioning resource ${side.name} sets status ${status === undefined ? "nothing" : `"${status}"`}, so an overwrite or delete destroys the only copy of a backup. Set versioningConfiguration.status to "Enabled".` };
}

export const backupBucketVersioningRequired = stackPolicy({
    name: "s3-backup-bucket-versioning-required",
    description: "Backup buckets (logical names matching backupBucketPatterns) have versioning enabled, through aws.s3.BucketVersioning or the inline field.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.14" }],
    topics: ["resilience", "data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...VERSIONING_TYPES],
    remediation: "Add an aws.s3.BucketVersioning with versioningConfiguration.status \"Enabled\".",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
    config: {
        backupBucketPatterns: stringList("Logical names (glob patterns) of buckets that hold backups.", ["*backup*"]),
    },
    check(stack, config, report) {
        checkBuckets(stack, report, {
            buckets: bucketsOf(stack).filter((b) => matchesAny(config.backupBucketPatterns, b.name)),
            sideTypes: VERSIONING_TYPES,
            what: "a versioning configuration",
            judge: judgeVersioning,
            inline: (bucket) => {
                const enabled = bucket.type === BUCKET ? bool(at(bucket.props, "versioning", "enabled")) : bool(at(bucket.props, "versionings", 0, "enabled"));
                return enabled === true ? { kind: "ok" } : undefined;
            },
            missing: (b) => `holds backups but has no versioning, so an overwrite or delete destroys the only copy. Add an aws.s3.BucketVersioning with bucket: ${b.name}.id `
                + "and versioningConfiguration: { status: \"Enabled\" }.",
        });
    },
});

import { BUCKET_TYPES, BUCKET_V2, bucketsOf, type SideVerdict, SSE_TYPES } from "../lib/buckets";
import { flag, stringList } from "../lib/config";
import { matchesAny } from "../lib/glob";
import type { StackResource } from "../lib/graph";
import { stackPolicy } from "../lib/policy";
import { at, list, pathText, rec, str, UNKNOWN } from "../lib/values";
import { checkBuckets } from "./checkBuckets";

// Encryption

interface SseDefault { readonly algorithm: unknown; readonly keyId: unknown; readonly where: string }

/** Default-encryption entries of a side resource (`rules`) or of inline bucket fields. */
function sseDefaults(value: unknown, where: string, shape: "side" | "bucket" | "bucketV2"): SseDefault[] | typeof UNKNOWN {
    const out: SseDefault[] = [];
    const push = (d: unknown, path: string) => out.push({ algorithm: at(d, "sseAlgorithm"), keyId: at(d, "kmsMasterKeyId"), where: path });
    if (shape === "side") {
        const rules = list(value);
        if (rules === UNKNOWN) return UNKNOWN;
        (rules ?? []).forEach((r, i) => push(at(r, "applyServerSideEncryptionByDefault"), `${where}.${pathText("rules", i)}`));
    } else if (shape === "bucket") {
        const cfg = rec(value);
        if (cfg === UNKNOWN) return UNKNOWN;
        if (cfg !== undefined) push(at(cfg, "rule", "applyServerSideEncryptionByDefault"), `${where}.rule`);
    } else {
        const cfgs = list(value);
        if (cfgs === UNKNOWN) return UNKNOWN;
        (cfgs ?? []).forEach((c, i) => {
            const rules = list(at(c, "rules"));
            (rules === UNKNOWN ? [] : rules ?? []).forEach((r, j) => {
                const defaults = list(at(r, "applyServerSideEncryptionByDefaults"));
                (defaults === UNKNOWN ? [] : defaults ?? []).forEach((d, k) => push(d, `${where}[${i}].rules[${j}].applyServerSideEncryptionByDefaults[${k}]`));
            });
        });
    }
    return out;
}

function judgeSse(defaults: SseDefault[] | typeof UNKNOWN, field: string, kmsRequired: boolean, cmkRequired: boolean): SideVerdict {
    const what = "the bucket's default encryption";
    if (defaults === UNKNOWN) return { kind: "unknown", what, field };
    if (defaults.length === 0) return { kind: "bad", text: `${field} declares no default-encryption rule. Add a rule with applyServerSideEncryptionByDefault.sseAlgorithm "aws:kms" (or "AES256").` };
    for (const d of defaults) {
        const algorithm = str(d.algorithm);
        if (algorithm === UNKNOWN) return { kind: "unknown", what, field: `${d.where}.sseAlgorithm` };
        if (algorithm !== "AES256" && algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") {
            return { kind: "bad", text: `${d.where} sets no supported sseAlgorithm (${algorithm === undefined ? "none" : `"${algorithm}"`}). Use "aws:kms" or "AES256".` };
        }
        if (kmsRequired && algorithm === "AES256") {
            return { kind: "bad", text: `${d.where} uses SSE-S3 (AES256), but this stack's policy config requires SSE-KMS for this bucket. Set sseAlgorithm "aws:kms" with kmsMasterKeyId set to the stack's KMS key.` };
        }
        if (kmsRequired && cmkRequired) {
            const key = str(d.keyId);
            if (key === undefined || (typeof key === "string" && /(^|:)alias\/aws\/s3$/.test(key))) {
                return { kind: "bad", text: `${d.where} encrypts with the AWS-managed key aws/s3, but this stack requires a customer-managed key. Set kmsMasterKeyId to the stack's KMS key.` };
            }
        }
    }
    return { kind: "ok" };
}

export const bucketEncryptionRequired = stackPolicy({
    name: "s3-bucket-encryption-required",
    description: "No bucket is left without the encryption the stack requires: a configuration never disables or weakens encryption, and buckets the stack's config names in requireKmsFor use SSE-KMS.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [{ framework: "fsbp", control: "S3.17" }],
    topics: ["encryption", "data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...SSE_TYPES],
    remediation: "Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: <bucket>.id and sseAlgorithm \"aws:kms\" for every bucket the stack requires KMS for.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html",
    awsDefault: {
        note: "S3 encrypts every new object with SSE-S3 (AES-256) when the bucket declares nothing, so a bucket without a configuration passes unless the stack requires KMS for it.",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html",
        since: "2023-01-05",
    },
    config: {
        requireKmsFor: stringList("Buckets (logical names or patterns) that must use SSE-KMS; [\"*\"] for all.", []),
        requireCustomerManagedKey: flag("Buckets that must use SSE-KMS must name a customer-managed key (kmsMasterKeyId, not aws/s3).", false),
    },
    check(stack, config, report) {
        const kms = (b: StackResource) => matchesAny(config.requireKmsFor, b.name);
        checkBuckets(stack, report, {
            buckets: bucketsOf(stack),
            sideTypes: SSE_TYPES,
            what: "a server-side encryption configuration",
            judge: (side, bucket) => judgeSse(sseDefaults(side.props.rules, side.name, "side"), `${side.name}.rules`, kms(bucket), config.requireCustomerManagedKey),
            // Inline (deprecated) encryption counts only when known; during preview a bucket without
            // it reports the field as computed, which must not stand in for a configuration.
            inline: (bucket) => {
                const field = bucket.type === BUCKET_V2 ? "serverSideEncryptionConfigurations" : "serverSideEncryptionConfiguration";
                const defaults = sseDefaults(bucket.props[field], field, bucket.type === BUCKET_V2 ? "bucketV2" : "bucket");
                if (defaults === UNKNOWN || defaults.length === 0) return undefined;
                return judgeSse(defaults, field, kms(bucket), config.requireCustomerManagedKey);
            },
            // Since 2023-01-05 S3 applies SSE-S3 to every object of a bucket that declares nothing:
            // only a stack that requires KMS for the bucket has something to fail.
            missing: (b) => (kms(b)
                ? "has no server-side encryption configuration, so only S3's default SSE-S3 applies, but this stack's policy config requires SSE-KMS for this bucket. "
                    + `Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: ${b.name}.id and a rule applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: <the stack's key> }.`
                : undefined),
        });
    },
});

/**
 * The buckets' lifecycle rules (pure): incomplete uploads, uploads expiry, backups' versions
 * and archive classes.
 */

/**
 * Pure decisions for buckets: lifecycle rules, CORS rules and the TLS-only bucket policy.
 * The SecureBucket component turns these into @pulumi/aws v7 side resources.
 */

export interface Transition {
    days: number;
    storageClass: "STANDARD_IA" | "INTELLIGENT_TIERING" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE";
}

/** A lifecycle rule in the shape aws.s3.BucketLifecycleConfiguration takes. */
export interface LifecycleRule {
    id: string;
    status: "Enabled";
    filter: { prefix: string };
    expiration?: { days: number };
    transitions?: Transition[];
    noncurrentVersionExpiration?: { noncurrentDays: number };
    noncurrentVersionTransitions?: { noncurrentDays: number; storageClass: Transition["storageClass"] }[];
    abortIncompleteMultipartUpload?: { daysAfterInitiation: number };
}

/** Every bucket drops half-finished multipart uploads after a week: they cost money and are invisible. */
export const ABORT_INCOMPLETE_UPLOADS: LifecycleRule = {
    id: "abort-incomplete-multipart-uploads",
    status: "Enabled",
    filter: { prefix: "" },
    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
};

/**
 * Uploads are versioned (an overwrite or delete can be undone for 30 days); objects optionally
 * expire after N days (seed 001 dev: 30).
 */
export function uploadsLifecycle(expirationDays: number): LifecycleRule[] {
    const rules: LifecycleRule[] = [ABORT_INCOMPLETE_UPLOADS, {
        id: "expire-replaced-uploads",
        status: "Enabled",
        filter: { prefix: "" },
        noncurrentVersionExpiration: { noncurrentDays: 30 },
    }];
    if (expirationDays > 0) {
        rules.push({ id: "expire-uploads", status: "Enabled", filter: { prefix: "" }, expiration: { days: expirationDays } });
    }
    return rules;
}

/**
 * Backups are versioned. A backup stays current for `retentionDays`, then expires (S3 turns it
 * into a noncurrent version behind a delete marker); replaced or deleted versions are removed
 * `retentionDays` after that, so an accidental or malicious delete can be undone for as long.
 * With `archive`, current backups move to Standard-IA after 30 days and Glacier Instant
 * Retrieval after 90 (S3 needs 30 days in Standard before IA), each only when it comes before
 * the expiry (S3 refuses a transition on or after it).
 */
export function backupsLifecycle(retentionDays: number, archive: boolean): LifecycleRule[] {
    const rule: LifecycleRule = {
        id: "backup-retention",
        status: "Enabled",
        filter: { prefix: "" },
        expiration: { days: retentionDays },
        noncurrentVersionExpiration: { noncurrentDays: retentionDays },
    };
    if (archive) {
        const transitions: Transition[] = [
            { days: 30, storageClass: "STANDARD_IA" },
            { days: 90, storageClass: "GLACIER_IR" },
        ];
        const early = transitions.filter((t) => t.days < retentionDays);
        if (early.length > 0) rule.transitions = early;
        if (retentionDays > 30) {
            rule.noncurrentVersionTransitions = [{ noncurrentDays: 30, storageClass: "STANDARD_IA" }];
        }
    }
    return [ABORT_INCOMPLETE_UPLOADS, rule];
}

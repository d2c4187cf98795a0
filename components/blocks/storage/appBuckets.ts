import * as pulumi from "@pulumi/pulumi";
import { type HostAccess, type Statement } from "../iam/documents";
import { type StorageSettings } from "../../config/settings";
import { ABORT_INCOMPLETE_UPLOADS, backupsLifecycle, uploadsLifecycle } from "./lifecycle";
import { uploadsCors } from "./cors";
import { SecureBucket } from "./secureBucket";

export interface AppBucketsArgs {
    /** App name, the first part of every bucket's name prefix. */
    appName: string;
    /** Environment label, the second part of every bucket's name prefix. */
    environment: string;
    /** Lifecycles and CORS (validated at the config edge). */
    storage: StorageSettings;
    /**
     * Protect uploads and backups (they hold data nobody can rebuild); the static bucket is
     * refilled by every deploy and stays unprotected.
     * @default false
     */
    protectStateful?: boolean;
    /** Extra statements for the uploads bucket's policy, e.g. CloudFront's grant on the public prefixes. @default undefined */
    uploadsPolicyStatements?: (bucketArn: pulumi.Output<string>) => Statement<pulumi.Input<string>>[];
    /** Extra statements for the static bucket's policy, e.g. CloudFront's read grant. @default undefined */
    staticPolicyStatements?: (bucketArn: pulumi.Output<string>) => Statement<pulumi.Input<string>>[];
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The app's three buckets, the same in every phase (seeds 001 and 003):
 * 1. `uploads`: users' files, versioned, replaced versions kept 30 days, optional expiry, CORS
 *    for the configured browser origins;
 * 2. `static`: built assets, refilled by every deploy (the CDN's origin from phase 2 on);
 * 3. `backups`: versioned, old versions expire, transitions to cheaper classes when archiving.
 * Each is a SecureBucket: private, encrypted, TLS-only, ACLs disabled.
 *
 * Cost: S3 Standard $0.023/GB-month in us-east-1 plus requests; nothing for empty buckets.
 */
export class AppBuckets extends pulumi.ComponentResource {
    readonly uploads: SecureBucket;
    readonly assets: SecureBucket;
    readonly backups: SecureBucket;
    readonly bucketNames: { uploads: pulumi.Output<string>; static: pulumi.Output<string>; backups: pulumi.Output<string> };

    constructor(name: string, args: AppBucketsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:storage:AppBuckets", name, {}, opts);
        const prefix = `${args.appName}-${args.environment}`;
        const stateful = { parent: this, protect: args.protectStateful ?? false };

        this.uploads = new SecureBucket(`${name}-uploads`, {
            namePrefix: `${prefix}-uploads-`,
            tags: args.tags,
            versioning: true,
            lifecycleRules: uploadsLifecycle(args.storage.uploadsExpirationDays),
            corsRules: uploadsCors(args.storage.corsOrigins),
            extraPolicyStatements: args.uploadsPolicyStatements,
        }, stateful);
        this.assets = new SecureBucket(`${name}-static`, {
            namePrefix: `${prefix}-static-`,
            tags: args.tags,
            lifecycleRules: [ABORT_INCOMPLETE_UPLOADS],
            extraPolicyStatements: args.staticPolicyStatements,
        }, { parent: this });
        this.backups = new SecureBucket(`${name}-backups`, {
            namePrefix: `${prefix}-backups-`,
            tags: args.tags,
            versioning: true,
            lifecycleRules: backupsLifecycle(args.storage.backupRetentionDays, args.storage.backupArchive),
        }, stateful);

        this.bucketNames = { uploads: this.uploads.bucketName, static: this.assets.bucketName, backups: this.backups.bucketName };
        this.registerOutputs({ bucketNames: this.bucketNames });
    }

    /**
     * What a host running the app may touch: these buckets (read-write for uploads, read-only for
     * static: CI refills it and the single host serves it as the SPA; write-and-restore for
     * backups, under `backupKeyPrefix` when given), its log group and its SSM parameter path.
     */
    hostAccess(logGroupArn: pulumi.Input<string>, parameterPathArn: pulumi.Input<string>, backupKeyPrefix?: string): HostAccess<pulumi.Input<string>> {
        return {
            readWriteBucketArns: [this.uploads.arn],
            readOnlyBucketArns: [this.assets.arn],
            backupBucketArns: [this.backups.arn],
            ...(backupKeyPrefix !== undefined ? { backupKeyPrefix } : {}),
            logGroupArn,
            parameterPathArn,
        };
    }
}

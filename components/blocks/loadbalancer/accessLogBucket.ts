import * as pulumi from "@pulumi/pulumi";
import { SecureBucket } from "../storage/secureBucket";
import { ABORT_INCOMPLETE_UPLOADS } from "../storage/lifecycle";
import { accessLogObjectsSuffix, elbLogDeliveryStatement } from "./accessLogs";

/** Prefix ELB writes access logs under, inside the access-log bucket. */
export const ACCESS_LOG_PREFIX = "alb";

export interface AccessLogBucketArgs {
    /** Bucket name prefix (S3 appends a unique suffix), e.g. `chat-prod-alb-logs-`. */
    namePrefix: string;
    /** Days access logs are kept (the stack's log retention). */
    retentionDays: number;
    /** Region of the load balancer: ELB's log-delivery principal depends on it. */
    region: string;
    /** This account: ELB may write only under `alb/AWSLogs/<account>/`. */
    accountId: pulumi.Input<string>;
    /** Tags for every child. */
    tags: Record<string, string>;
}

/**
 * The load balancer's access-log bucket (phases 2 and 3): private, encrypted with SSE-S3 (the
 * only encryption ELB log delivery supports), TLS-only, and writable by ELB log delivery under
 * this account's prefix alone; logs expire after the log retention.
 */
export function accessLogBucket(name: string, args: AccessLogBucketArgs, opts: pulumi.ComponentResourceOptions): SecureBucket {
    return new SecureBucket(name, {
        namePrefix: args.namePrefix,
        tags: args.tags,
        lifecycleRules: [ABORT_INCOMPLETE_UPLOADS, {
            id: "expire-access-logs",
            status: "Enabled",
            filter: { prefix: "" },
            expiration: { days: args.retentionDays },
        }],
        extraPolicyStatements: (arn) => [elbLogDeliveryStatement(
            pulumi.interpolate`${arn}${pulumi.output(args.accountId).apply((account) => accessLogObjectsSuffix(ACCESS_LOG_PREFIX, account))}`,
            args.region,
        )],
    }, opts);
}

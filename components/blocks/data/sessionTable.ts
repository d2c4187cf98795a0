import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { SESSION_TTL_ATTRIBUTE } from "./sessions";

export interface SessionTableArgs {
    /**
     * The table's name. Changing it replaces the table (and loses its items).
     * @example "chat-prod-sessions"
     */
    tableName: string;
    /** Partition key (a string). Changing it replaces the table. @default "sessionId" */
    hashKey?: string;
    /**
     * Attribute holding the item's expiry in epoch seconds; DynamoDB deletes expired items for
     * free within a day or two (readers must still check it). @default "expires" (connect-dynamodb)
     */
    ttlAttribute?: string;
    /** Refuse DeleteTable through the API (prod; `protect` in opts guards against Pulumi). @default false */
    deletionProtection?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A DynamoDB table of expiring items keyed by one string (seed 001's `chat-sessions`: hashKey
 * `sessionId`, 24 h TTL written by the app; also the WebSocket connections table):
 * 1. on-demand capacity (no capacity to plan or auto-scale; idle costs nothing);
 * 2. TTL on the expiry attribute, point-in-time recovery (35 days), server-side encryption with
 *    the AWS-managed KMS key, optional deletion protection.
 *
 * Cost (us-east-1, on-demand): $0.625 per million writes, $0.125 per million reads, $0.25/GB-month
 * stored, PITR $0.20/GB-month; TTL deletes are free. A 1 GB sessions table with 10 M writes and
 * 50 M reads a month: $6.25 + $6.25 + $0.25 + $0.20 ≈ $13.
 */
export class SessionTable extends pulumi.ComponentResource {
    readonly table: aws.dynamodb.Table;
    readonly arn: pulumi.Output<string>;
    readonly tableName: pulumi.Output<string>;

    constructor(name: string, args: SessionTableArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:data:SessionTable", name, {}, opts);
        const hashKey = args.hashKey ?? "sessionId";

        this.table = new aws.dynamodb.Table(name, {
            name: args.tableName,
            billingMode: "PAY_PER_REQUEST",
            hashKey,
            attributes: [{ name: hashKey, type: "S" }],
            ttl: { attributeName: args.ttlAttribute ?? SESSION_TTL_ATTRIBUTE, enabled: true },
            pointInTimeRecovery: { enabled: true },
            serverSideEncryption: { enabled: true },
            deletionProtectionEnabled: args.deletionProtection ?? false,
            tableClass: "STANDARD",
            tags: tagsFor(args.tags, args.tableName),
        }, { parent: this });

        this.arn = this.table.arn;
        this.tableName = this.table.name;
        this.registerOutputs({ arn: this.arn, tableName: this.tableName });
    }
}

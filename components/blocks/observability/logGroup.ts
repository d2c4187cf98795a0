import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";

export interface LogGroupArgs {
    /** The log group's name, e.g. `/chat/dev/containers` (seed 004's convention). */
    logGroupName: string;
    /** Days to keep events; one of CloudWatch's allowed values (validated at the config edge). Never "forever" by omission. */
    retentionDays: number;
    /** Encrypt events with this KMS key. @default undefined (CloudWatch-managed encryption) */
    kmsKeyArn?: pulumi.Input<string>;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A CloudWatch log group with an explicit retention period.
 *
 * Cost: $0.50/GB ingested and $0.03/GB-month stored (us-east-1); retention bounds the second.
 */
export class LogGroup extends pulumi.ComponentResource {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly name: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: LogGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:observability:LogGroup", name, {}, opts);
        this.logGroup = new aws.cloudwatch.LogGroup(name, {
            name: args.logGroupName,
            retentionInDays: args.retentionDays,
            kmsKeyId: args.kmsKeyArn,
            tags: tagsFor(args.tags, args.logGroupName),
        }, { parent: this });
        this.name = this.logGroup.name;
        this.arn = this.logGroup.arn;
        this.registerOutputs({ name: this.name, arn: this.arn });
    }
}

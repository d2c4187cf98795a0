import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { alertsKeyPolicy, alertsTopicPolicy } from "./documents";

export interface AlertTopicArgs {
    /** Topic name, e.g. `chat-dev-alerts`. */
    topicName: string;
    /** Who is told when an alarm fires; AWS e-mails a confirmation link first. @default undefined (no subscription) */
    email?: string;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * Where alarms go:
 * 1. a customer-managed KMS key (rotation on) that CloudWatch may use,
 * 2. an SNS topic encrypted with it, with a policy that admits only this account's alarms over TLS,
 * 3. an e-mail subscription when an address is configured.
 *
 * Cost: $1/month for the key plus $0.03 per 10,000 KMS requests; SNS e-mail is free for the first 1,000.
 */
export class AlertTopic extends pulumi.ComponentResource {
    readonly topic: aws.sns.Topic;
    readonly arn: pulumi.Output<string>;
    /** The topic's key: other publishers need kms:GenerateDataKey* and kms:Decrypt on it. */
    readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: AlertTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:observability:AlertTopic", name, {}, opts);
        const child = { parent: this };
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;

        const key = new aws.kms.Key(`${name}-key`, {
            description: `Encrypts alarm notifications on ${args.topicName}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            policy: pulumi.all([partition, identity.accountId]).apply(([p, account]) => alertsKeyPolicy(p, account)),
            tags: tagsFor(args.tags, `${name}-key`),
        }, child);

        this.topic = new aws.sns.Topic(name, {
            name: args.topicName,
            kmsMasterKeyId: key.arn,
            tags: tagsFor(args.tags, args.topicName),
        }, child);
        this.arn = this.topic.arn;
        this.keyArn = key.arn;

        new aws.sns.TopicPolicy(`${name}-policy`, {
            arn: this.topic.arn,
            policy: pulumi.all([this.topic.arn, identity.accountId]).apply(([arn, account]) => alertsTopicPolicy(arn, account)),
        }, child);

        if (args.email !== undefined) {
            new aws.sns.TopicSubscription(`${name}-email`, {
                topic: this.topic.arn,
                protocol: "email",
                endpoint: args.email,
            }, child);
        }

        this.registerOutputs({ arn: this.arn, keyArn: this.keyArn });
    }
}

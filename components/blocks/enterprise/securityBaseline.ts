import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy } from "../iam/documents";
import { tagsFor } from "../shared/tags";
import { ABORT_INCOMPLETE_UPLOADS } from "../storage/lifecycle";
import { SecureBucket } from "../storage/secureBucket";
import { CONFIG_RULES, configDeliveryPolicy, trailBucketStatements, trailKeyPolicy } from "./baselineDocuments";

export interface SecurityBaselineArgs {
    /** Prefix of names, e.g. `chat-org`. */
    namePrefix: string;
    /**
     * Organisation id (o-...): the trail becomes the organisation trail and writes every member's
     * logs under AWSLogs/<id>/ (only the management account can create it).
     * @default undefined (a trail of this account only)
     */
    organizationId?: pulumi.Input<string>;
    /** Days CloudTrail logs are kept in the bucket (replaced versions expire after 30). @default 365 */
    trailRetentionDays?: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * The account-level and organisation-level security baseline of phase 4 (seed 001's Control
 * Tower guardrails, seed 004's audit), for the account the stack runs in:
 * 1. a CloudTrail (the organisation trail when an organisation id is given): multi-region, global service events, log-file validation,
 *    encrypted with its own KMS key (rotation on) into a versioned, private, KMS-encrypted bucket
 *    that admits only this trail;
 * 2. GuardDuty (a detector publishing findings every 15 minutes);
 * 3. AWS Config: recorder of every supported resource (global ones included), delivery to its own
 *    private bucket through a role scoped to its prefix, and a few managed rules;
 * 4. EBS encryption by default and the account-wide S3 public access block.
 *
 * Cost: the first organisation trail's management events are free; S3 storage for logs; the
 * trail key $1/month; GuardDuty from about $1/month for a quiet account (usage-based); AWS Config
 * $0.003 per recorded configuration item and $0.001 per rule evaluation.
 */
export class SecurityBaseline extends pulumi.ComponentResource {
    readonly trailArn: pulumi.Output<string>;
    readonly trailBucketName: pulumi.Output<string>;
    readonly guardDutyDetectorId: pulumi.Output<string>;

    constructor(name: string, args: SecurityBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:enterprise:SecurityBaseline", name, {}, opts);
        const child = { parent: this };
        const identity = aws.getCallerIdentityOutput({}, child);
        const partition = aws.getPartitionOutput({}, child).partition;
        const region = aws.getRegionOutput({}, child).region;
        const organizationTrail = args.organizationId !== undefined;
        const trailName = `${args.namePrefix}-${organizationTrail ? "organization-trail" : "trail"}`;
        const trailArn = pulumi.interpolate`arn:${partition}:cloudtrail:${region}:${identity.accountId}:trail/${trailName}`;

        // 1. CloudTrail
        const key = new aws.kms.Key(`${name}-trail-key`, {
            description: `Encrypts the ${organizationTrail ? "organisation " : ""}trail ${trailName}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            policy: pulumi.all([partition, identity.accountId, trailArn]).apply(([p, account, arn]) =>
                JSON.stringify(trailKeyPolicy({ partition: p, accountId: account, trailArn: arn }))),
            tags: tagsFor(args.tags, `${name}-trail-key`),
        }, child);
        const trailBucket = new SecureBucket(`${name}-trail-logs`, {
            namePrefix: `${args.namePrefix}-trail-logs-`,
            tags: args.tags,
            versioning: true,
            kmsKeyArn: key.arn,
            lifecycleRules: [ABORT_INCOMPLETE_UPLOADS, {
                id: "trail-retention",
                status: "Enabled",
                filter: { prefix: "" },
                expiration: { days: args.trailRetentionDays ?? 365 },
                noncurrentVersionExpiration: { noncurrentDays: 30 },
            }],
            extraPolicyStatements: (bucketArn) => trailBucketStatements<pulumi.Input<string>>(bucketArn, [
                pulumi.interpolate`${bucketArn}/AWSLogs/${identity.accountId}/*`,
                ...(args.organizationId !== undefined ? [pulumi.interpolate`${bucketArn}/AWSLogs/${args.organizationId}/*`] : []),
            ], trailArn),
        }, { parent: this, protect: true });
        const trail = new aws.cloudtrail.Trail(`${name}-trail`, {
            name: trailName,
            s3BucketName: trailBucket.bucketName,
            isOrganizationTrail: organizationTrail,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            enableLogging: true,
            kmsKeyId: key.arn,
            tags: tagsFor(args.tags, trailName),
        }, { parent: this, dependsOn: [trailBucket] });
        this.trailArn = trail.arn;
        this.trailBucketName = trailBucket.bucketName;

        // 2. GuardDuty
        const detector = new aws.guardduty.Detector(`${name}-guardduty`, {
            enable: true,
            findingPublishingFrequency: "FIFTEEN_MINUTES",
            tags: tagsFor(args.tags, `${name}-guardduty`),
        }, child);
        this.guardDutyDetectorId = detector.id;

        // 3. AWS Config
        const configBucket = new SecureBucket(`${name}-config`, {
            namePrefix: `${args.namePrefix}-config-`,
            tags: args.tags,
            versioning: true,
            lifecycleRules: [ABORT_INCOMPLETE_UPLOADS],
        }, { parent: this, protect: true });
        const configRole = new aws.iam.Role(`${name}-config`, {
            description: "AWS Config recorder: reads resource configuration, delivers to its own bucket prefix",
            assumeRolePolicy: serviceTrustPolicy("config.amazonaws.com"),
            tags: tagsFor(args.tags, `${name}-config`),
        }, child);
        new aws.iam.RolePolicyAttachment(`${name}-config-read`, {
            role: configRole.name,
            policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AWS_ConfigRole`,
        }, child);
        new aws.iam.RolePolicy(`${name}-config-delivery`, {
            role: configRole.name,
            policy: configDeliveryPolicy<pulumi.Input<string>>(
                configBucket.arn, pulumi.interpolate`${configBucket.arn}/config/AWSLogs/${identity.accountId}/Config/*`),
        }, child);
        const recorder = new aws.cfg.Recorder(`${name}-config`, {
            name: `${args.namePrefix}-recorder`,
            roleArn: configRole.arn,
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
        }, child);
        const channel = new aws.cfg.DeliveryChannel(`${name}-config`, {
            name: `${args.namePrefix}-delivery`,
            s3BucketName: configBucket.bucketName,
            s3KeyPrefix: "config",
            snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        }, { parent: this, dependsOn: [recorder] });
        const recording = new aws.cfg.RecorderStatus(`${name}-config`, {
            name: recorder.name,
            isEnabled: true,
        }, { parent: this, dependsOn: [channel] });
        for (const [identifier, why] of Object.entries(CONFIG_RULES)) {
            new aws.cfg.Rule(`${name}-rule-${identifier.toLowerCase().replace(/_/g, "-")}`, {
                name: identifier.toLowerCase().replace(/_/g, "-"),
                description: `Checks that ${why}.`,
                source: { owner: "AWS", sourceIdentifier: identifier },
                tags: tagsFor(args.tags, identifier),
            }, { parent: this, dependsOn: [recording] });
        }

        // 4. account-wide defaults
        new aws.ebs.EncryptionByDefault(`${name}-ebs-encryption`, { enabled: true }, child);
        new aws.s3.AccountPublicAccessBlock(`${name}-s3-public-access-block`, {
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }, child);

        this.registerOutputs({ trailArn: this.trailArn, trailBucketName: this.trailBucketName, guardDutyDetectorId: this.guardDutyDetectorId });
    }
}

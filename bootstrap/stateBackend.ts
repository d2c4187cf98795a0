import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../components/blocks/shared/tags";
import { ABORT_INCOMPLETE_UPLOADS } from "../components/blocks/storage/lifecycle";
import { SecureBucket } from "../components/blocks/storage/secureBucket";

export interface StateBackendArgs {
    /** Prefix of the bucket and the key alias. */
    name: string;
    /** Region of the bucket and the key (part of the login and secrets-provider URLs). */
    region: string;
    /** Days replaced state versions are kept. */
    versionsKeptDays: number;
    /** Tags for every child. */
    tags: Record<string, string>;
}

/**
 * `pulumi login` and `--secrets-provider` values for a backend in `region`. `secretsProvider` has
 * no encryption context: it is for stacks no deploy role serves (this bootstrap stack's own, if
 * moved into the bucket); the environments' stacks use `secretsProviderUrl` (their context).
 */
export function backendUrls(bucket: string, keyAlias: string, region: string): { loginUrl: string; secretsProvider: string } {
    return {
        loginUrl: `s3://${bucket}?region=${region}&awssdk=v2`,
        secretsProvider: `awskms://${keyAlias}?region=${region}&awssdk=v2`,
    };
}

/**
 * A self-managed Pulumi backend for teams that outgrow local state:
 * 1. a KMS key (rotation on, 30-day deletion window, protected) and its alias
 *    `alias/<name>-pulumi-secrets` for the stacks' secrets provider; it also encrypts the state;
 * 2. the state bucket (SecureBucket: private, TLS-only, versioned so a bad update can be rolled
 *    back, SSE-KMS with that key, replaced versions kept `versionsKeptDays`, protected).
 *
 * Cost: the key $1/month plus $0.03 per 10,000 requests; S3 storage of the state (kilobytes to
 * a few MB per stack) and its versions, cents a month.
 */
export class StateBackend extends pulumi.ComponentResource {
    readonly bucketName: pulumi.Output<string>;
    readonly bucketArn: pulumi.Output<string>;
    /** `arn:aws:s3:::<name>-pulumi-state-*`: known while planning, for policies that grant the bucket. */
    readonly bucketArnPattern: string;
    readonly keyArn: pulumi.Output<string>;
    readonly keyAlias: string;
    readonly loginUrl: pulumi.Output<string>;
    readonly secretsProvider: string;

    constructor(name: string, args: StateBackendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:bootstrap:StateBackend", name, {}, opts);
        const protectedChild = { parent: this, protect: true };
        const key = new aws.kms.Key(`${name}-secrets-key`, {
            description: `${args.name}: Pulumi state and stack secrets`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            tags: tagsFor(args.tags, `${args.name}-pulumi-secrets`),
        }, protectedChild);
        this.keyAlias = `alias/${args.name}-pulumi-secrets`;
        new aws.kms.Alias(`${name}-secrets-key-alias`, { name: this.keyAlias, targetKeyId: key.keyId }, { parent: this });
        const bucket = new SecureBucket(`${name}-state`, {
            namePrefix: `${args.name}-pulumi-state-`,
            versioning: true,
            kmsKeyArn: key.arn,
            lifecycleRules: [ABORT_INCOMPLETE_UPLOADS, {
                id: "expire-replaced-state",
                status: "Enabled",
                filter: { prefix: "" },
                noncurrentVersionExpiration: { noncurrentDays: args.versionsKeptDays },
            }],
            tags: args.tags,
        }, protectedChild);

        this.bucketName = bucket.bucketName;
        this.bucketArn = bucket.bucket.arn;
        this.bucketArnPattern = `arn:aws:s3:::${args.name}-pulumi-state-*`;
        this.keyArn = key.arn;
        this.loginUrl = bucket.bucketName.apply((b) => backendUrls(b, this.keyAlias, args.region).loginUrl);
        this.secretsProvider = backendUrls("", this.keyAlias, args.region).secretsProvider;
        this.registerOutputs({ bucketName: this.bucketName, keyArn: this.keyArn, loginUrl: this.loginUrl, secretsProvider: this.secretsProvider });
    }
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { tagsFor } from "../shared/tags";

export interface GeneratedSecretArgs {
    /**
     * Name prefix of the Secrets Manager secret (AWS appends a random suffix, so a name in its
     * recovery window never blocks a new one).
     * @example "chat-prod/redis-auth-token-"
     */
    namePrefix: string;
    /** What the secret is for; shown in the console. */
    description: string;
    /**
     * Characters of the generated value (letters and digits only, so it is safe in Redis AUTH,
     * URLs and shell lines). Changing it generates a new value. Ignored with `value`. @default 64
     */
    length?: number;
    /**
     * A value made elsewhere to store instead of generating one (e.g. a private key from
     * @pulumi/tls). It is marked secret here whether or not it already was. Changing it writes a
     * new secret version; the secret itself stays.
     * @default undefined (a random value is generated)
     * @example tlsKey.privateKeyPem
     */
    value?: pulumi.Input<string>;
    /** Customer-managed KMS key that encrypts the secret. @default undefined (aws/secretsmanager) */
    kmsKeyArn?: pulumi.Input<string>;
    /** Days a deleted secret can be restored. @default 7 */
    recoveryWindowInDays?: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A random (or given) value that never appears in config, code or logs:
 * 1. a random.RandomPassword (stable across runs; its result is a Pulumi secret, encrypted in
 *    the state), unless `value` is given;
 * 2. a Secrets Manager secret (with a description, optionally encrypted with a CMK) and its
 *    version holding the value, for ECS to inject at task start.
 * The value stays available as `value` (a secret output) for resources that need it directly
 * (e.g. ElastiCache's AUTH token). Rotation: replace the RandomPassword
 * (`pulumi up --replace <urn>`), then roll the consumers.
 *
 * Cost: $0.40/month per secret plus $0.05 per 10,000 API calls (one call per task start).
 */
export class GeneratedSecret extends pulumi.ComponentResource {
    readonly secret: aws.secretsmanager.Secret;
    readonly arn: pulumi.Output<string>;
    /** The generated (or given) value, marked secret. */
    readonly value: pulumi.Output<string>;

    constructor(name: string, args: GeneratedSecretArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:data:GeneratedSecret", name, {}, opts);
        const child = { parent: this };

        const value = pulumi.secret(args.value ?? new random.RandomPassword(`${name}-value`, {
            length: args.length ?? 64,
            special: false,
            minLower: 1,
            minUpper: 1,
            minNumeric: 1,
        }, child).result);

        this.secret = new aws.secretsmanager.Secret(name, {
            namePrefix: args.namePrefix,
            description: args.description,
            kmsKeyId: args.kmsKeyArn,
            recoveryWindowInDays: args.recoveryWindowInDays ?? 7,
            tags: tagsFor(args.tags, name),
        }, child);

        new aws.secretsmanager.SecretVersion(`${name}-version`, {
            secretId: this.secret.id,
            secretString: value,
        }, child);

        this.arn = this.secret.arn;
        this.value = value;
        this.registerOutputs({ arn: this.arn });
    }
}

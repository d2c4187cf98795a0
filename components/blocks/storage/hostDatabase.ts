import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { tagsFor } from "../shared/tags";
import { DATA_DEVICE_NAME } from "../compute/dataVolume";
import { DB_PASSWORD_VARIABLE } from "../compute/database";

export interface HostDatabaseArgs {
    /** App name: the password lives at /<app>/<env>/DATABASE_PASSWORD. */
    appName: string;
    /** Environment label: the second part of the parameter path. */
    environment: string;
    /** The instance's availability zone: an EBS volume attaches only within its zone. */
    availabilityZone: pulumi.Input<string>;
    /**
     * Size of the data volume in GiB. Growing it is an in-place change (then `resize2fs` on the
     * host); shrinking is refused by EBS.
     * @default 20
     */
    sizeGb?: number;
    /** Protect the volume from deletion (it holds the database). @default false */
    protectStateful?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** gp3 price per GB-month in us-east-1 (3,000 IOPS and 125 MB/s included). */
export const GP3_USD_PER_GB_MONTH = 0.08;

/** Monthly cost of the data volume in us-east-1. */
export function dataVolumeMonthlyUsd(sizeGb: number): number {
    return Math.round(sizeGb * GP3_USD_PER_GB_MONTH * 100) / 100;
}

/**
 * What the single host's PostgreSQL keeps outside the instance (issue 13, seed 003):
 * 1. an encrypted gp3 EBS volume in the instance's zone that survives instance replacement
 *    (protected with `protectStateful`); first boot formats it only when it holds no filesystem;
 * 2. a generated 32-character password (a Pulumi secret) stored as an SSM SecureString at
 *    /<app>/<env>/DATABASE_PASSWORD, which the deploy tool renders into the root-only app.env;
 * 3. `attach(instance)`: the volume attachment (the instance is stopped before detaching, and
 *    the old attachment goes before a new one, since a volume has one attachment at a time).
 *
 * Cost: gp3 $0.08/GB-month in us-east-1 (20 GB: $1.60/month); the standard parameter is free.
 */
export class HostDatabase extends pulumi.ComponentResource {
    readonly volume: aws.ebs.Volume;
    readonly passwordParameter: aws.ssm.Parameter;
    readonly volumeId: pulumi.Output<string>;

    private readonly baseName: string;

    constructor(name: string, args: HostDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:storage:HostDatabase", name, {}, opts);
        const child = { parent: this };
        this.baseName = name;

        this.volume = new aws.ebs.Volume(`${name}-data`, {
            availabilityZone: args.availabilityZone,
            type: "gp3",
            size: args.sizeGb ?? 20,
            encrypted: true,
            tags: tagsFor(args.tags, `${name}-data`),
        }, { parent: this, protect: args.protectStateful ?? false });

        const password = new random.RandomPassword(`${name}-password`, { length: 32, special: false }, child);
        this.passwordParameter = new aws.ssm.Parameter(`${name}-password-param`, {
            name: `/${args.appName}/${args.environment}/${DB_PASSWORD_VARIABLE}`,
            description: `PostgreSQL password of ${args.appName} (${args.environment}); rendered into app.env by the deploy tool`,
            type: "SecureString",
            value: password.result,
            tags: tagsFor(args.tags, `${name}-password-param`),
        }, { parent: this, additionalSecretOutputs: ["value"] });

        this.volumeId = this.volume.id;
        this.registerOutputs({ volumeId: this.volumeId, passwordParameterName: this.passwordParameter.name });
    }

    /** Attaches the volume to the host (call once, after the instance exists). */
    attach(instance: aws.ec2.Instance): aws.ec2.VolumeAttachment {
        return new aws.ec2.VolumeAttachment(`${this.baseName}-attachment`, {
            deviceName: DATA_DEVICE_NAME,
            volumeId: this.volume.id,
            instanceId: instance.id,
            stopInstanceBeforeDetaching: true,
        }, { parent: this, deleteBeforeReplace: true });
    }
}

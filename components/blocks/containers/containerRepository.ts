import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { ecrLifecyclePolicy } from "./registry";

export interface ContainerRepositoryArgs {
    /**
     * The repository's name; changing it replaces the repository (and loses its images).
     * @example "chat-prod/api"
     */
    repositoryName: string;
    /** Images kept (newest first); untagged images expire after 7 days. @default 30 */
    keepImages?: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * A private ECR repository for one service's images (seed 002: scan on push):
 * 1. the repository: immutable tags (a deployed tag always means the same image, so the
 *    circuit breaker's rollback returns to exactly what ran), scan on push, KMS encryption with
 *    the AWS-managed key, no force-delete (ECR refuses to delete a repository that still holds
 *    images, which keeps rollback targets safe from `pulumi destroy`);
 * 2. a lifecycle policy: untagged images expire after 7 days, only the newest `keepImages` stay.
 * No repository policy: only this account's principals (the execution role) pull.
 *
 * Cost: $0.10/GB-month of stored images (30 images of 200 MB ≈ $0.60); basic scanning on push is
 * free; pulls inside the region are free (through a NAT gateway, $0.045/GB processed).
 */
export class ContainerRepository extends pulumi.ComponentResource {
    readonly repository: aws.ecr.Repository;
    readonly arn: pulumi.Output<string>;
    readonly repositoryUrl: pulumi.Output<string>;
    readonly repositoryName: pulumi.Output<string>;

    constructor(name: string, args: ContainerRepositoryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:containers:ContainerRepository", name, {}, opts);
        const child = { parent: this };

        this.repository = new aws.ecr.Repository(name, {
            name: args.repositoryName,
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfigurations: [{ encryptionType: "KMS" }],
            forceDelete: false,
            tags: tagsFor(args.tags, args.repositoryName),
        }, child);

        new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
            repository: this.repository.name,
            policy: JSON.stringify(ecrLifecyclePolicy(args.keepImages ?? 30)),
        }, child);

        this.arn = this.repository.arn;
        this.repositoryUrl = this.repository.repositoryUrl;
        this.repositoryName = this.repository.name;
        this.registerOutputs({ arn: this.arn, repositoryUrl: this.repositoryUrl, repositoryName: this.repositoryName });
    }
}

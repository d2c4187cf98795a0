import * as pulumi from "@pulumi/pulumi";
import { type Statement } from "../iam/documents";
import { cloudFrontReadStatement } from "./distribution";

/**
 * Breaks the bucket ↔ distribution cycle: the distribution needs the bucket's domain name, and
 * the bucket's one policy needs the distribution's ARN. Pass `statements` to the SecureBucket
 * (extraPolicyStatements), build the StaticSiteCdn from the bucket, then `connect` its ARN.
 * Until `connect` runs, the bucket policy waits (a deferred output keeps the dependency).
 */
export interface DistributionGrant {
    statements: (bucketArn: pulumi.Output<string>) => Statement<pulumi.Input<string>>[];
    connect: (distributionArn: pulumi.Output<string>) => void;
}

export function distributionGrant(): DistributionGrant {
    const [distributionArn, resolve] = pulumi.deferredOutput<string>();
    return {
        statements: (bucketArn) => [
            cloudFrontReadStatement<pulumi.Input<string>>(bucketArn, distributionArn, (arn, suffix) => pulumi.interpolate`${arn}${suffix}`),
        ],
        connect: resolve,
    };
}

import * as pulumi from "@pulumi/pulumi";
import { type Append, type Statement } from "../iam/documents";
import { cloudFrontReadStatement } from "./distribution";
import { publicPrefixesReadStatement } from "./publicFiles";

/**
 * Breaks the bucket ↔ distribution cycle: the distribution needs the bucket's domain name, and
 * the bucket's one policy needs the distribution's ARN. Pass `statements` to the SecureBucket
 * (extraPolicyStatements), build the distribution from the bucket, then `connect` its ARN.
 * Until `connect` runs, the bucket policy waits (a deferred output keeps the dependency).
 */
export interface DistributionGrant {
    statements: (bucketArn: pulumi.Output<string>) => Statement<pulumi.Input<string>>[];
    connect: (distributionArn: pulumi.Output<string>) => void;
}

const interpolate: Append<pulumi.Input<string>> = (arn, suffix) => pulumi.interpolate`${arn}${suffix}`;

function deferredGrant(build: (bucketArn: pulumi.Output<string>, distributionArn: pulumi.Output<string>) => Statement<pulumi.Input<string>>): DistributionGrant {
    const [distributionArn, resolve] = pulumi.deferredOutput<string>();
    return { statements: (bucketArn) => [build(bucketArn, distributionArn)], connect: resolve };
}

/** The static bucket's grant: the distribution reads every object (StaticSiteCdn). */
export function distributionGrant(): DistributionGrant {
    return deferredGrant((bucketArn, distributionArn) => cloudFrontReadStatement<pulumi.Input<string>>(bucketArn, distributionArn, interpolate));
}

/** The uploads bucket's grant: the distribution reads the public prefixes' objects only (PublicFilesCdn). */
export function publicPrefixesGrant(prefixes: readonly string[]): DistributionGrant {
    return deferredGrant((bucketArn, distributionArn) => publicPrefixesReadStatement<pulumi.Input<string>>(bucketArn, distributionArn, prefixes, interpolate));
}

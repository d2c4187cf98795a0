import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { STATIC_ORIGIN_ID, staticCacheBehavior, viewerCertificate } from "./distribution";
import { cloudFrontAliasRecords, cloudFrontCertificate, type DistributionCommonArgs, distributionBasics, s3OriginAccessControl } from "./resources";
import { usEast1Provider } from "../shared/providers";

export interface StaticSiteCdnArgs extends DistributionCommonArgs {
    /**
     * The private bucket's regional domain name (`<bucket>.s3.<region>.amazonaws.com`). Its
     * policy must admit cloudfront.amazonaws.com for this distribution (cloudFrontReadStatement).
     */
    bucketRegionalDomainName: pulumi.Input<string>;
    /**
     * Name viewers use; the certificate (in us-east-1) is issued for it and A/AAAA alias records
     * point it at the distribution. Changing it replaces the certificate.
     * @example "cdn.example.com"
     */
    hostname: string;
    /** Route53 hosted zone of `hostname`: the validation record and the alias records go here. */
    hostedZoneId: string;
}

/**
 * CloudFront in front of a private S3 bucket (seed 001 phase 2, seed 003's "S3 + CloudFront"):
 * 1. an explicit us-east-1 provider (CloudFront only takes certificates from us-east-1);
 * 2. an ACM certificate for the hostname in us-east-1, validated through a Route53 record;
 * 3. an origin access control (SigV4-signed requests, always), so the bucket stays private;
 * 4. the distribution: HTTPS only for viewers (HTTP redirects), TLS 1.2+ (TLSv1.2_2021) by SNI,
 *    compression, AWS's CachingOptimized and SecurityHeaders policies, HTTP/2 and HTTP/3;
 * 5. A and AAAA alias records for the hostname.
 * Access logging stays off: standard logs need a bucket with ACLs enabled (ours enforce bucket
 * ownership) and real-time logs need Kinesis; CloudWatch metrics are on by default.
 *
 * Cost (us-east-1 terms): no monthly fee; the always-free tier covers 1 TB out and 10 million
 * requests a month, then $0.085/GB (PriceClass_100) and $0.0075 per 10,000 HTTPS requests —
 * seed 001's 100 GB/month costs $0 (or $8.50 past the free tier). Certificate and OAC are free.
 */
export class StaticSiteCdn extends pulumi.ComponentResource {
    readonly distribution: aws.cloudfront.Distribution;
    readonly distributionId: pulumi.Output<string>;
    readonly distributionArn: pulumi.Output<string>;
    readonly domainName: pulumi.Output<string>;
    readonly certificateArn: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: StaticSiteCdnArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:cdn:StaticSiteCdn", name, {}, opts);
        const child = { parent: this };
        const usEast1 = usEast1Provider(`${name}-us-east-1`, this);

        // CloudFront only takes certificates from us-east-1.
        this.certificateArn = cloudFrontCertificate(name, args.hostname, args.hostedZoneId, args.tags, this, usEast1);
        const accessControl = s3OriginAccessControl(name, `Signed reads of the static bucket behind ${args.hostname}`, this);

        const ipv6 = args.ipv6 ?? true;
        this.distribution = new aws.cloudfront.Distribution(name, {
            comment: `${args.hostname}: static assets`,
            ...distributionBasics(args),
            aliases: [args.hostname],
            defaultRootObject: "index.html",
            origins: [{
                originId: STATIC_ORIGIN_ID,
                domainName: args.bucketRegionalDomainName,
                originAccessControlId: accessControl.id,
            }],
            defaultCacheBehavior: staticCacheBehavior(),
            viewerCertificate: viewerCertificate(this.certificateArn),
            tags: tagsFor(args.tags, name),
        }, child);
        this.distributionId = this.distribution.id;
        this.distributionArn = this.distribution.arn;
        this.domainName = this.distribution.domainName;

        cloudFrontAliasRecords(name, args.hostname, args.hostedZoneId, this.distribution, ipv6, this);

        this.url = pulumi.output(`https://${args.hostname}`);
        this.registerOutputs({
            distributionId: this.distributionId,
            distributionArn: this.distributionArn,
            domainName: this.domainName,
            certificateArn: this.certificateArn,
            url: this.url,
        });
    }
}

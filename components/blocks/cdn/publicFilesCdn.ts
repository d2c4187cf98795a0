import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { usEast1Provider } from "../shared/providers";
import { viewerCertificate } from "./distribution";
import { cloudFrontAliasRecords, cloudFrontCertificate, type DistributionCommonArgs, distributionBasics, s3OriginAccessControl } from "./resources";
import { publicFilesDefaultBehavior, publicPrefixBehaviors, UPLOADS_ORIGIN_ID } from "./publicFiles";

export interface PublicFilesCdnArgs extends DistributionCommonArgs {
    /**
     * The private uploads bucket's regional domain name. Its one policy must hold
     * publicPrefixesReadStatement for this distribution (publicPrefixesGrant), or every read is a 403.
     */
    bucketRegionalDomainName: pulumi.Input<string>;
    /**
     * Key prefixes anyone may read, validated at the config edge (lower-case segments ending in `/`).
     * @example ["profile-pictures/", "educational-materials/"]
     */
    prefixes: string[];
    /**
     * A name of your own for the distribution, with `hostedZoneId`: an ACM certificate in
     * us-east-1 (TLS 1.2+) and A/AAAA alias records. Changing it replaces the certificate.
     * @default undefined (the distribution's *.cloudfront.net name and certificate)
     * @example "files.app.example.com"
     */
    hostname?: string;
    /** Route53 hosted zone of `hostname`. @default undefined */
    hostedZoneId?: string;
}

/**
 * Public reads of some prefixes of a private bucket (seed 003's `profile-pictures/` and
 * `educational-materials/`), through CloudFront:
 * 1. an origin access control (SigV4-signed requests, always): the bucket keeps its public
 *    access block and grants cloudfront.amazonaws.com s3:GetObject on `<prefix>*` only, for this
 *    distribution only (publicPrefixesReadStatement);
 * 2. the distribution: one read-only (GET/HEAD) cache behaviour per prefix, HTTPS only for viewers
 *    (HTTP redirects), AWS's CachingOptimized and SecurityHeaders policies, HTTP/2 and HTTP/3;
 *    the default behaviour reaches the same origin and gets S3's 403 for every other key;
 * 3. with a hostname: an ACM certificate in us-east-1 (TLSv1.2_2021 by SNI) and alias records;
 *    without one, the *.cloudfront.net certificate (AWS keeps TLSv1 enabled on it).
 * The uploads bucket is encrypted with SSE-S3, which CloudFront reads through OAC with no key
 * grant; an SSE-KMS bucket would also need its key policy to admit cloudfront.amazonaws.com.
 * Access logging stays off, as on StaticSiteCdn (ours are ACL-less buckets).
 *
 * Cost (us-east-1 terms): no monthly fee; the always-free tier covers 1 TB out and 10 million
 * requests a month, then $0.085/GB (PriceClass_100) and $0.0075 per 10,000 HTTPS requests;
 * the certificate and the OAC are free. Priced "by use" in the check's estimate.
 */
export class PublicFilesCdn extends pulumi.ComponentResource {
    readonly distribution: aws.cloudfront.Distribution;
    readonly distributionArn: pulumi.Output<string>;
    readonly domainName: pulumi.Output<string>;
    /** `https://<hostname or *.cloudfront.net name>`: prepend it to a public key to get its URL. */
    readonly url: pulumi.Output<string>;

    constructor(name: string, args: PublicFilesCdnArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:cdn:PublicFilesCdn", name, {}, opts);
        const child = { parent: this };
        if (args.prefixes.length === 0) throw new Error(`${name}: PublicFilesCdn needs at least one prefix`);
        if ((args.hostname === undefined) !== (args.hostedZoneId === undefined)) throw new Error(`${name}: hostname and hostedZoneId go together`);

        const accessControl = s3OriginAccessControl(name, `Signed reads of the public prefixes of ${name}'s bucket`, this);

        const certificateArn = args.hostname !== undefined && args.hostedZoneId !== undefined
            // CloudFront only takes certificates from us-east-1.
            ? cloudFrontCertificate(name, args.hostname, args.hostedZoneId, args.tags, this, usEast1Provider(`${name}-us-east-1`, this))
            : undefined;
        const ipv6 = args.ipv6 ?? true;
        this.distribution = new aws.cloudfront.Distribution(name, {
            comment: `${name}: public prefixes ${args.prefixes.join(" ")}`.slice(0, 128),
            ...distributionBasics(args),
            aliases: args.hostname !== undefined ? [args.hostname] : [],
            // No key is public at the root: `/` asks S3 for index.html, outside every prefix (403).
            defaultRootObject: "index.html",
            origins: [{ originId: UPLOADS_ORIGIN_ID, domainName: args.bucketRegionalDomainName, originAccessControlId: accessControl.id }],
            orderedCacheBehaviors: publicPrefixBehaviors(args.prefixes),
            defaultCacheBehavior: publicFilesDefaultBehavior(),
            viewerCertificate: certificateArn !== undefined ? viewerCertificate(certificateArn) : { cloudfrontDefaultCertificate: true },
            tags: tagsFor(args.tags, name),
        }, child);
        this.distributionArn = this.distribution.arn;
        this.domainName = this.distribution.domainName;

        if (args.hostname !== undefined && args.hostedZoneId !== undefined) {
            cloudFrontAliasRecords(name, args.hostname, args.hostedZoneId, this.distribution, ipv6, this);
        }
        this.url = args.hostname !== undefined ? pulumi.output(`https://${args.hostname}`) : pulumi.interpolate`https://${this.domainName}`;
        this.registerOutputs({ distributionArn: this.distributionArn, domainName: this.domainName, url: this.url });
    }
}

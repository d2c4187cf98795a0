/**
 * What every CloudFront distribution of ours is built with (StaticSiteCdn, PublicFilesCdn): the
 * arguments they share, the settings every distribution has, the S3 origin access control, the
 * DNS-validated certificate in us-east-1 and the alias records. Each is registered under the calling component with the names the
 * components always used, so moving them here changed no URN.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { DnsValidatedCertificate } from "../certificates/dnsValidatedCertificate";
import { CLOUDFRONT_HOSTED_ZONE_ID } from "./distribution";

/** The arguments both distributions take besides their origin and name. */
export interface DistributionCommonArgs {
    /**
     * Edge locations that serve the content: PriceClass_100 (North America, Europe — cheapest),
     * PriceClass_200 (+ Asia, Middle East, Africa), PriceClass_All. @default "PriceClass_100"
     */
    priceClass?: "PriceClass_100" | "PriceClass_200" | "PriceClass_All";
    /** Serve over IPv6 as well (an AAAA alias record with a hostname); free. @default true */
    ipv6?: boolean;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/** What every distribution of ours sets alike: on, HTTP/2 and HTTP/3, no geo restriction, the price class and IPv6 of `args`. */
export function distributionBasics(args: DistributionCommonArgs) {
    return {
        enabled: true,
        isIpv6Enabled: args.ipv6 ?? true,
        httpVersion: "http2and3",
        priceClass: args.priceClass ?? "PriceClass_100",
        restrictions: { geoRestriction: { restrictionType: "none", locations: [] as string[] } },
    };
}

/** `<name>-oac`: CloudFront signs every request to the bucket with SigV4 (signingBehavior always). */
export function s3OriginAccessControl(name: string, description: string, parent: pulumi.Resource): aws.cloudfront.OriginAccessControl {
    return new aws.cloudfront.OriginAccessControl(`${name}-oac`, {
        name: name.slice(0, 64),
        description,
        originAccessControlOriginType: "s3",
        signingBehavior: "always",
        signingProtocol: "sigv4",
    }, { parent });
}

/** `<name>-cert`, validated in `hostedZoneId`; in us-east-1 (`usEast1`, or the default provider there), the only region CloudFront takes certificates from. */
export function cloudFrontCertificate(name: string, hostname: string, hostedZoneId: string, tags: Record<string, string>,
    parent: pulumi.Resource, usEast1: aws.Provider | undefined): pulumi.Output<string> {
    return new DnsValidatedCertificate(`${name}-cert`, { domainName: hostname, hostedZoneId, tags },
        usEast1 !== undefined ? { parent, providers: { aws: usEast1 } } : { parent }).certificateArn;
}

/** `<name>-alias-a` (and `-aaaa` with IPv6): `hostname` in `hostedZoneId` points at the distribution. */
export function cloudFrontAliasRecords(name: string, hostname: string, hostedZoneId: string, distribution: aws.cloudfront.Distribution,
    ipv6: boolean, parent: pulumi.Resource): void {
    for (const type of ipv6 ? ["A", "AAAA"] : ["A"]) {
        new aws.route53.Record(`${name}-alias-${type.toLowerCase()}`, {
            zoneId: hostedZoneId,
            name: hostname,
            type,
            aliases: [{ name: distribution.domainName, zoneId: CLOUDFRONT_HOSTED_ZONE_ID, evaluateTargetHealth: false }],
        }, { parent });
    }
}

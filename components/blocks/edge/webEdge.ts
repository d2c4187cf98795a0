/**
 * The public web edge that phases 2 and 3 share, as a function: the private network, the app's
 * buckets (the static one readable by the CDN alone), the ALB access-log bucket, the web load
 * balancer with its certificate and record, the CDN in front of the static bucket, and with
 * `publicPrefixes` the public-files distribution in front of those prefixes of the uploads bucket. It
 * registers its resources under the calling component with the names that component always
 * gave them, so moving this wiring here changed no URN (it is not a component of its own).
 */
import type * as pulumi from "@pulumi/pulumi";
import { type WebTierSettings } from "../../config/settings";
import { type WebSettings } from "../../config/web";
import { distributionGrant, publicPrefixesGrant } from "../cdn/grant";
import { PublicFilesCdn } from "../cdn/publicFilesCdn";
import { StaticSiteCdn } from "../cdn/staticSiteCdn";
import { ACCESS_LOG_PREFIX, accessLogBucket } from "../loadbalancer/accessLogBucket";
import { WebLoadBalancer } from "../loadbalancer/webLoadBalancer";
import { Network, privateNetworkArgs } from "../network/network";
import { AppBuckets } from "../storage/appBuckets";

export type WebEdgeSettings = Pick<WebTierSettings,
    "region" | "environment" | "app" | "network" | "dns" | "storage" | "logRetentionDays" | "protectStateful" | "tags"> & { web: WebSettings };

export interface WebEdgeInput {
    /** The calling component's name: every child's logical name starts with it. */
    name: string;
    settings: WebEdgeSettings;
    /** Account id, for the ELB log-delivery grant of the access-log bucket. */
    accountId: pulumi.Input<string>;
    /** The app's, the CDN's and the public files' hostnames under the apex domain. */
    hostnames: { app: string; cdn: string; files: string };
    /** `instance` for an Auto Scaling group (phase 2), `ip` for Fargate tasks (phase 3). */
    targetType: "instance" | "ip";
    /** Extra options of the CDNs, static and public files (phase 3 puts a web ACL on them through a transformation). */
    cdnOptions?: pulumi.ComponentResourceOptions;
}

export interface WebEdge {
    network: Network;
    buckets: AppBuckets;
    accessLogs?: ReturnType<typeof accessLogBucket>;
    lb: WebLoadBalancer;
    cdn?: StaticSiteCdn;
    publicFiles?: PublicFilesCdn;
}

/** Registers the edge under `parent` (stateful pieces protected when the settings say so). */
export function buildWebEdge(parent: pulumi.ComponentResource, input: WebEdgeInput): WebEdge {
    const { name, settings: s } = input;
    const child = { parent };
    const stateful = { parent, protect: s.protectStateful };
    const prefix = `${s.app.name}-${s.environment}`;

    const network = new Network(`${name}-network`, privateNetworkArgs(s, s.web.egressPorts), child);
    const grant = s.web.cdnEnabled ? distributionGrant() : undefined;
    const prefixes = s.storage.publicPrefixes;
    const publicGrant = prefixes.length > 0 ? publicPrefixesGrant(prefixes) : undefined;
    const buckets = new AppBuckets(name, {
        appName: s.app.name,
        environment: s.environment,
        storage: s.storage,
        protectStateful: s.protectStateful,
        staticPolicyStatements: grant?.statements,
        uploadsPolicyStatements: publicGrant?.statements,
        tags: s.tags,
    }, child);
    const accessLogs = s.web.albAccessLogs
        ? accessLogBucket(`${name}-alb-logs`, {
            namePrefix: `${prefix}-alb-logs-`,
            retentionDays: s.logRetentionDays,
            region: s.region,
            accountId: input.accountId,
            tags: s.tags,
        }, stateful)
        : undefined;
    const lb = new WebLoadBalancer(`${name}-web`, {
        vpcId: network.vpcId,
        vpcCidrBlock: network.vpcCidrBlock,
        publicSubnetIds: network.publicSubnetIds,
        domain: s.dns.domain,
        hostedZoneId: s.dns.hostedZoneId,
        appHostname: input.hostnames.app,
        targetPort: s.app.port,
        targetType: input.targetType,
        healthCheckPath: s.app.healthPath,
        deletionProtection: s.protectStateful,
        idleTimeoutSeconds: s.web.albIdleTimeoutSeconds,
        stickySessions: s.web.albStickySessions,
        // The policy's own `bucket` output: the ALB waits until ELB may write there.
        accessLogs: accessLogs !== undefined ? { bucket: accessLogs.policy.bucket, prefix: ACCESS_LOG_PREFIX } : undefined,
        tags: s.tags,
    }, child);
    let cdn: StaticSiteCdn | undefined;
    if (grant !== undefined) {
        cdn = new StaticSiteCdn(`${name}-cdn`, {
            bucketRegionalDomainName: buckets.assets.bucket.bucketRegionalDomainName,
            hostname: input.hostnames.cdn,
            hostedZoneId: s.dns.hostedZoneId,
            priceClass: s.web.cdnPriceClass,
            tags: s.tags,
        }, { ...input.cdnOptions, parent });
        grant.connect(cdn.distributionArn);
    }
    let publicFiles: PublicFilesCdn | undefined;
    if (publicGrant !== undefined) {
        publicFiles = new PublicFilesCdn(`${name}-public-files`, {
            bucketRegionalDomainName: buckets.uploads.bucket.bucketRegionalDomainName,
            prefixes,
            hostname: input.hostnames.files,
            hostedZoneId: s.dns.hostedZoneId,
            priceClass: s.web.cdnPriceClass,
            tags: s.tags,
        }, { ...input.cdnOptions, parent });
        publicGrant.connect(publicFiles.distributionArn);
    }
    return { network, buckets, accessLogs, lb, cdn, publicFiles };
}

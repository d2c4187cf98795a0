// What a provider adds to a resource's inputs: auto-names (known even in a preview, because the
// provider's Check computes them) and, after creation, computed outputs such as ARNs, ids, IPs
// and DNS names. Used by the unit-test mocks (known mode) and the offline check: in preview mode
// auto-names only (everything else stays unknown, as in a real preview); in apply mode also the id
// and the computed outputs (createdState), deterministic for the same resource, region and account.
import { awsStyleId, hexId, prefixedUniqueSuffix, upperAlnum } from "./hash";
import { partitionOf } from "./regions";
import { UNKNOWN } from "./unknown";

export interface ProviderContext {
    region: string;
    accountId: string;
}

/** Resource types the AWS provider auto-names, and the property it fills. */
const AUTONAMED: Record<string, { prop: string; maxLength?: number; lower?: boolean }> = {
    "aws:s3/bucket:Bucket": { prop: "bucket", maxLength: 63, lower: true },
    "aws:s3/bucketV2:BucketV2": { prop: "bucket", maxLength: 63, lower: true },
    "aws:iam/role:Role": { prop: "name", maxLength: 64 },
    "aws:iam/policy:Policy": { prop: "name", maxLength: 128 },
    "aws:iam/instanceProfile:InstanceProfile": { prop: "name", maxLength: 128 },
    "aws:iam/user:User": { prop: "name", maxLength: 64 },
    "aws:iam/group:Group": { prop: "name", maxLength: 128 },
    "aws:iam/rolePolicy:RolePolicy": { prop: "name", maxLength: 128 },
    "aws:ec2/securityGroup:SecurityGroup": { prop: "name", maxLength: 255 },
    "aws:ec2/launchTemplate:LaunchTemplate": { prop: "name", maxLength: 128 },
    "aws:cloudwatch/logGroup:LogGroup": { prop: "name", maxLength: 512 },
    "aws:cloudwatch/metricAlarm:MetricAlarm": { prop: "name", maxLength: 255 },
    "aws:cloudwatch/dashboard:Dashboard": { prop: "dashboardName", maxLength: 255 },
    "aws:sns/topic:Topic": { prop: "name", maxLength: 256 },
    "aws:sqs/queue:Queue": { prop: "name", maxLength: 80 },
    "aws:lb/loadBalancer:LoadBalancer": { prop: "name", maxLength: 32 },
    "aws:lb/targetGroup:TargetGroup": { prop: "name", maxLength: 32 },
    "aws:ecs/cluster:Cluster": { prop: "name", maxLength: 255 },
    "aws:ecs/service:Service": { prop: "name", maxLength: 255 },
    "aws:ecs/taskDefinition:TaskDefinition": { prop: "family", maxLength: 255 },
    "aws:ecr/repository:Repository": { prop: "name", maxLength: 256, lower: true },
    "aws:dynamodb/table:Table": { prop: "name", maxLength: 255 },
    "aws:lambda/function:Function": { prop: "name", maxLength: 64 },
    "aws:autoscaling/group:Group": { prop: "name", maxLength: 255 },
    "aws:ssm/document:Document": { prop: "name", maxLength: 128 },
    "aws:ssm/parameter:Parameter": { prop: "name", maxLength: 2048 },
    "aws:cognito/userPool:UserPool": { prop: "name", maxLength: 128 },
    "aws:sfn/stateMachine:StateMachine": { prop: "name", maxLength: 80 },
    "aws:wafv2/webAcl:WebAcl": { prop: "name", maxLength: 128 },
    "aws:apigatewayv2/api:Api": { prop: "name", maxLength: 128 },
    "aws:budgets/budget:Budget": { prop: "name", maxLength: 100 },
    "aws:kms/alias:Alias": { prop: "name", maxLength: 256 },
};

/** Properties the provider's Check adds to the inputs (auto-names), known during a preview too. */
export function autoNamed(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const rule = AUTONAMED[type];
    if (!rule || (inputs[rule.prop] !== undefined && inputs[rule.prop] !== null) || inputs.namePrefix !== undefined || inputs.bucketPrefix !== undefined) {
        return {};
    }
    const suffix = hexId(`${type}::${name}`, 7);
    let base = type === "aws:kms/alias:Alias" ? `alias/${name}` : name;
    if (rule.lower) base = base.toLowerCase();
    if (rule.maxLength !== undefined && base.length + 8 > rule.maxLength) {
        base = base.slice(0, Math.max(1, rule.maxLength - 8));
    }
    return { [rule.prop]: `${base}-${suffix}` };
}

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value !== UNKNOWN ? value : fallback;
}

function uuid(key: string): string {
    const h = hexId(key, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `length` lower-case letters and digits derived from `key`. */
function lowerAlnum(key: string, length: number): string {
    return upperAlnum(key, length).toLowerCase();
}

/** us-east-1 -> use1, as ElastiCache writes the region in endpoint names. */
function shortRegion(region: string): string {
    const [area, direction = "", n = ""] = region.split("-");
    const short = direction.replace(/north|south|east|west|central/g, (w) => w.charAt(0));
    return `${area}${short}${n}`;
}

/** `length` letters (both cases) and digits derived from `key`. */
function mixedAlnum(key: string, length: number): string {
    const upper = upperAlnum(key, length);
    const flips = hexId(`${key}/case`, length);
    return [...upper].map((c, i) => (parseInt(flips[i], 16) % 2 === 0 ? c.toLowerCase() : c)).join("");
}

function octet(key: string): number {
    return 10 + (parseInt(hexId(key, 2), 16) % 240);
}

/** A PEM-shaped placeholder of `label` (e.g. "CERTIFICATE"), distinct per key. */
function fakePem(label: string, key: string): string {
    return `-----BEGIN ${label}-----\n${Buffer.from(hexId(`${label}/${key}`, 48), "hex").toString("base64")}\n-----END ${label}-----\n`;
}

/**
 * The name the provider makes of a `namePrefix`/`bucketPrefix`: the prefix and a unique suffix
 * (derived from type and name, so the id and the outputs that embed the name agree).
 */
function prefixedName(type: string, name: string, prefix: unknown): string | undefined {
    return typeof prefix === "string" && prefix !== UNKNOWN ? `${prefix}${prefixedUniqueSuffix(`${type}::${name}`)}` : undefined;
}

/**
 * Outputs a provider reports after creating the resource (known mode only): `arn` and the
 * type-specific attributes programs commonly read.
 */
export function computedOutputs(
    type: string,
    name: string,
    id: string,
    state: Record<string, unknown>,
    ctx: ProviderContext,
): Record<string, unknown> {
    const { region, accountId } = ctx;
    const { partition, dnsSuffix } = partitionOf(region);
    const arn = (service: string, resource: string, withRegion = true, withAccount = true): string =>
        `arn:${partition}:${service}:${withRegion ? region : ""}:${withAccount ? accountId : ""}:${resource}`;
    const named = str(state.name, prefixedName(type, name, state.namePrefix) ?? name);
    const tags = state.tags !== undefined ? { tagsAll: state.tags } : {};

    switch (type) {
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2": {
            const bucket = str(state.bucket, prefixedName(type, name, state.bucketPrefix) ?? name);
            return {
                ...tags,
                bucket,
                arn: `arn:${partition}:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.${dnsSuffix}`,
                bucketRegionalDomainName: `${bucket}.s3.${region}.${dnsSuffix}`,
                hostedZoneId: "Z3AQBSTGFYJSTF",
                region,
                // A website configuration (inline, as v7's deprecated `website` input) gets its endpoint.
                ...(state.website !== undefined && state.website !== null
                    ? { websiteEndpoint: `${bucket}.s3-website-${region}.${dnsSuffix}`, websiteDomain: `s3-website-${region}.${dnsSuffix}` }
                    : {}),
            };
        }
        case "aws:ec2/eip:Eip": {
            const ip = `203.0.113.${octet(name)}`;
            return {
                ...tags,
                allocationId: id,
                arn: arn("ec2", `elastic-ip/${id}`),
                domain: "vpc",
                publicIp: ip,
                publicDns: `ec2-${ip.replace(/\./g, "-")}.compute-1.${dnsSuffix}`,
            };
        }
        case "aws:ec2/instance:Instance":
            return {
                ...tags,
                arn: arn("ec2", `instance/${id}`),
                availabilityZone: str(state.availabilityZone, `${region}a`),
                instanceState: "running",
                primaryNetworkInterfaceId: awsStyleId("eni", name),
                privateIp: `10.0.1.${octet(name)}`,
                privateDns: `ip-10-0-1-${octet(name)}.ec2.internal`,
                ...(state.associatePublicIpAddress === true ? { publicIp: `198.51.100.${octet(name)}` } : {}),
            };
        case "aws:ec2/securityGroup:SecurityGroup":
            return { ...tags, arn: arn("ec2", `security-group/${id}`), ownerId: accountId };
        case "aws:ec2/vpc:Vpc":
            return { ...tags, arn: arn("ec2", `vpc/${id}`), ownerId: accountId, mainRouteTableId: awsStyleId("rtb", name) };
        case "aws:ec2/subnet:Subnet":
            return { ...tags, arn: arn("ec2", `subnet/${id}`), ownerId: accountId };
        case "aws:iam/role:Role":
            return { ...tags, arn: arn("iam", `role${str(state.path, "/")}${named}`, false), uniqueId: `AROA${upperAlnum(name, 17)}`, createDate: "2025-01-15T08:00:00Z" };
        case "aws:iam/policy:Policy":
            return { ...tags, arn: arn("iam", `policy${str(state.path, "/")}${named}`, false), policyId: `ANPA${upperAlnum(name, 17)}` };
        case "aws:iam/instanceProfile:InstanceProfile":
            return { ...tags, arn: arn("iam", `instance-profile${str(state.path, "/")}${named}`, false), uniqueId: `AIPA${upperAlnum(name, 17)}` };
        case "aws:iam/user:User":
            return { ...tags, arn: arn("iam", `user${str(state.path, "/")}${named}`, false), uniqueId: `AIDA${upperAlnum(name, 17)}` };
        case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
            return { ...tags, arn: arn("iam", `oidc-provider/${str(state.url, name).replace(/^https:\/\//, "")}`, false) };
        case "aws:kms/key:Key": {
            const keyId = uuid(name);
            return { ...tags, keyId, arn: arn("kms", `key/${keyId}`) };
        }
        case "aws:kms/alias:Alias":
            return { arn: arn("kms", named), targetKeyArn: arn("kms", `key/${uuid(str(state.targetKeyId, name))}`) };
        case "aws:cloudwatch/logGroup:LogGroup":
            return { ...tags, arn: arn("logs", `log-group:${named}`) };
        case "aws:cloudwatch/metricAlarm:MetricAlarm":
            return { ...tags, arn: arn("cloudwatch", `alarm:${named}`) };
        case "aws:sns/topic:Topic":
            return { ...tags, arn: arn("sns", named), owner: accountId };
        case "aws:sns/topicSubscription:TopicSubscription":
            return { arn: `${str(state.topic, arn("sns", "topic"))}:${uuid(name)}`, ownerId: accountId };
        case "aws:secretsmanager/secret:Secret":
            return { ...tags, arn: arn("secretsmanager", `secret:${named}-${mixedAlnum(name, 6)}`) };
        case "aws:secretsmanager/secretVersion:SecretVersion":
            return { arn: str(state.secretId, arn("secretsmanager", `secret:${name}-${mixedAlnum(name, 6)}`)), versionId: uuid(`${name}/version`), versionStages: ["AWSCURRENT"] };
        case "aws:elasticache/replicationGroup:ReplicationGroup": {
            const group = str(state.replicationGroupId, name).toLowerCase();
            const host = `${group}.${hexId(name, 6)}.ng.0001.${shortRegion(region)}.cache.${dnsSuffix}`;
            return {
                ...tags,
                arn: arn("elasticache", `replicationgroup:${group}`),
                primaryEndpointAddress: `master.${host}`,
                readerEndpointAddress: `replica.${host}`,
                memberClusters: [`${group}-001`, `${group}-002`],
                port: 6379,
            };
        }
        case "aws:elasticache/subnetGroup:SubnetGroup":
        case "aws:rds/subnetGroup:SubnetGroup":
            return { ...tags, name: str(state.name, `${name.toLowerCase()}-${hexId(`${type}::${name}`, 7)}`), arn: arn(type.startsWith("aws:rds") ? "rds" : "elasticache", `subgrp:${str(state.name, name).toLowerCase()}`) };
        case "aws:cognito/userPool:UserPool":
            return { ...tags, arn: arn("cognito-idp", `userpool/${id}`), endpoint: `cognito-idp.${region}.${dnsSuffix}/${id}`, creationDate: "2025-01-15T08:00:00Z", estimatedNumberOfUsers: 0 };
        case "aws:cognito/userPoolClient:UserPoolClient":
            return state.generateSecret === true ? { clientSecret: mixedAlnum(`${name}/secret`, 51) } : {};
        case "aws:cloudfront/distribution:Distribution":
            return {
                ...tags,
                arn: `arn:${partition}:cloudfront::${accountId}:distribution/${id}`,
                domainName: `d${lowerAlnum(name, 13)}.cloudfront.net`,
                hostedZoneId: "Z2FDTNDATAQYW2",
                status: "Deployed",
                etag: `E${upperAlnum(`${name}/etag`, 13)}`,
                callerReference: `terraform-${hexId(name, 26)}`,
                inProgressValidationBatches: 0,
            };
        case "aws:cloudfront/originAccessControl:OriginAccessControl":
            return { etag: `E${upperAlnum(`${name}/etag`, 13)}` };
        case "aws:ec2/launchTemplate:LaunchTemplate":
            return { ...tags, arn: arn("ec2", `launch-template/${id}`), latestVersion: 1, defaultVersion: 1 };
        case "aws:autoscaling/group:Group":
            return { ...tags, arn: arn("autoscaling", `autoScalingGroup:${uuid(name)}:autoScalingGroupName/${named}`) };
        case "aws:route53/record:Record":
            return { fqdn: str(state.name, name).replace(/\.$/, "") };
        case "aws:apigatewayv2/api:Api": {
            const protocol = str(state.protocolType, "HTTP") === "WEBSOCKET" ? "wss" : "https";
            return {
                ...tags,
                arn: `arn:${partition}:apigateway:${region}::/apis/${id}`,
                apiEndpoint: `${protocol}://${id}.execute-api.${region}.${dnsSuffix}`,
                executionArn: arn("execute-api", id),
            };
        }
        case "aws:apigatewayv2/stage:Stage":
            return { ...tags, arn: `arn:${partition}:apigateway:${region}::/apis/${str(state.apiId, "api")}/stages/${named}`, invokeUrl: `wss://${str(state.apiId, "api")}.execute-api.${region}.${dnsSuffix}/${named}` };
        case "aws:apigatewayv2/domainName:DomainName":
            return { ...tags, arn: `arn:${partition}:apigateway:${region}::/domainnames/${str(state.domainName, name)}`, apiMappingSelectionExpression: "$request.basepath" };
        case "aws:wafv2/webAcl:WebAcl":
            return { ...tags, arn: arn("wafv2", `${str(state.scope, "REGIONAL") === "CLOUDFRONT" ? "global" : "regional"}/webacl/${named}/${id}`), capacity: 50, lockToken: uuid(`${name}/lock`) };
        case "aws:cloudtrail/trail:Trail":
            return { ...tags, arn: arn("cloudtrail", `trail/${named}`), homeRegion: region };
        case "aws:guardduty/detector:Detector":
            return { ...tags, arn: arn("guardduty", `detector/${id}`), accountId };
        case "aws:ecs/service:Service":
            return { ...tags, arn: arn("ecs", `service/${str(state.cluster, "default").split("/").pop()}/${named}`) };
        case "aws:sqs/queue:Queue":
            return { ...tags, arn: arn("sqs", named), url: `https://sqs.${region}.${dnsSuffix}/${accountId}/${named}` };
        case "aws:lb/loadBalancer:LoadBalancer": {
            const kind = str(state.loadBalancerType, "application") === "network" ? "net" : "app";
            const suffix = `${kind}/${named}/${hexId(name, 16)}`;
            return {
                ...tags,
                arn: arn("elasticloadbalancing", `loadbalancer/${suffix}`),
                arnSuffix: suffix,
                dnsName: `${named}-${parseInt(hexId(name, 8), 16)}.${region}.elb.${dnsSuffix}`,
                zoneId: "Z35SXDOTRQ7X7K",
            };
        }
        case "aws:lb/targetGroup:TargetGroup": {
            const suffix = `targetgroup/${named}/${hexId(name, 16)}`;
            return { ...tags, arn: arn("elasticloadbalancing", suffix), arnSuffix: suffix };
        }
        case "aws:lb/listener:Listener":
            return { ...tags, arn: arn("elasticloadbalancing", `listener/app/${name}/${hexId(name, 16)}/${hexId(`${name}/l`, 16)}`) };
        case "aws:ecs/cluster:Cluster":
            return { ...tags, arn: arn("ecs", `cluster/${named}`) };
        case "aws:ecs/taskDefinition:TaskDefinition":
            return { ...tags, arn: arn("ecs", `task-definition/${str(state.family, name)}:1`), revision: 1 };
        case "aws:ecr/repository:Repository":
            return { ...tags, arn: arn("ecr", `repository/${named}`), registryId: accountId, repositoryUrl: `${accountId}.dkr.ecr.${region}.${dnsSuffix}/${named}` };
        case "aws:dynamodb/table:Table":
            return { ...tags, arn: arn("dynamodb", `table/${named}`) };
        case "aws:lambda/function:Function": {
            const fnArn = arn("lambda", `function:${named}`);
            return { ...tags, arn: fnArn, invokeArn: `arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/${fnArn}/invocations`, qualifiedArn: `${fnArn}:$LATEST` };
        }
        case "aws:sfn/stateMachine:StateMachine": {
            const machineArn = arn("states", `stateMachine:${named}`);
            return { ...tags, arn: machineArn, stateMachineVersionArn: "", status: "ACTIVE", revisionId: `rev-${hexId(name, 8)}`, creationDate: "2025-01-15T08:00:00Z" };
        }
        case "aws:route53/zone:Zone":
            return { ...tags, arn: `arn:${partition}:route53:::hostedzone/${id}`, zoneId: id, nameServers: ["ns-1536.awsdns-00.co.uk", "ns-0.awsdns-00.com", "ns-1024.awsdns-00.org", "ns-512.awsdns-00.net"] };
        case "aws:route53/healthCheck:HealthCheck":
            return { ...tags, arn: `arn:${partition}:route53:::healthcheck/${id}` };
        case "aws:ssm/document:Document":
            return { ...tags, arn: arn("ssm", `document/${named}`), documentVersion: "1", latestVersion: "1", defaultVersion: "1" };
        case "aws:organizations/organization:Organization": {
            const org = `o-${hexId(name, 10)}`;
            return {
                ...tags,
                arn: `arn:${partition}:organizations::${accountId}:organization/${org}`,
                masterAccountId: accountId,
                masterAccountArn: `arn:${partition}:organizations::${accountId}:account/${org}/${accountId}`,
                roots: [{ id: `r-${hexId(name, 4)}`, arn: `arn:${partition}:organizations::${accountId}:root/${org}/r-${hexId(name, 4)}`, name: "Root", policyTypes: [] }],
            };
        }
        case "aws:rds/instance:Instance": {
            const identifier = str(state.identifier, prefixedName(type, name, state.identifierPrefix) ?? name);
            const host = `${identifier}.${hexId(name, 12)}.${region}.rds.${dnsSuffix}`;
            const port = str(state.engine, "postgres").startsWith("postgres") ? 5432 : 3306;
            return {
                ...tags,
                arn: arn("rds", `db:${identifier}`),
                address: host,
                endpoint: `${host}:${port}`,
                port,
                ...(state.manageMasterUserPassword === true
                    ? { masterUserSecrets: [{ secretArn: arn("secretsmanager", `secret:rds!db-${uuid(name)}`), secretStatus: "active", kmsKeyId: "" }] }
                    : {}),
            };
        }
        case "aws:acmpca/certificateAuthority:CertificateAuthority":
            return {
                ...tags,
                arn: arn("acm-pca", `certificate-authority/${uuid(name)}`),
                certificateSigningRequest: fakePem("CERTIFICATE REQUEST", name),
                status: "PENDING_CERTIFICATE",
            };
        case "aws:acmpca/certificate:Certificate":
            return {
                arn: `${str(state.certificateAuthorityArn, arn("acm-pca", `certificate-authority/${uuid(name)}`))}/certificate/${hexId(name, 32)}`,
                certificate: fakePem("CERTIFICATE", name),
                certificateChain: fakePem("CERTIFICATE", `${name}/chain`),
            };
        // @pulumi/tls: PEM-shaped placeholders (not parseable keys or certificates), distinct per resource.
        case "tls:index/privateKey:PrivateKey":
            return {
                privateKeyPem: fakePem("PRIVATE KEY", name),
                privateKeyPemPkcs8: fakePem("PRIVATE KEY", `${name}/pkcs8`),
                publicKeyPem: fakePem("PUBLIC KEY", name),
                publicKeyFingerprintSha256: `SHA256:${hexId(`${name}/fp`, 43)}`,
            };
        case "tls:index/certRequest:CertRequest":
            return { certRequestPem: fakePem("CERTIFICATE REQUEST", name) };
        case "tls:index/selfSignedCert:SelfSignedCert":
        case "tls:index/locallySignedCert:LocallySignedCert":
            return {
                certPem: fakePem("CERTIFICATE", name),
                validityStartTime: "2025-01-15T08:00:00Z",
                validityEndTime: "2026-01-15T08:00:00Z",
                readyForRenewal: false,
            };
        case "aws:acm/certificate:Certificate": {
            const domain = str(state.domainName, "example.com");
            return {
                ...tags,
                arn: arn("acm", `certificate/${uuid(name)}`),
                domainValidationOptions: [
                    {
                        domainName: domain,
                        resourceRecordName: `_${hexId(domain, 32)}.${domain}.`,
                        resourceRecordType: "CNAME",
                        resourceRecordValue: `_${hexId(`${domain}/v`, 32)}.acm-validations.aws.`,
                    },
                ],
                status: "PENDING_VALIDATION",
            };
        }
        // @pulumi/random: deterministic stand-ins of the requested length (not random, never a real secret).
        case "random:index/randomPassword:RandomPassword":
        case "random:index/randomString:RandomString": {
            const length = typeof state.length === "number" && state.length > 0 ? Math.min(state.length, 1024) : 16;
            const result = mixedAlnum(`${type}::${name}`, length);
            return type.endsWith(":RandomPassword") ? { result, bcryptHash: `$2a$10$${mixedAlnum(`${name}/bcrypt`, 53)}` } : { result };
        }
        default: {
            if (!type.startsWith("aws:")) {
                return {};
            }
            const [, mod, kind] = /^aws:([^/]+)\/([^:]+):/.exec(type) ?? [];
            return mod ? { ...tags, arn: arn(mod, `${kind.toLowerCase()}/${id}`) } : {};
        }
    }
}

/**
 * How the AWS provider names a resource it created (its `id`), by type: a property (usually the
 * name, so that a side resource's `bucket: bucket.id` matches the bucket's name, as in AWS), the
 * resource's ARN, or an id in AWS style. Types not listed get `<name>-<hex>`.
 */
type IdRule =
    | { from: "prop"; prop: string }
    | { from: "arn" }
    | { from: "prefix"; prefix: string }
    | { from: "make"; make: (key: string, state: Record<string, unknown>, ctx: ProviderContext) => string };

const byProp = (prop: string): IdRule => ({ from: "prop", prop });
const byArn: IdRule = { from: "arn" };
const byPrefix = (prefix: string): IdRule => ({ from: "prefix", prefix });
const make = (fn: (key: string, state: Record<string, unknown>, ctx: ProviderContext) => string): IdRule => ({ from: "make", make: fn });
/** A known string input, else `fallback` (an unknown or absent value must not become "undefined" in an id). */
const known = (value: unknown, fallback: string) => str(value, fallback);

const S3_SIDE_TYPES = [
    "bucketPolicy:BucketPolicy", "bucketPublicAccessBlock:BucketPublicAccessBlock", "bucketOwnershipControls:BucketOwnershipControls",
    "bucketVersioning:BucketVersioning", "bucketVersioningV2:BucketVersioningV2", "bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "bucketCorsConfiguration:BucketCorsConfiguration",
    "bucketCorsConfigurationV2:BucketCorsConfigurationV2", "bucketAcl:BucketAcl", "bucketAclV2:BucketAclV2", "bucketLogging:BucketLogging",
    "bucketLoggingV2:BucketLoggingV2", "bucketWebsiteConfiguration:BucketWebsiteConfiguration", "bucketNotification:BucketNotification",
];

const ID_RULES: Record<string, IdRule> = {
    "aws:s3/bucket:Bucket": byProp("bucket"),
    "aws:s3/bucketV2:BucketV2": byProp("bucket"),
    ...Object.fromEntries(S3_SIDE_TYPES.map((t) => [`aws:s3/${t}`, byProp("bucket")])),
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": make((_k, _s, ctx) => ctx.accountId),
    "aws:iam/role:Role": byProp("name"),
    "aws:iam/user:User": byProp("name"),
    "aws:iam/group:Group": byProp("name"),
    "aws:iam/instanceProfile:InstanceProfile": byProp("name"),
    "aws:iam/policy:Policy": byArn,
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": byArn,
    "aws:iam/rolePolicy:RolePolicy": make((_k, s) => `${known(s.role, "unknown-role")}:${known(s.name, "unknown-name")}`),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": make((k, s) => `${known(s.role, "unknown-role")}-${hexId(k, 26)}`),
    "aws:kms/key:Key": make((k) => uuid(k)),
    "aws:kms/alias:Alias": byProp("name"),
    "aws:cloudwatch/logGroup:LogGroup": byProp("name"),
    "aws:cloudwatch/metricAlarm:MetricAlarm": byProp("name"),
    "aws:cloudwatch/dashboard:Dashboard": byProp("dashboardName"),
    "aws:sns/topic:Topic": byArn,
    "aws:sns/topicPolicy:TopicPolicy": byProp("arn"),
    "aws:sns/topicSubscription:TopicSubscription": make((k, s) => `${known(s.topic, "unknown-topic")}:${uuid(k)}`),
    "aws:sqs/queue:Queue": make((_k, s, ctx) => `https://sqs.${ctx.region}.${partitionOf(ctx.region).dnsSuffix}/${ctx.accountId}/${known(s.name, "unknown-name")}`),
    "aws:lb/loadBalancer:LoadBalancer": byArn,
    "aws:lb/targetGroup:TargetGroup": byArn,
    "aws:lb/listener:Listener": byArn,
    "aws:lb/listenerRule:ListenerRule": byArn,
    "aws:ecs/cluster:Cluster": byArn,
    "aws:ecs/service:Service": byArn,
    "aws:ecs/taskDefinition:TaskDefinition": byProp("family"),
    "aws:ecr/repository:Repository": byProp("name"),
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": byProp("repository"),
    "aws:dynamodb/table:Table": byProp("name"),
    "aws:lambda/function:Function": byProp("name"),
    "aws:lambda/permission:Permission": make((k, s) => (typeof s.statementId === "string" ? s.statementId : `terraform-${hexId(k, 26)}`)),
    "aws:sfn/stateMachine:StateMachine": byArn,
    "aws:route53/zone:Zone": make((k) => `Z${upperAlnum(k, 20)}`),
    "aws:route53/record:Record": make((_k, s) => `${known(s.zoneId, "unknown-zoneId")}_${known(s.name, "unknown-name")}_${known(s.type, "unknown-type")}`),
    "aws:route53/healthCheck:HealthCheck": make((k) => uuid(k)),
    "aws:acm/certificate:Certificate": byArn,
    "aws:acm/certificateValidation:CertificateValidation": make((_k, s) => known(s.certificateArn, "unknown-certificateArn")),
    "aws:ec2/instance:Instance": byPrefix("i"),
    "aws:ec2/securityGroup:SecurityGroup": byPrefix("sg"),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": byPrefix("sg"),
    "aws:ec2/vpc:Vpc": byPrefix("vpc"),
    "aws:ec2/subnet:Subnet": byPrefix("subnet"),
    "aws:ec2/eip:Eip": byPrefix("eipalloc"),
    "aws:ec2/launchTemplate:LaunchTemplate": byPrefix("lt"),
    "aws:ec2/vpcEndpoint:VpcEndpoint": byPrefix("vpce"),
    "aws:ec2/flowLog:FlowLog": byPrefix("fl"),
    "aws:ec2/natGateway:NatGateway": byPrefix("nat"),
    "aws:ec2/internetGateway:InternetGateway": byPrefix("igw"),
    "aws:ec2/routeTable:RouteTable": byPrefix("rtb"),
    "aws:ec2/networkInterface:NetworkInterface": byPrefix("eni"),
    "aws:ec2/securityGroupRule:SecurityGroupRule": byPrefix("sgrule"),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": byPrefix("sgr"),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": byPrefix("sgr"),
    "aws:secretsmanager/secret:Secret": byArn,
    "aws:secretsmanager/secretVersion:SecretVersion": make((k, s) => `${known(s.secretId, "unknown-secretId")}|${uuid(k)}`),
    "aws:ssm/document:Document": byProp("name"),
    "aws:ssm/parameter:Parameter": byProp("name"),
    "aws:cognito/userPool:UserPool": make((k, _s, ctx) => `${ctx.region}_${upperAlnum(k, 9)}`),
    "aws:cognito/userPoolClient:UserPoolClient": make((k) => lowerAlnum(k, 26)),
    "aws:wafv2/webAcl:WebAcl": make((k) => uuid(k)),
    "aws:wafv2/webAclAssociation:WebAclAssociation": make((_k, s) => `${known(s.webAclArn, "unknown-webAclArn")},${known(s.resourceArn, "unknown-resourceArn")}`),
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": make((_k, s) => known(s.resourceArn, "unknown-resourceArn")),
    "aws:cloudfront/distribution:Distribution": make((k) => `E${upperAlnum(k, 13)}`),
    "aws:cloudfront/originAccessControl:OriginAccessControl": make((k) => `E${upperAlnum(k, 13)}`),
    "aws:cloudtrail/trail:Trail": byArn,
    "aws:guardduty/detector:Detector": make((k) => hexId(k, 32)),
    "aws:cfg/recorder:Recorder": byProp("name"),
    "aws:cfg/recorderStatus:RecorderStatus": byProp("name"),
    "aws:cfg/deliveryChannel:DeliveryChannel": byProp("name"),
    "aws:cfg/rule:Rule": byProp("name"),
    "aws:organizations/organization:Organization": make((k) => `o-${lowerAlnum(k, 10)}`),
    "aws:organizations/account:Account": make((k) => String(100000000000 + (parseInt(hexId(k, 10), 16) % 899999999999))),
    "aws:organizations/organizationalUnit:OrganizationalUnit": make((k) => `ou-${lowerAlnum(k, 4)}-${lowerAlnum(`${k}/2`, 8)}`),
    "aws:organizations/policy:Policy": make((k) => `p-${lowerAlnum(k, 8)}`),
    "aws:organizations/policyAttachment:PolicyAttachment": make((_k, s) => `${known(s.targetId, "unknown-targetId")}:${known(s.policyId, "unknown-policyId")}`),
    "aws:rds/instance:Instance": make((k) => `db-${upperAlnum(k, 26)}`),
    "aws:rds/subnetGroup:SubnetGroup": byProp("name"),
    "aws:elasticache/replicationGroup:ReplicationGroup": byProp("replicationGroupId"),
    "aws:elasticache/subnetGroup:SubnetGroup": byProp("name"),
    "aws:apigatewayv2/api:Api": make((k) => lowerAlnum(k, 10)),
    "aws:apigatewayv2/domainName:DomainName": byProp("domainName"),
    "aws:apigatewayv2/stage:Stage": byProp("name"),
    "aws:apigateway/account:Account": make(() => "api-gateway-account"),
    "aws:appautoscaling/target:Target": byProp("resourceId"),
    "aws:appautoscaling/policy:Policy": byProp("name"),
    "aws:budgets/budget:Budget": make((_k, s, ctx) => `${ctx.accountId}:${known(s.name, "unknown-name")}`),
    "aws:costexplorer/anomalyMonitor:AnomalyMonitor": byArn,
    "aws:costexplorer/anomalySubscription:AnomalySubscription": byArn,
    "aws:ebs/encryptionByDefault:EncryptionByDefault": make((_k, _s, ctx) => ctx.region),
    "random:index/randomPassword:RandomPassword": make(() => "none"),
};

/** Outputs the provider reports as secrets (their values are wrapped as secrets on the wire). */
export const SECRET_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
    "random:index/randomPassword:RandomPassword": ["result", "bcryptHash"],
    "tls:index/privateKey:PrivateKey": ["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"],
};

/** The provisional id of a resource whose real id is its ARN (computedOutputs builds the ARN from a name-like id). */
function idFromRule(rule: IdRule | undefined, type: string, name: string, key: string, state: Record<string, unknown>, ctx: ProviderContext): string {
    if (rule === undefined) return type.startsWith("aws:") ? `${name}-${hexId(key, 8)}` : hexId(key, 16);
    switch (rule.from) {
        case "prop": {
            // A name prefix instead of a name: the provider appends a unique suffix to it.
            const prefix = rule.prop === "bucket" ? state.bucketPrefix : rule.prop === "name" ? state.namePrefix : undefined;
            return str(state[rule.prop], prefixedName(type, name, prefix) ?? `${name}-${hexId(key, 8)}`);
        }
        case "prefix":
            return awsStyleId(rule.prefix, key);
        case "make":
            return rule.make(key, state, ctx);
        case "arn":
            return str(state.name, name);
    }
}

/**
 * What the provider reports once it has created the resource (apply mode): its id, in the style
 * AWS gives it for the type (ID_RULES), and its computed outputs (computedOutputs). `key` makes
 * the id unique (the URN); the result depends only on type, name, key, the planned state, region
 * and account, so the same plan always gets the same values, byte for byte.
 */
export function createdState(
    type: string,
    name: string,
    key: string,
    state: Record<string, unknown>,
    ctx: ProviderContext,
): { id: string; outputs: Record<string, unknown> } {
    const rule = ID_RULES[type];
    const provisional = idFromRule(rule, type, name, key, state, ctx);
    const outputs = computedOutputs(type, name, provisional, state, ctx);
    const fromOutputs = rule?.from === "prop" && typeof outputs[rule.prop] === "string" ? (outputs[rule.prop] as string) : undefined;
    const id = rule?.from === "arn" && typeof outputs.arn === "string" ? outputs.arn : fromOutputs ?? provisional;
    return { id, outputs };
}

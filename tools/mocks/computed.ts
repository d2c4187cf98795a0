// What a provider adds to a resource's inputs: auto-names (known even in a preview, because the
// provider's Check computes them) and, after creation, computed outputs such as ARNs, ids, IPs
// and DNS names. Used by the unit-test mocks (known mode) and the offline check (preview mode:
// auto-names only; everything else stays unknown, as in a real preview).
import { awsStyleId, hexId, upperAlnum } from "./hash";
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

function octet(key: string): number {
    return 10 + (parseInt(hexId(key, 2), 16) % 240);
}

/** A PEM-shaped placeholder of `label` (e.g. "CERTIFICATE"), distinct per key. */
function fakePem(label: string, key: string): string {
    return `-----BEGIN ${label}-----\n${Buffer.from(hexId(`${label}/${key}`, 48), "hex").toString("base64")}\n-----END ${label}-----\n`;
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
    const named = str(state.name, name);
    const tags = state.tags !== undefined ? { tagsAll: state.tags } : {};

    switch (type) {
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2": {
            const bucket = str(state.bucket, name);
            return {
                ...tags,
                bucket,
                arn: `arn:${partition}:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.${dnsSuffix}`,
                bucketRegionalDomainName: `${bucket}.s3.${region}.${dnsSuffix}`,
                hostedZoneId: "Z3AQBSTGFYJSTF",
                region,
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
            const host = `${name}.${hexId(name, 12)}.${region}.rds.${dnsSuffix}`;
            const port = str(state.engine, "postgres").startsWith("postgres") ? 5432 : 3306;
            return {
                ...tags,
                arn: arn("rds", `db:${name}`),
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
        default: {
            if (!type.startsWith("aws:")) {
                return {};
            }
            const [, mod, kind] = /^aws:([^/]+)\/([^:]+):/.exec(type) ?? [];
            return mod ? { ...tags, arn: arn(mod, `${kind.toLowerCase()}/${id}`) } : {};
        }
    }
}

// Hand-tuned refinements of generated answers (generated-invokes.ts) for the lookups public
// programs use most: the generated answer gives every declared field a value of its type; these
// set the fields whose values relate to each other or to the rest of the plan as AWS relates them
// (the default VPC and its subnets are the ones awsx's DefaultVpc answers with, an alias's ARN
// names the alias, an organization's master account is the caller's account).
import { awsStyleId, hexId, upperAlnum } from "./hash";
import { partitionOf, zonesOf } from "./regions";

export type Tuning = (generated: Record<string, unknown>, inputs: Record<string, unknown>, region: string, accountId: string) => Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** A filter's first value (`filters: [{ name: "vpc-id", values: [...] }]`). */
function filterValue(inputs: Record<string, unknown>, name: string): string | undefined {
    const filters = Array.isArray(inputs.filters) ? (inputs.filters as Array<Record<string, unknown>>) : [];
    const f = filters.find((x) => x?.name === name);
    return Array.isArray(f?.values) ? str((f.values as unknown[])[0]) : undefined;
}

/** The account's default VPC in a region: the same id awsx's getDefaultVpc answers with. */
export function defaultVpcId(region: string, accountId: string): string {
    return awsStyleId("vpc", `default/${region}/${accountId}`);
}

/** The default VPC's subnets, one per zone (at most three), as awsx's getDefaultVpc answers. */
export function defaultSubnetIds(region: string, accountId: string): string[] {
    return zonesOf(region).slice(0, 3).map((z) => awsStyleId("subnet", `default/${z.name}/${accountId}`));
}

function uuid(key: string): string {
    const h = hexId(key, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const getVpc: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const isDefault = inputs.default === true || (str(inputs.id) ?? filterValue(inputs, "vpc-id")) === defaultVpcId(region, accountId);
    const id = str(inputs.id) ?? filterValue(inputs, "vpc-id") ?? (isDefault ? defaultVpcId(region, accountId) : (g.id as string));
    const cidrBlock = str(inputs.cidrBlock) ?? (isDefault ? "172.31.0.0/16" : (g.cidrBlock as string));
    return {
        ...g,
        id,
        arn: `arn:${partition}:ec2:${region}:${accountId}:vpc/${id}`,
        cidrBlock,
        cidrBlockAssociations: [{ associationId: awsStyleId("vpc-cidr-assoc", id), cidrBlock, state: "associated" }],
        default: isDefault,
        dhcpOptionsId: awsStyleId("dopt", `${region}/${accountId}`),
        enableDnsHostnames: true,
        enableDnsSupport: true,
        instanceTenancy: "default",
        mainRouteTableId: awsStyleId("rtb", `main/${id}`),
        ownerId: accountId,
        state: "available",
    };
};

const getSubnets: Tuning = (g, inputs, region, accountId) => {
    const vpcId = filterValue(inputs, "vpc-id");
    const defaults = filterValue(inputs, "default-for-az") === "true" || (vpcId !== undefined && vpcId === defaultVpcId(region, accountId));
    const ids = defaults
        ? defaultSubnetIds(region, accountId)
        : zonesOf(region).slice(0, 3).map((z) => awsStyleId("subnet", `${vpcId ?? "any"}/${z.name}/${JSON.stringify(inputs.tags ?? {})}/${accountId}`));
    return { ...g, id: region, ids };
};

const getSubnet: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const id = str(inputs.id) ?? filterValue(inputs, "subnet-id") ?? (g.id as string);
    const vpcId = str(inputs.vpcId) ?? filterValue(inputs, "vpc-id") ?? (g.vpcId as string);
    const zone = zonesOf(region).find((z) => z.name === (str(inputs.availabilityZone) ?? filterValue(inputs, "availability-zone"))) ?? zonesOf(region)[0];
    return {
        ...g,
        id,
        arn: `arn:${partition}:ec2:${region}:${accountId}:subnet/${id}`,
        vpcId,
        availabilityZone: zone.name,
        availabilityZoneId: zone.zoneId,
        ownerId: accountId,
        state: "available",
    };
};

const getSecurityGroup: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const id = str(inputs.id) ?? filterValue(inputs, "group-id") ?? (g.id as string);
    const name = str(inputs.name) ?? filterValue(inputs, "group-name") ?? "default";
    return {
        ...g,
        id,
        name,
        arn: `arn:${partition}:ec2:${region}:${accountId}:security-group/${id}`,
        description: name === "default" ? "default VPC security group" : `${name} (offline check)`,
        vpcId: str(inputs.vpcId) ?? filterValue(inputs, "vpc-id") ?? defaultVpcId(region, accountId),
    };
};

const getKmsAlias: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const name = str(inputs.name) ?? "alias/offline-check";
    const keyId = uuid(`kms-key/${name}/${region}/${accountId}`);
    const arn = `arn:${partition}:kms:${region}:${accountId}:${name}`;
    return { ...g, arn, id: arn, name, targetKeyId: keyId, targetKeyArn: `arn:${partition}:kms:${region}:${accountId}:key/${keyId}` };
};

const getKmsKey: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const asked = str(inputs.keyId) ?? "";
    const keyId = /^[0-9a-f-]{36}$/.test(asked) ? asked : /key\/([0-9a-f-]{36})$/.exec(asked)?.[1] ?? uuid(`kms-key/${asked}/${region}/${accountId}`);
    return {
        ...g,
        id: keyId,
        arn: `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`,
        awsAccountId: accountId,
        enabled: true,
        keyManager: asked.startsWith("alias/aws/") ? "AWS" : "CUSTOMER",
        keySpec: "SYMMETRIC_DEFAULT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        keyState: "Enabled",
        keyUsage: "ENCRYPT_DECRYPT",
        origin: "AWS_KMS",
        multiRegion: false,
    };
};

/** S3's hosted zone ids of website and regional endpoints (the common regions; else us-east-1's). */
const S3_ZONES: Record<string, string> = {
    "us-east-1": "Z3AQBSTGFYJSTF", "us-east-2": "Z2O1EMRO9K5GLX", "us-west-1": "Z2F56UZL2M1ACD", "us-west-2": "Z3BJ6K6RIION7M",
    "eu-west-1": "Z1BKCTXD74EZPE", "eu-central-1": "Z21DNDUVLTQW6Q", "ap-southeast-1": "Z3O0J2DXBE1FTB", "ap-northeast-1": "Z2M4EHUR26P7ZW",
};

const getBucket: Tuning = (g, inputs, region) => {
    const { partition, dnsSuffix } = partitionOf(region);
    const bucket = str(inputs.bucket) ?? (g.bucket as string);
    return {
        ...g,
        id: bucket,
        bucket,
        arn: `arn:${partition}:s3:::${bucket}`,
        bucketDomainName: `${bucket}.s3.${dnsSuffix}`,
        bucketRegionalDomainName: `${bucket}.s3.${region}.${dnsSuffix}`,
        bucketRegion: region,
        region,
        hostedZoneId: S3_ZONES[region] ?? S3_ZONES["us-east-1"],
        websiteDomain: "",
        websiteEndpoint: "",
    };
};

const getOrganization: Tuning = (g, _inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const orgId = `o-${hexId(`organization/${accountId}`, 10)}`;
    const rootId = `r-${hexId(`root/${accountId}`, 4)}`;
    const accountArn = `arn:${partition}:organizations::${accountId}:account/${orgId}/${accountId}`;
    const email = `aws+${accountId}@example.com`;
    return {
        ...g,
        id: orgId,
        arn: `arn:${partition}:organizations::${accountId}:organization/${orgId}`,
        featureSet: "ALL",
        masterAccountId: accountId,
        masterAccountArn: accountArn,
        masterAccountEmail: email,
        masterAccountName: "management",
        awsServiceAccessPrincipals: [],
        enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
        accounts: [{ id: accountId, arn: accountArn, email, name: "management", status: "ACTIVE", state: "ACTIVE", joinedMethod: "CREATED", joinedTimestamp: "2024-01-01T00:00:00Z" }],
        nonMasterAccounts: [],
        roots: [{
            id: rootId,
            arn: `arn:${partition}:organizations::${accountId}:root/${orgId}/${rootId}`,
            name: "Root",
            policyTypes: [{ status: "ENABLED", type: "SERVICE_CONTROL_POLICY" }],
        }],
    };
};

const getIamRole: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const name = str(inputs.name) ?? (g.name as string);
    return {
        ...g,
        id: name,
        name,
        arn: `arn:${partition}:iam::${accountId}:role/${name}`,
        uniqueId: `AROA${upperAlnum(`role/${name}/${accountId}`, 17)}`,
        path: "/",
        assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
        maxSessionDuration: 3600,
        permissionsBoundary: "",
    };
};

const getIamPolicy: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const arn = str(inputs.arn) ?? `arn:${partition}:iam::${accountId}:policy/${str(inputs.name) ?? (g.name as string)}`;
    const name = arn.split("/").pop() as string;
    return { ...g, id: arn, arn, name, path: "/", policyId: `ANPA${upperAlnum(arn, 17)}`, attachmentCount: 1 };
};

const getCertificate: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const domain = str(inputs.domain) ?? "example.com";
    const arn = `arn:${partition}:acm:${region}:${accountId}:certificate/${uuid(`certificate/${domain}/${region}/${accountId}`)}`;
    return { ...g, id: arn, arn, domain, status: "ISSUED", type: "AMAZON_ISSUED", keyTypes: ["RSA_2048"] };
};

const getSecret: Tuning = (g, inputs, region, accountId) => {
    const { partition } = partitionOf(region);
    const name = str(inputs.name) ?? str(inputs.arn)?.split(":secret:")[1]?.replace(/-[A-Za-z0-9]{6}$/, "") ?? (g.name as string);
    const arn = str(inputs.arn) ?? `arn:${partition}:secretsmanager:${region}:${accountId}:secret:${name}-${upperAlnum(`secret/${name}`, 6)}`;
    return { ...g, id: arn, arn, name };
};

/** Current major versions per engine (the default an unpinned lookup gets) and their parameter group families. */
const ENGINE_DEFAULTS: Record<string, { version: string; family: (v: string) => string }> = {
    postgres: { version: "16.4", family: (v) => `postgres${v.split(".")[0]}` },
    "aurora-postgresql": { version: "16.4", family: (v) => `aurora-postgresql${v.split(".")[0]}` },
    mysql: { version: "8.0.39", family: (v) => `mysql${v.split(".").slice(0, 2).join(".")}` },
    "aurora-mysql": { version: "8.0.mysql_aurora.3.07.1", family: () => "aurora-mysql8.0" },
    mariadb: { version: "10.11.9", family: (v) => `mariadb${v.split(".").slice(0, 2).join(".")}` },
};

const getEngineVersion: Tuning = (g, inputs) => {
    const engine = str(inputs.engine) ?? "postgres";
    const known = ENGINE_DEFAULTS[engine];
    const preferred = Array.isArray(inputs.preferredVersions) ? str(inputs.preferredVersions[0]) : undefined;
    const version = str(inputs.version) ?? preferred ?? known?.version ?? (g.version as string);
    return {
        ...g,
        engine,
        version,
        versionActual: version,
        parameterGroupFamily: known ? known.family(version) : (g.parameterGroupFamily as string),
        status: "available",
    };
};

export const TUNINGS: Record<string, Tuning> = {
    "aws:rds/getEngineVersion:getEngineVersion": getEngineVersion,
    "aws:ec2/getVpc:getVpc": getVpc,
    "aws:ec2/getSubnets:getSubnets": getSubnets,
    "aws:ec2/getSubnet:getSubnet": getSubnet,
    "aws:ec2/getSecurityGroup:getSecurityGroup": getSecurityGroup,
    "aws:kms/getAlias:getAlias": getKmsAlias,
    "aws:kms/getKey:getKey": getKmsKey,
    "aws:s3/getBucket:getBucket": getBucket,
    "aws:organizations/getOrganization:getOrganization": getOrganization,
    "aws:iam/getRole:getRole": getIamRole,
    "aws:iam/getPolicy:getPolicy": getIamPolicy,
    "aws:acm/getCertificate:getCertificate": getCertificate,
    "aws:secretsmanager/getSecret:getSecret": getSecret,
};

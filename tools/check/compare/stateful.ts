// What a replacement or deletion would destroy, by resource type, and which inputs AWS cannot
// change in place (the Terraform AWS provider's "ForceNew" arguments, which @pulumi/aws bridges:
// changing one makes `pulumi up` delete and re-create the resource). Only the types that hold
// data are listed: a replaced security group or alarm costs a moment, a replaced bucket, table,
// database, cache, key or secret costs the data in it.

export interface StatefulType {
    /** What is lost with the resource. */
    holds: string;
    /** Inputs whose change replaces the resource (ForceNew in the provider's schema). */
    replaceOn: readonly string[];
}

export const STATEFUL_TYPES: Readonly<Record<string, StatefulType>> = {
    "aws:s3/bucket:Bucket": { holds: "its objects", replaceOn: ["bucket", "bucketPrefix", "objectLockEnabled"] },
    "aws:s3/bucketV2:BucketV2": { holds: "its objects", replaceOn: ["bucket", "bucketPrefix", "objectLockEnabled"] },
    "aws:dynamodb/table:Table": { holds: "its items", replaceOn: ["name", "hashKey", "rangeKey"] },
    "aws:rds/instance:Instance": { holds: "its databases", replaceOn: ["identifier", "identifierPrefix", "engine", "dbName", "storageEncrypted", "kmsKeyId", "username", "characterSetName", "timezone"] },
    "aws:rds/cluster:Cluster": { holds: "its databases", replaceOn: ["clusterIdentifier", "clusterIdentifierPrefix", "engine", "databaseName", "storageEncrypted", "kmsKeyId", "masterUsername"] },
    "aws:rds/clusterInstance:ClusterInstance": { holds: "its database instance", replaceOn: ["identifier", "identifierPrefix", "clusterIdentifier", "engine"] },
    "aws:elasticache/replicationGroup:ReplicationGroup": { holds: "its cached data and snapshots", replaceOn: ["replicationGroupId", "atRestEncryptionEnabled", "kmsKeyId", "engine", "subnetGroupName"] },
    "aws:elasticache/cluster:Cluster": { holds: "its cached data", replaceOn: ["clusterId", "engine", "nodeType", "subnetGroupName"] },
    "aws:kms/key:Key": { holds: "every value encrypted under it", replaceOn: ["customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId", "customKeyStoreId"] },
    "aws:secretsmanager/secret:Secret": { holds: "its secret value", replaceOn: ["name", "namePrefix"] },
    "aws:ssm/parameter:Parameter": { holds: "its value", replaceOn: ["name"] },
    "aws:cloudwatch/logGroup:LogGroup": { holds: "its log events", replaceOn: ["name", "namePrefix", "logGroupClass"] },
    "aws:efs/fileSystem:FileSystem": { holds: "its files", replaceOn: ["creationToken", "encrypted", "kmsKeyId", "performanceMode", "availabilityZoneName"] },
    "aws:ebs/volume:Volume": { holds: "its blocks", replaceOn: ["availabilityZone", "encrypted", "kmsKeyId", "snapshotId", "outpostArn"] },
    "aws:ecr/repository:Repository": { holds: "its images", replaceOn: ["name"] },
    "aws:cognito/userPool:UserPool": { holds: "its users", replaceOn: ["name", "aliasAttributes", "usernameAttributes", "schemas"] },
    "aws:ec2/instance:Instance": { holds: "its root volume (and what runs on it)", replaceOn: ["ami", "availabilityZone", "subnetId", "keyName", "privateIp", "tenancy", "placementGroup"] },
    "aws:ec2/eip:Eip": { holds: "its public IP address", replaceOn: ["domain", "vpc", "publicIpv4Pool", "address"] },
    "aws:organizations/account:Account": { holds: "a whole AWS account", replaceOn: ["email", "name", "iamUserAccessToBilling", "roleName"] },
    "aws:organizations/organization:Organization": { holds: "the organisation", replaceOn: [] },
    "aws:cloudtrail/trail:Trail": { holds: "its trail (its logs stay in the bucket)", replaceOn: ["name"] },
    "aws:acmpca/certificateAuthority:CertificateAuthority": { holds: "the private CA and every certificate it issued", replaceOn: ["type", "keyStorageSecurityStandard"] },
    "tls:index/privateKey:PrivateKey": { holds: "a private key partners hold certificates for", replaceOn: ["algorithm", "rsaBits", "ecdsaCurve"] },
    "random:index/randomPassword:RandomPassword": { holds: "a generated secret", replaceOn: ["length", "special", "upper", "lower", "numeric", "overrideSpecial", "keepers"] },
};

export function statefulType(type: string): StatefulType | undefined {
    return STATEFUL_TYPES[type];
}

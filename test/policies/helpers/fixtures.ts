/**
 * Small builders for test resources: type tokens, the stack's standard tags, and a bucket with
 * its v7 side resources linked the way a preview links them (unknown `bucket` input, property
 * dependency on the bucket).
 */
import type { ResourceSpec } from "./server";
import { UNKNOWN } from "./server";

export const T = {
    sg: "aws:ec2/securityGroup:SecurityGroup",
    defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    instance: "aws:ec2/instance:Instance",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    launchConfiguration: "aws:ec2/launchConfiguration:LaunchConfiguration",
    volume: "aws:ebs/volume:Volume",
    eip: "aws:ec2/eip:Eip",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    sseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    versioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    accountPab: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucketAcl: "aws:s3/bucketAcl:BucketAcl",
    bucketAclV2: "aws:s3/bucketAclV2:BucketAclV2",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    cors: "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    role: "aws:iam/role:Role",
    policy: "aws:iam/policy:Policy",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
    groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    userPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    groupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    roleAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    instanceProfile: "aws:iam/instanceProfile:InstanceProfile",
    accessKey: "aws:iam/accessKey:AccessKey",
    kmsKey: "aws:kms/key:Key",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    parameter: "aws:ssm/parameter:Parameter",
    ssmDocument: "aws:ssm/document:Document",
    secret: "aws:secretsmanager/secret:Secret",
    healthCheck: "aws:route53/healthCheck:HealthCheck",
    listener: "aws:lb/listener:Listener",
    albListener: "aws:alb/listener:Listener",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    distribution: "aws:cloudfront/distribution:Distribution",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    ecsService: "aws:ecs/service:Service",
    repository: "aws:ecr/repository:Repository",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    table: "aws:dynamodb/table:Table",
    stage: "aws:apigatewayv2/stage:Stage",
    lambda: "aws:lambda/function:Function",
    permission: "aws:lambda/permission:Permission",
    userPool: "aws:cognito/userPool:UserPool",
    webAcl: "aws:wafv2/webAcl:WebAcl",
    trail: "aws:cloudtrail/trail:Trail",
    rdsInstance: "aws:rds/instance:Instance",
    vpc: "awsx:ec2:Vpc",
} as const;

/** The tags every taggable resource of the program carries. */
export function tags(name: string, environment = "dev"): Record<string, string> {
    return { project: "stagecraft", environment, owner: "platform-team", Name: name };
}

export function res(type: string, name: string, props: Record<string, unknown> = {}, extra: Partial<ResourceSpec> = {}): ResourceSpec {
    return { type, name, props, ...extra };
}

/** A side resource of a bucket, as a preview sees it: `bucket` unknown, linked by property dependency. */
export function side(type: string, name: string, bucket: string, props: Record<string, unknown> = {}): ResourceSpec {
    return { type, name, props: { bucket: UNKNOWN, ...props }, propertyDependencies: { bucket: [bucket] } };
}

export const AES256 = { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] };
export const KMS = (key: unknown = "arn:aws:kms:us-east-1:123456789012:key/1") =>
    ({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key }, bucketKeyEnabled: true }] });
export const ALL_BLOCKED = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

export function tlsOnlyPolicy(bucketArn = "arn:aws:s3:::b"): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
            Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } },
        }],
    });
}

/**
 * A bucket as the SecureBucket component builds it (bucketPrefix naming, so its name is unknown
 * in a preview) with the side resources asked for; `false` leaves one out.
 */
export function secureBucket(name: string, opts: {
    sse?: Record<string, unknown> | false;
    pab?: Record<string, unknown> | false;
    versioning?: Record<string, unknown> | false;
    policy?: unknown;
    environment?: string;
    protect?: boolean;
} = {}): ResourceSpec[] {
    const specs: ResourceSpec[] = [
        { type: T.bucket, name, props: { bucket: UNKNOWN, bucketPrefix: `${name}-`, forceDestroy: false, tags: tags(name, opts.environment) }, protect: opts.protect ?? false },
        side(T.ownership, `${name}-ownership`, name, { rule: { objectOwnership: "BucketOwnerEnforced" } }),
    ];
    if (opts.pab !== false) specs.push(side(T.pab, `${name}-pab`, name, opts.pab ?? ALL_BLOCKED));
    if (opts.sse !== false) specs.push(side(T.sse, `${name}-sse`, name, opts.sse ?? AES256));
    if (opts.versioning !== undefined && opts.versioning !== false) specs.push(side(T.versioning, `${name}-versioning`, name, opts.versioning));
    if (opts.policy !== false) specs.push(side(T.bucketPolicy, `${name}-tls-only`, name, { policy: opts.policy ?? tlsOnlyPolicy() }));
    return specs;
}

export const ENABLED = { versioningConfiguration: { status: "Enabled" } };

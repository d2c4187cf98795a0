/**
 * What the GitHub Actions roles may do, as data (pure). `pulumi up` of this program creates,
 * changes and deletes resources of about thirty services, so the deploy role is granted, per
 * service, the verbs a Pulumi provider uses on them (Describe/Get/List to read, Create/Delete/
 * Update/Put/Tag... to change) — never `*` or `service:*` — and narrows them where AWS lets it:
 * IAM only on the program's own roles (`<app>-<env>-*`), passing them only to the services that
 * run them and attaching only the AWS-managed policies the program attaches; S3 only on the
 * app's buckets (`<app>-*`); KMS data keys only through the services that encrypt with them.
 *
 * One account often holds every environment, so each environment's role is fenced off from the
 * others: explicit denies on resources tagged for another environment (the program tags every
 * resource `environment=<env>`; a deny fails open for untagged resources, so it can never break
 * a stack's own update), its own objects in the state bucket, and stack secrets bound to the
 * stack by KMS encryption context. The organisation services (Organizations, CloudTrail,
 * GuardDuty, Config) are granted only to the environments that build phase 4. The state bucket
 * and the secrets key are out of reach of every deploy role's administration.
 *
 * The preview role reads configuration, never data: no secret values, object contents, table
 * items, log events, executions or container images.
 */
import { type PolicyDocument, type Statement } from "../iam/documents";

/** A service's actions: what reading it takes and what changing it takes. */
export interface ServiceActions {
    read: string[];
    write: string[];
    /** What the preview role may read when `read` would include data (items, log events, images...). @default read */
    previewRead?: string[];
    /** ARN patterns `write` is narrowed to, where the service's ARNs carry names the program sets. @default every resource ("*") */
    writeResources?: (scope: DeployScope) => string[];
    /** Writes on the account itself, which name no resource (Resource "*"), beside a narrowed `write`. */
    accountWrite?: string[];
    /** Only for environments that build the organisation (phase 4). @default false */
    organization?: boolean;
}

const READ = ["Describe*", "Get*", "List*"];
const CRUD = ["Create*", "Delete*", "Update*", "Put*", "Tag*", "Untag*"];
/** A bucket's configuration, never its objects. */
const S3_CONFIG_READ = ["List*", "GetBucket*", "GetEncryptionConfiguration", "GetLifecycleConfiguration", "GetAccountPublicAccessBlock"];

/** The services the program manages, grouped into managed policies that stay under IAM's size limit. */
export const DEPLOY_SERVICES: Readonly<Record<string, Readonly<Record<string, ServiceActions>>>> = {
    network: {
        ec2: {
            read: READ,
            previewRead: ["Describe*", "GetEbsEncryptionByDefault", "GetEbsDefaultKmsKeyId"],
            write: [...CRUD, "Modify*", "Associate*", "Disassociate*", "Attach*", "Detach*", "Allocate*", "Release*", "Replace*", "Authorize*", "Revoke*", "RunInstances", "StartInstances", "StopInstances", "TerminateInstances", "EnableEbsEncryptionByDefault", "DisableEbsEncryptionByDefault"],
        },
        elasticloadbalancing: { read: READ, write: [...CRUD, "Modify*", "Add*", "Remove*", "Register*", "Deregister*", "Set*"] },
        autoscaling: { read: READ, write: [...CRUD, "Attach*", "Detach*", "Set*", "Suspend*", "Resume*", "StartInstanceRefresh", "CancelInstanceRefresh"] },
        "application-autoscaling": { read: READ, write: ["Register*", "Deregister*", "Put*", "Delete*", "Tag*", "Untag*"] },
        servicediscovery: { read: READ, write: CRUD },
    },
    compute: {
        ecs: { read: READ, write: [...CRUD, "Register*", "Deregister*"] },
        ecr: {
            read: [...READ, "BatchGet*"],
            // Never GetAuthorizationToken, GetDownloadUrlForLayer or BatchGetImage: that is pulling images.
            previewRead: ["Describe*", "List*", "GetLifecyclePolicy", "GetRepositoryPolicy"],
            write: [...CRUD, "SetRepositoryPolicy"],
        },
        lambda: { read: READ, write: [...CRUD, "AddPermission", "RemovePermission", "Publish*"] },
        states: {
            read: READ,
            previewRead: ["DescribeStateMachine", "ListStateMachines", "ListTagsForResource"],
            write: CRUD,
        },
        elasticache: { read: READ, write: [...CRUD, "Modify*", "AddTagsToResource", "RemoveTagsFromResource"] },
        dynamodb: { read: READ, previewRead: ["Describe*", "List*", "GetResourcePolicy"], write: [...CRUD, "TagResource", "UntagResource"] },
        rds: { read: READ, write: [...CRUD, "Modify*", "AddTagsToResource", "RemoveTagsFromResource"] },
    },
    edge: {
        cloudfront: { read: READ, write: CRUD },
        wafv2: { read: READ, write: [...CRUD, "Associate*", "Disassociate*"] },
        route53: { read: READ, write: ["ChangeResourceRecordSets", "ChangeTagsForResource", "CreateHealthCheck", "DeleteHealthCheck", "UpdateHealthCheck"] },
        acm: { read: READ, write: ["RequestCertificate", "DeleteCertificate", "AddTagsToCertificate", "RemoveTagsFromCertificate", "UpdateCertificateOptions"] },
        "acm-pca": { read: READ, write: [...CRUD, "Import*", "IssueCertificate", "RevokeCertificate"] },
        apigateway: { read: ["GET"], write: ["POST", "PUT", "PATCH", "DELETE"] },
        "cognito-idp": {
            read: READ,
            // Never ListUsers or AdminGetUser: the pool's configuration, not its people.
            previewRead: ["DescribeUserPool", "DescribeUserPoolClient", "DescribeUserPoolDomain", "GetUserPoolMfaConfig", "ListUserPools", "ListUserPoolClients", "ListTagsForResource"],
            write: [...CRUD, "SetUserPoolMfaConfig", "TagResource", "UntagResource"],
        },
    },
    operations: {
        s3: {
            read: S3_CONFIG_READ,
            previewRead: S3_CONFIG_READ,
            // Delete{Encryption,Lifecycle,Cors,OwnershipControls,PublicAccessBlock} are authorised by their Put* actions.
            write: ["CreateBucket", "DeleteBucket", "DeleteBucketPolicy", "Put*"],
            writeResources: (s) => [`arn:${s.partition}:s3:::${s.appName}-*`],
            accountWrite: ["PutAccountPublicAccessBlock"],
        },
        // No alias actions: the program creates no aliases, and the state's key is known by one.
        kms: { read: READ, previewRead: ["Describe*", "List*", "GetKeyPolicy", "GetKeyRotationStatus"], write: ["CreateKey", "EnableKeyRotation", "PutKeyPolicy", "ScheduleKeyDeletion", "TagResource", "UntagResource", "UpdateKeyDescription"] },
        secretsmanager: { read: ["Describe*", "List*", "GetResourcePolicy"], previewRead: ["Describe*", "List*"], write: [...CRUD, "PutSecretValue"] },
        ssm: { read: READ, previewRead: ["Describe*", "List*", "GetDocument"], write: ["CreateDocument", "DeleteDocument", "UpdateDocument*", "AddTagsToResource", "RemoveTagsFromResource", "PutParameter", "DeleteParameter"] },
        logs: { read: READ, previewRead: ["Describe*", "ListTagsForResource", "ListTagsLogGroup"], write: [...CRUD, "Associate*", "Disassociate*"] },
        cloudwatch: { read: READ, write: ["PutMetricAlarm", "DeleteAlarms", "PutDashboard", "DeleteDashboards", "TagResource", "UntagResource"] },
        sns: { read: READ, write: ["CreateTopic", "DeleteTopic", "SetTopicAttributes", "Subscribe", "Unsubscribe", "TagResource", "UntagResource"] },
        budgets: { read: ["View*", "Describe*", "List*"], write: ["ModifyBudget", "CreateBudgetAction", "DeleteBudgetAction", "TagResource", "UntagResource"] },
        ce: { read: READ, write: ["CreateAnomalyMonitor", "DeleteAnomalyMonitor", "UpdateAnomalyMonitor", "CreateAnomalySubscription", "DeleteAnomalySubscription", "UpdateAnomalySubscription", "TagResource", "UntagResource"] },
        xray: { read: READ, write: [] },
        cloudtrail: { organization: true, read: READ, write: ["CreateTrail", "DeleteTrail", "UpdateTrail", "StartLogging", "StopLogging", "PutEventSelectors", "AddTags", "RemoveTags"] },
        guardduty: { organization: true, read: READ, write: ["CreateDetector", "DeleteDetector", "UpdateDetector", "TagResource", "UntagResource"] },
        config: { organization: true, read: READ, write: ["Put*", "Delete*", "StartConfigurationRecorder", "StopConfigurationRecorder", "TagResource", "UntagResource"] },
        organizations: { organization: true, read: READ, write: [...CRUD, "Attach*", "Detach*", "Enable*", "MoveAccount"] },
    },
};

/** The deploy role's managed policies: one per service group, IAM, and the fences (state, keys, other environments). */
export const DEPLOY_POLICY_GROUPS: readonly string[] = [...Object.keys(DEPLOY_SERVICES), "iam", "fences"];

/** IAM's limit for a customer-managed policy, in characters without whitespace. */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;
/** IAM's default quota of managed policies attached to one role. */
export const MANAGED_POLICIES_PER_ROLE = 10;

/** What a policy document's size counts: its JSON without whitespace. */
export function policySize(document: unknown): number {
    return JSON.stringify(document).replace(/\s+/g, "").length;
}

/** The AWS-managed policies the program attaches (the SSM agent's, API Gateway's logging, AWS Config's recorder). */
export const ATTACHABLE_MANAGED_POLICIES = [
    "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
    "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole",
];

/** Services the program's roles are passed to (ECS tasks, Lambda, EC2, Step Functions, API Gateway, VPC flow logs, Config, RDS monitoring). */
export const PASSED_TO_SERVICES = [
    "ecs-tasks.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com", "states.amazonaws.com",
    "apigateway.amazonaws.com", "vpc-flow-logs.amazonaws.com", "config.amazonaws.com", "monitoring.rds.amazonaws.com",
];

/**
 * Services that encrypt the program's data with its keys on the caller's behalf while it
 * deploys (Secrets Manager values written and read back, ElastiCache at rest, RDS, EBS, ...):
 * the deploy role may use a key's data-key operations only through them.
 */
export const KEY_USING_SERVICES = ["secretsmanager", "elasticache", "rds", "ec2", "dynamodb", "ecr", "logs", "sns", "lambda"];

/** The tag every resource of the program carries (`environment=<env>`); the fences read it. */
export const ENVIRONMENT_TAG = "environment";

/** Where the DIY backend keeps a stack's files (pulumi/pulumi pkg/backend/diy: project layout). */
export function stackStatePaths(project: string, stack: string): string[] {
    return [
        `.pulumi/stacks/${project}/${stack}.json*`,
        `.pulumi/history/${project}/${stack}/*`,
        `.pulumi/backups/${project}/${stack}/*`,
        `.pulumi/journal/${project}/${stack}/*`,
        `.pulumi/locks/organization/${project}/${stack}/*`,
    ];
}

export interface DeployScope {
    partition: string;
    accountId: string;
    /** Regions the stack deploys to (us-east-1 is added: CloudFront certificates, web ACLs, health-check alarms). */
    regions: string[];
    /** The stack's `stagecraft:appName`: its roles are `<app>-<env>-*`, its buckets `<app>-*`. */
    appName: string;
    /** The environment: GitHub environment, stack name and `environment` tag, all the same. */
    environment: string;
    /** Pulumi project of the stacks (state paths, secrets' encryption context). @default "stagecraft" */
    stackProject?: string;
    /** The Pulumi state bucket (an ARN, or a pattern such as `arn:aws:s3:::stagecraft-pulumi-state-*`), if used. */
    stateBucketArn?: string;
    /** Alias of the secrets provider's key (`alias/stagecraft-pulumi-secrets`), if used: grants follow the alias, not a key id. */
    secretsKeyAlias?: string;
    /** Region of the state bucket and the secrets key. @default the first of `regions` */
    backendRegion?: string;
    /** Organisation services (Organizations, CloudTrail, GuardDuty, Config): only for phase-4 environments. @default false */
    organization?: boolean;
    /** `environment` tag values of shared resources the role may still use (the bootstrap's, whose key it decrypts with). @default none */
    sharedEnvironmentTags?: string[];
}

/** `<app>-<env>`: the prefix of the stack's role, instance-profile and secret names. */
export function namePrefixOf(scope: DeployScope): string {
    return `${scope.appName}-${scope.environment}`;
}

function projectOf(scope: DeployScope): string {
    return scope.stackProject ?? "stagecraft";
}

function backendRegionOf(scope: DeployScope): string {
    return scope.backendRegion ?? scope.regions[0] ?? "us-east-1";
}

/** Global services (no region condition: their endpoints live in us-east-1 whatever the stack's region). */
const GLOBAL_SERVICES = new Set(["cloudfront", "route53", "budgets", "ce", "organizations", "iam"]);

function regionsOf(scope: DeployScope): string[] {
    return [...new Set([...scope.regions, "us-east-1"])];
}

function granted(scope: DeployScope, services: Readonly<Record<string, ServiceActions>>): [string, ServiceActions][] {
    return Object.entries(services).filter(([, a]) => a.organization !== true || scope.organization === true);
}

function allowStatement(sid: string, actions: string[], resources: string[], regions: string[] | undefined): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: actions,
        Resource: resources,
        ...(regions !== undefined ? { Condition: { StringEquals: { "aws:RequestedRegion": regions } } } : {}),
    };
}

/** One group's Allow statements: reads and unscoped writes per region kind, then each narrowed write. */
function groupStatements(group: string, scope: DeployScope, services: Readonly<Record<string, ServiceActions>>): Statement[] {
    const regional: string[] = [];
    const global: string[] = [];
    const narrowed: Statement[] = [];
    for (const [service, a] of granted(scope, services)) {
        const isGlobal = GLOBAL_SERVICES.has(service);
        const prefixed = (verbs: string[]) => verbs.map((v) => `${service}:${v}`);
        const anywhere = [...a.read, ...(a.writeResources === undefined ? a.write : []), ...(a.accountWrite ?? [])];
        (isGlobal ? global : regional).push(...prefixed(anywhere));
        if (a.writeResources !== undefined && a.write.length > 0) {
            narrowed.push(allowStatement(`Deploy${pascal(service)}OwnResources`, prefixed(a.write), a.writeResources(scope), isGlobal ? undefined : regionsOf(scope)));
        }
    }
    const statements: Statement[] = [];
    if (regional.length > 0) statements.push(allowStatement(`Deploy${pascal(group)}`, regional, ["*"], regionsOf(scope)));
    if (global.length > 0) statements.push(allowStatement(`Deploy${pascal(group)}Global`, global, ["*"], undefined));
    return [...statements, ...narrowed];
}

/** The IAM the deploy role needs, scoped to the program's names (no escalation through other roles). */
export function iamStatements(scope: DeployScope): Statement[] {
    const arn = (kind: string) => `arn:${scope.partition}:iam::${scope.accountId}:${kind}/${namePrefixOf(scope)}-*`;
    return [
        {
            Sid: "ReadIam",
            Effect: "Allow",
            Action: ["iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:GetInstanceProfile", "iam:ListInstanceProfilesForRole", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:GetOpenIDConnectProvider"],
            Resource: ["*"],
        },
        {
            Sid: "ManageOwnRoles",
            Effect: "Allow",
            Action: ["iam:CreateRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy"],
            Resource: [arn("role")],
        },
        {
            Sid: "AttachOnlyTheProgramsManagedPolicies",
            Effect: "Allow",
            Action: ["iam:AttachRolePolicy", "iam:DetachRolePolicy"],
            Resource: [arn("role")],
            Condition: { ArnEquals: { "iam:PolicyARN": ATTACHABLE_MANAGED_POLICIES.map((p) => p.replace("arn:aws:", `arn:${scope.partition}:`)) } },
        },
        {
            Sid: "ManageOwnInstanceProfiles",
            Effect: "Allow",
            Action: ["iam:CreateInstanceProfile", "iam:DeleteInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile", "iam:UntagInstanceProfile"],
            Resource: [arn("instance-profile")],
        },
        {
            Sid: "PassOwnRolesToTheirServices",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: [arn("role")],
            Condition: { StringEquals: { "iam:PassedToService": PASSED_TO_SERVICES } },
        },
        {
            Sid: "ServiceLinkedRoles",
            Effect: "Allow",
            Action: ["iam:CreateServiceLinkedRole"],
            Resource: [`arn:${scope.partition}:iam::${scope.accountId}:role/aws-service-role/*`],
        },
    ];
}

/**
 * Reading (and, for `pulumi up`, writing) this stack's files in the state bucket — never another
 * stack's — and its secrets: the stack's data key is encrypted under the context
 * `{project, stack}` (the `context_*` parameters of `secretsProviderUrl`), so a role can decrypt
 * its own stack's secrets and no other's, though all stacks share one key.
 */
export function stateStatements(scope: DeployScope, write: boolean): Statement[] {
    const out: Statement[] = [];
    const project = projectOf(scope);
    const region = backendRegionOf(scope);
    const keys = [`arn:${scope.partition}:kms:${region}:${scope.accountId}:key/*`];
    const byAlias = scope.secretsKeyAlias !== undefined ? { "ForAnyValue:StringEquals": { "kms:ResourceAliases": [scope.secretsKeyAlias] } } : undefined;
    if (scope.stateBucketArn !== undefined) {
        const bucket = scope.stateBucketArn;
        out.push({ Sid: "ListState", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: [bucket] });
        out.push({ Sid: "ReadBackendLayout", Effect: "Allow", Action: ["s3:GetObject"], Resource: [`${bucket}/.pulumi/meta.yaml`] });
        out.push({
            Sid: write ? "ReadWriteOwnStackState" : "ReadOwnStackState",
            Effect: "Allow",
            Action: write ? ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] : ["s3:GetObject"],
            Resource: (write ? stackStatePaths(project, scope.environment) : stackStatePaths(project, scope.environment).slice(0, 1)).map((p) => `${bucket}/${p}`),
        });
        if (byAlias !== undefined) {
            // The bucket is encrypted with the same key (S3 Bucket Key: the context is the bucket's ARN).
            out.push({
                Sid: "StateEncryption",
                Effect: "Allow",
                Action: write ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
                Resource: keys,
                Condition: { ...byAlias, StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` }, StringLike: { "kms:EncryptionContext:aws:s3:arn": bucket } },
            });
        }
    }
    if (byAlias !== undefined) {
        out.push({
            Sid: "OwnStackSecrets",
            Effect: "Allow",
            Action: write ? ["kms:Encrypt", "kms:Decrypt"] : ["kms:Decrypt"],
            Resource: keys,
            // Decrypt names the key by id, not alias: kms:ResourceAliases matches the key's aliases on every call.
            Condition: { ...byAlias, StringEquals: { "kms:EncryptionContext:project": project, "kms:EncryptionContext:stack": scope.environment } },
        });
    }
    return out;
}

/**
 * The deploy role's fences: data keys only through the services that use them; nothing on
 * resources tagged for another environment, and no resource tagged for one; the state bucket's
 * configuration and the secrets key's administration out of reach.
 */
export function fenceStatements(scope: DeployScope): Statement[] {
    const own = [scope.environment, ...(scope.sharedEnvironmentTags ?? [])];
    const out: Statement[] = [
        {
            Sid: "UseKeysOnlyThroughServices",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"],
            Resource: regionsOf(scope).map((r) => `arn:${scope.partition}:kms:${r}:${scope.accountId}:key/*`),
            Condition: { StringLike: { "kms:ViaService": KEY_USING_SERVICES.map((s) => `${s}.*.amazonaws.com`) } },
        },
        {
            Sid: "NothingOfOtherEnvironments",
            Effect: "Deny",
            Action: ["*"],
            Resource: ["*"],
            Condition: { StringNotEquals: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: own }, Null: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: "false" } },
        },
        {
            Sid: "NothingTaggedForOtherEnvironments",
            Effect: "Deny",
            Action: ["*"],
            Resource: ["*"],
            Condition: { StringNotEquals: { [`aws:RequestTag/${ENVIRONMENT_TAG}`]: [scope.environment] }, Null: { [`aws:RequestTag/${ENVIRONMENT_TAG}`]: "false" } },
        },
    ];
    if (scope.stateBucketArn !== undefined) {
        out.push({
            Sid: "KeepTheStateBucket",
            Effect: "Deny",
            Action: ["s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucket*", "s3:PutLifecycleConfiguration", "s3:PutEncryptionConfiguration", "s3:PutReplicationConfiguration", "s3:PutObjectAcl", "s3:DeleteObjectVersion"],
            Resource: [scope.stateBucketArn, `${scope.stateBucketArn}/*`],
        });
    }
    if (scope.secretsKeyAlias !== undefined) {
        out.push({
            Sid: "KeepTheSecretsKey",
            Effect: "Deny",
            Action: ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:DisableKeyRotation", "kms:PutKeyPolicy", "kms:CreateGrant", "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource"],
            Resource: ["*"],
            Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": [scope.secretsKeyAlias] } },
        });
    }
    return out;
}

/** The deploy role's managed policies, by name suffix: one per service group, IAM, and the fences. */
export function deployPolicies(scope: DeployScope): Record<string, PolicyDocument> {
    const policies: Record<string, PolicyDocument> = {};
    for (const [group, services] of Object.entries(DEPLOY_SERVICES)) {
        policies[group] = { Version: "2012-10-17", Statement: groupStatements(group, scope, services) };
    }
    policies.iam = {
        Version: "2012-10-17",
        Statement: [
            ...iamStatements(scope),
            {
                // Reading back the values the program writes (its generated secrets), nobody else's.
                Sid: "ReadProgramSecrets",
                Effect: "Allow",
                Action: ["secretsmanager:GetSecretValue"],
                Resource: regionsOf(scope).map((r) => `arn:${scope.partition}:secretsmanager:${r}:${scope.accountId}:secret:${namePrefixOf(scope)}/*`),
            },
        ],
    };
    policies.fences = { Version: "2012-10-17", Statement: [...stateStatements(scope, true), ...fenceStatements(scope)] };
    return policies;
}

/**
 * The preview role's one policy: read what the program reads during `pulumi preview` (lookups,
 * and the resources a refresh reads), its stack's state and secrets; never data (previewRead).
 */
export function previewPolicy(scope: DeployScope): PolicyDocument {
    const regional: string[] = [];
    const global: string[] = [];
    for (const services of Object.values(DEPLOY_SERVICES)) {
        for (const [service, a] of granted(scope, services)) {
            (GLOBAL_SERVICES.has(service) ? global : regional).push(...(a.previewRead ?? a.read).map((v) => `${service}:${v}`));
        }
    }
    return {
        Version: "2012-10-17",
        Statement: [
            allowStatement("ReadRegional", regional, ["*"], regionsOf(scope)),
            allowStatement("ReadGlobal", [...global, "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:GetInstanceProfile", "iam:GetPolicy", "iam:GetPolicyVersion"], ["*"], undefined),
            {
                Sid: "PublicSsmParameters",
                Effect: "Allow",
                Action: ["ssm:GetParameter", "ssm:GetParameters"],
                Resource: regionsOf(scope).map((r) => `arn:${scope.partition}:ssm:${r}::parameter/aws/service/*`),
            },
            ...stateStatements(scope, false),
        ],
    };
}

/**
 * The `--secrets-provider` of one stack: the key by alias, in the backend's region, with the
 * encryption context `{project, stack}` the roles' KMS grants require (Pulumi CLI 3.41.1+).
 */
export function secretsProviderUrl(keyAlias: string, region: string, project: string, stack: string): string {
    return `awskms://${keyAlias}?region=${region}&awssdk=v2&context_project=${encodeURIComponent(project)}&context_stack=${encodeURIComponent(stack)}`;
}

function pascal(text: string): string {
    return text.split(/[^A-Za-z0-9]+/).filter((w) => w !== "").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

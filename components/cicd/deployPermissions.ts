/**
 * What the GitHub Actions roles may do, as data (pure). `pulumi up` of this program creates,
 * changes and deletes resources of about thirty services, so the deploy role is granted, per
 * service, the verbs a Pulumi provider uses on them (Describe/Get/List to read, Create/Delete/
 * Update/Put/Tag... to change) — never `*` or `service:*` — and IAM only on the program's own
 * roles (`<app>-<env>-*`), passing them only to the services that run them, attaching only the
 * AWS-managed policies the program attaches. The preview role reads, and nothing else.
 */
import { type PolicyDocument, type Statement } from "../iam/documents";

/** A service's actions: what reading it takes and what changing it takes. */
export interface ServiceActions {
    read: string[];
    write: string[];
    /** What the preview role may read when `read` would include data (object contents, secret values). @default read */
    previewRead?: string[];
}

const READ = ["Describe*", "Get*", "List*"];
const CRUD = ["Create*", "Delete*", "Update*", "Put*", "Tag*", "Untag*"];
/** A bucket's configuration, never its objects. */
const S3_CONFIG_READ = ["List*", "GetBucket*", "GetEncryptionConfiguration", "GetLifecycleConfiguration", "GetAccountPublicAccessBlock"];

/** The services the program manages, grouped into managed policies that stay under IAM's size limit. */
export const DEPLOY_SERVICES: Readonly<Record<string, Readonly<Record<string, ServiceActions>>>> = {
    network: {
        ec2: { read: READ, write: [...CRUD, "Modify*", "Associate*", "Disassociate*", "Attach*", "Detach*", "Allocate*", "Release*", "Replace*", "Authorize*", "Revoke*", "RunInstances", "StartInstances", "StopInstances", "TerminateInstances", "EnableEbsEncryptionByDefault", "DisableEbsEncryptionByDefault"] },
        elasticloadbalancing: { read: READ, write: [...CRUD, "Modify*", "Add*", "Remove*", "Register*", "Deregister*", "Set*"] },
        autoscaling: { read: READ, write: [...CRUD, "Attach*", "Detach*", "Set*", "Suspend*", "Resume*", "StartInstanceRefresh", "CancelInstanceRefresh"] },
        "application-autoscaling": { read: READ, write: ["Register*", "Deregister*", "Put*", "Delete*", "Tag*", "Untag*"] },
        servicediscovery: { read: READ, write: CRUD },
    },
    compute: {
        ecs: { read: READ, write: [...CRUD, "Register*", "Deregister*"] },
        ecr: { read: [...READ, "BatchGet*"], write: [...CRUD, "SetRepositoryPolicy"] },
        lambda: { read: READ, write: [...CRUD, "AddPermission", "RemovePermission", "Publish*"] },
        states: { read: READ, write: CRUD },
        elasticache: { read: READ, write: [...CRUD, "Modify*", "AddTagsToResource", "RemoveTagsFromResource"] },
        dynamodb: { read: READ, write: [...CRUD, "TagResource", "UntagResource"] },
        rds: { read: READ, write: [...CRUD, "Modify*", "AddTagsToResource", "RemoveTagsFromResource"] },
    },
    edge: {
        cloudfront: { read: READ, write: CRUD },
        wafv2: { read: READ, write: [...CRUD, "Associate*", "Disassociate*"] },
        route53: { read: READ, write: ["ChangeResourceRecordSets", "ChangeTagsForResource", "CreateHealthCheck", "DeleteHealthCheck", "UpdateHealthCheck"] },
        acm: { read: READ, write: ["RequestCertificate", "DeleteCertificate", "AddTagsToCertificate", "RemoveTagsFromCertificate", "UpdateCertificateOptions"] },
        "acm-pca": { read: READ, write: [...CRUD, "Import*", "IssueCertificate", "RevokeCertificate"] },
        apigateway: { read: ["GET"], write: ["POST", "PUT", "PATCH", "DELETE"] },
        "cognito-idp": { read: READ, write: [...CRUD, "SetUserPoolMfaConfig", "TagResource", "UntagResource"] },
    },
    operations: {
        s3: { read: S3_CONFIG_READ, previewRead: S3_CONFIG_READ, write: ["CreateBucket", "DeleteBucket", "Put*", "DeleteBucketPolicy", "DeleteBucketOwnershipControls", "DeleteBucketLifecycle"] },
        kms: { read: READ, previewRead: ["Describe*", "List*", "GetKeyPolicy", "GetKeyRotationStatus"], write: ["CreateKey", "CreateAlias", "DeleteAlias", "UpdateAlias", "EnableKeyRotation", "PutKeyPolicy", "ScheduleKeyDeletion", "TagResource", "UntagResource", "UpdateKeyDescription"] },
        secretsmanager: { read: ["Describe*", "List*", "GetResourcePolicy"], previewRead: ["Describe*", "List*"], write: [...CRUD, "PutSecretValue"] },
        ssm: { read: READ, previewRead: ["Describe*", "List*", "GetDocument"], write: ["CreateDocument", "DeleteDocument", "UpdateDocument*", "AddTagsToResource", "RemoveTagsFromResource", "PutParameter", "DeleteParameter"] },
        logs: { read: READ, write: [...CRUD, "Associate*", "Disassociate*"] },
        cloudwatch: { read: READ, write: ["PutMetricAlarm", "DeleteAlarms", "PutDashboard", "DeleteDashboards", "TagResource", "UntagResource"] },
        sns: { read: READ, write: ["CreateTopic", "DeleteTopic", "SetTopicAttributes", "Subscribe", "Unsubscribe", "TagResource", "UntagResource"] },
        budgets: { read: ["View*", "Describe*", "List*"], write: ["ModifyBudget", "CreateBudgetAction", "DeleteBudgetAction", "TagResource", "UntagResource"] },
        ce: { read: READ, write: ["CreateAnomalyMonitor", "DeleteAnomalyMonitor", "UpdateAnomalyMonitor", "CreateAnomalySubscription", "DeleteAnomalySubscription", "UpdateAnomalySubscription", "TagResource", "UntagResource"] },
        cloudtrail: { read: READ, write: ["CreateTrail", "DeleteTrail", "UpdateTrail", "StartLogging", "StopLogging", "PutEventSelectors", "AddTags", "RemoveTags"] },
        guardduty: { read: READ, write: ["CreateDetector", "DeleteDetector", "UpdateDetector", "TagResource", "UntagResource"] },
        config: { read: READ, write: ["Put*", "Delete*", "StartConfigurationRecorder", "StopConfigurationRecorder", "TagResource", "UntagResource"] },
        organizations: { read: READ, write: [...CRUD, "Attach*", "Detach*", "Enable*", "MoveAccount"] },
        xray: { read: READ, write: [] },
    },
};

/** The deploy role's managed policies: one per service group, and IAM with the state. */
export const DEPLOY_POLICY_GROUPS: readonly string[] = [...Object.keys(DEPLOY_SERVICES), "iam"];

/** IAM's limit for a customer-managed policy, in characters without whitespace. */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;

/** What a policy document's size counts: its JSON without whitespace. */
export function policySize(document: unknown): number {
    return JSON.stringify(document).replace(/\s+/g, "").length;
}

/** The AWS-managed policies the program attaches (the SSM agent's and API Gateway's logging). */
export const ATTACHABLE_MANAGED_POLICIES = [
    "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
];

/** Services the program's roles are passed to (ECS tasks, Lambda, EC2, Step Functions, API Gateway, VPC flow logs, Config, RDS monitoring). */
export const PASSED_TO_SERVICES = [
    "ecs-tasks.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com", "states.amazonaws.com",
    "apigateway.amazonaws.com", "vpc-flow-logs.amazonaws.com", "config.amazonaws.com", "monitoring.rds.amazonaws.com",
];

export interface DeployScope {
    partition: string;
    accountId: string;
    /** Regions the stack deploys to (us-east-1 is added: CloudFront certificates, web ACLs, health-check alarms). */
    regions: string[];
    /** `<app>-<env>`: the program names its roles, instance profiles and policies with it. */
    namePrefix: string;
    /** The Pulumi state bucket (an ARN, or a pattern such as `arn:aws:s3:::stagecraft-pulumi-state-*`), if used. */
    stateBucketArn?: string;
    /** Alias of the secrets provider's key (`alias/stagecraft-pulumi-secrets`), if used: grants follow the alias, not a key id. */
    secretsKeyAlias?: string;
}

function serviceStatement(sid: string, actions: string[], regions: string[] | undefined): Statement {
    return {
        Sid: sid,
        Effect: "Allow",
        Action: actions,
        Resource: ["*"],
        ...(regions !== undefined ? { Condition: { StringEquals: { "aws:RequestedRegion": regions } } } : {}),
    };
}

/** Global services (no region condition: their endpoints live in us-east-1 whatever the stack's region). */
const GLOBAL_SERVICES = new Set(["cloudfront", "route53", "budgets", "ce", "organizations", "iam"]);

function actionsOf(services: Readonly<Record<string, ServiceActions>>, kind: "preview" | "deploy"): { regional: string[]; global: string[] } {
    const regional: string[] = [];
    const global: string[] = [];
    for (const [service, a] of Object.entries(services)) {
        const verbs = kind === "preview" ? (a.previewRead ?? a.read) : [...a.read, ...a.write];
        (GLOBAL_SERVICES.has(service) ? global : regional).push(...verbs.map((v) => `${service}:${v}`));
    }
    return { regional, global };
}

function regionsOf(scope: DeployScope): string[] {
    return [...new Set([...scope.regions, "us-east-1"])];
}

/** The IAM the deploy role needs, scoped to the program's names (no escalation through other roles). */
export function iamStatements(scope: DeployScope): Statement[] {
    const arn = (kind: string) => `arn:${scope.partition}:iam::${scope.accountId}:${kind}/${scope.namePrefix}-*`;
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

/** Reading and writing the Pulumi state and decrypting the stack's secrets. */
export function stateStatements(scope: DeployScope, write: boolean): Statement[] {
    const out: Statement[] = [];
    if (scope.stateBucketArn !== undefined) {
        out.push({ Sid: "ListState", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: [scope.stateBucketArn] });
        out.push({
            Sid: write ? "ReadWriteState" : "ReadState",
            Effect: "Allow",
            Action: write ? ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] : ["s3:GetObject"],
            Resource: [`${scope.stateBucketArn}/*`],
        });
    }
    if (scope.secretsKeyAlias !== undefined) {
        out.push({
            Sid: "StackSecrets",
            Effect: "Allow",
            Action: write ? ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
            Resource: regionsOf(scope).map((r) => `arn:${scope.partition}:kms:${r}:${scope.accountId}:key/*`),
            // Decrypt names the key by id, not alias: kms:ResourceAliases matches the key's aliases on every call.
            Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": [scope.secretsKeyAlias] } },
        });
    }
    return out;
}

/** The deploy role's managed policies, by name suffix: one per service group, IAM, and the state. */
export function deployPolicies(scope: DeployScope): Record<string, PolicyDocument> {
    const regions = regionsOf(scope);
    const policies: Record<string, PolicyDocument> = {};
    for (const [group, services] of Object.entries(DEPLOY_SERVICES)) {
        const { regional, global } = actionsOf(services, "deploy");
        const statements: Statement[] = [];
        if (regional.length > 0) statements.push(serviceStatement(`Deploy${capitalize(group)}`, regional, regions));
        if (global.length > 0) statements.push(serviceStatement(`Deploy${capitalize(group)}Global`, global, undefined));
        policies[group] = { Version: "2012-10-17", Statement: statements };
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
                Resource: regions.map((r) => `arn:${scope.partition}:secretsmanager:${r}:${scope.accountId}:secret:${scope.namePrefix}/*`),
            },
            ...stateStatements(scope, true),
        ],
    };
    return policies;
}

/**
 * The preview role's one policy: read what the program reads during `pulumi preview` (lookups,
 * and the resources a refresh reads), the state and the stack's secrets; never secret values
 * or object contents (previewRead).
 */
export function previewPolicy(scope: DeployScope): PolicyDocument {
    const regional: string[] = [];
    const global: string[] = [];
    for (const services of Object.values(DEPLOY_SERVICES)) {
        const a = actionsOf(services, "preview");
        regional.push(...a.regional);
        global.push(...a.global);
    }
    return {
        Version: "2012-10-17",
        Statement: [
            serviceStatement("ReadRegional", regional, regionsOf(scope)),
            serviceStatement("ReadGlobal", [...global, "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:GetInstanceProfile", "iam:GetPolicy", "iam:GetPolicyVersion"], undefined),
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

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

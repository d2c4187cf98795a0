/**
 * Guardrail service control policies for the organisation (seed 001's Control Tower guardrails),
 * as pure functions. SCPs only ever deny: they cap what any principal of a member account may do,
 * whatever its IAM policies allow. Each function returns one policy document (SCPs are limited to
 * 5,120 characters each; `scpSize` lets tests keep them under it).
 */
import { StagecraftError } from "../../lib/errors";

export interface ScpStatement {
    Sid: string;
    Effect: "Deny";
    Action?: string[];
    NotAction?: string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

export interface ScpDocument {
    Version: "2012-10-17";
    Statement: ScpStatement[];
}

/** AWS's limit on an SCP's size (characters, whitespace included, as AWS counts the JSON). */
export const SCP_MAX_CHARACTERS = 5120;

/** Roles that may still do what a guardrail denies (break-glass, the org's own automation). */
export interface Exceptions {
    /** ARN patterns of principals exempt from the guardrail, e.g. arn:aws:iam::*:role/OrganizationAccountAccessRole */
    principalArnPatterns: string[];
}

/** The condition that spares the exempt principals, or nothing when there are none. */
function exceptFor(exceptions: Exceptions): { Condition?: Record<string, Record<string, string | string[]>> } {
    return exceptions.principalArnPatterns.length === 0
        ? {}
        : { Condition: { ArnNotLike: { "aws:PrincipalArn": [...exceptions.principalArnPatterns] } } };
}

function document(statements: ScpStatement[]): ScpDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/** Member accounts cannot leave the organisation (and so shed every guardrail). */
export function denyLeavingOrganization(): ScpDocument {
    return document([{ Sid: "DenyLeavingOrganization", Effect: "Deny", Action: ["organizations:LeaveOrganization"], Resource: "*" }]);
}

/** Nobody but the exempt roles stops or weakens CloudTrail, GuardDuty or AWS Config. */
export function protectSecurityServices(exceptions: Exceptions): ScpDocument {
    return document([{
        Sid: "ProtectSecurityServices",
        Effect: "Deny",
        Action: [
            "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors",
            "guardduty:DeleteDetector", "guardduty:UpdateDetector", "guardduty:DisassociateFromMasterAccount",
            "guardduty:DisassociateFromAdministratorAccount", "guardduty:DeleteMembers", "guardduty:StopMonitoringMembers",
            "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel",
            "config:DeleteConfigRule", "config:DeleteConfigurationAggregator",
        ],
        Resource: "*",
        ...exceptFor(exceptions),
    }]);
}

/**
 * No unencrypted data at rest:
 * - S3: since January 2023 S3 encrypts every new object (SSE-S3), so a put without the header is
 *   encrypted; what is denied is a put that asks for anything but AES256, SSE-KMS or DSSE-KMS.
 *   (Denying every put without the header would break clients that rely on default encryption.)
 * - EBS: no unencrypted volume, created alone or at instance launch.
 */
export function requireEncryption(): ScpDocument {
    return document([
        {
            Sid: "DenyS3PutsWithUnapprovedEncryption",
            Effect: "Deny",
            Action: ["s3:PutObject"],
            Resource: "*",
            Condition: {
                StringNotEquals: { "s3:x-amz-server-side-encryption": ["AES256", "aws:kms", "aws:kms:dsse"] },
                // A negated operator is true when the key is absent: only judge requests that send it.
                Null: { "s3:x-amz-server-side-encryption": "false" },
            },
        },
        { Sid: "DenyUnencryptedEbsVolumes", Effect: "Deny", Action: ["ec2:CreateVolume"], Resource: "*", Condition: { Bool: { "ec2:Encrypted": "false" } } },
        {
            Sid: "DenyInstancesWithUnencryptedVolumes",
            Effect: "Deny",
            Action: ["ec2:RunInstances"],
            Resource: "arn:aws:ec2:*:*:volume/*",
            Condition: { Bool: { "ec2:Encrypted": "false" } },
        },
    ]);
}

/**
 * Global services whose API calls are made in us-east-1 (or have no region) whatever the
 * workload's region: a region allow-list must not deny them.
 */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = [
    "a4b:*", "account:*", "acm:*", "aws-marketplace:*", "budgets:*", "ce:*", "chime:*", "cloudfront:*", "config:*",
    "cur:*", "directconnect:*", "ec2:DescribeRegions", "ec2:DescribeTransitGateways", "ec2:DescribeVpnGateways",
    "fms:*", "globalaccelerator:*", "health:*", "iam:*", "importexport:*", "kms:*", "mobileanalytics:*",
    "networkmanager:*", "organizations:*", "pricing:*", "route53:*", "route53domains:*", "route53-recovery-cluster:*",
    "route53-recovery-control-config:*", "route53-recovery-readiness:*", "s3:GetAccountPublicAccessBlock", "s3:ListAllMyBuckets",
    "s3:PutAccountPublicAccessBlock", "shield:*", "sts:*", "support:*", "trustedadvisor:*", "waf-regional:*", "waf:*",
    "wafv2:*", "wellarchitected:*",
];

/** Everything outside the allowed regions is denied, except global services and the exempt roles. */
export function regionAllowList(regions: readonly string[], exceptions: Exceptions): ScpDocument {
    if (regions.length === 0) throw new StagecraftError("a region allow-list needs at least one region");
    const condition: Record<string, Record<string, string | string[]>> = {
        StringNotEquals: { "aws:RequestedRegion": [...regions] },
        ...(exceptFor(exceptions).Condition ?? {}),
    };
    return document([{ Sid: "DenyOutsideAllowedRegions", Effect: "Deny", NotAction: [...GLOBAL_SERVICE_ACTIONS], Resource: "*", Condition: condition }]);
}

/** The root user of a member account does nothing (use roles; root stays for account recovery). */
export function denyRootUser(): ScpDocument {
    return document([{
        Sid: "DenyRootUser",
        Effect: "Deny",
        Action: ["*"],
        Resource: "*",
        Condition: { StringLike: { "aws:PrincipalArn": ["arn:aws:iam::*:root"] } },
    }]);
}

/** Characters AWS counts for an SCP (the JSON as submitted, here without whitespace). */
export function scpSize(doc: ScpDocument): number {
    return JSON.stringify(doc).length;
}


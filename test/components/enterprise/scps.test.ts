import * as assert from "node:assert/strict";
import {
    denyLeavingOrganization, denyRootUser, GLOBAL_SERVICE_ACTIONS, protectSecurityServices, regionAllowList,
    requireEncryption, SCP_MAX_CHARACTERS, scpSize, type ScpDocument,
} from "../../../components/blocks/enterprise/scps";

const BREAK_GLASS = { principalArnPatterns: ["arn:aws:iam::*:role/OrganizationAccountAccessRole"] };
const NONE = { principalArnPatterns: [] };

function all(): ScpDocument[] {
    return [denyLeavingOrganization(), protectSecurityServices(BREAK_GLASS), requireEncryption(), regionAllowList(["us-east-1", "sa-east-1"], BREAK_GLASS), denyRootUser()];
}

describe("guardrail SCPs", () => {
    it("only ever deny, and fit AWS's 5,120-character limit", () => {
        for (const doc of all()) {
            assert.ok(doc.Statement.every((s) => s.Effect === "Deny"));
            assert.ok(scpSize(doc) <= SCP_MAX_CHARACTERS, `${doc.Statement[0].Sid}: ${scpSize(doc)} characters`);
        }
    });

    it("deny leaving the organisation", () => {
        assert.deepEqual(denyLeavingOrganization().Statement[0].Action, ["organizations:LeaveOrganization"]);
    });

    it("deny stopping or deleting CloudTrail, GuardDuty and Config, except for the break-glass role", () => {
        const [s] = protectSecurityServices(BREAK_GLASS).Statement;
        for (const action of ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "guardduty:DeleteDetector", "config:StopConfigurationRecorder", "config:DeleteDeliveryChannel"]) {
            assert.ok(s.Action!.includes(action), action);
        }
        assert.deepEqual(s.Condition, { ArnNotLike: { "aws:PrincipalArn": BREAK_GLASS.principalArnPatterns } });
        assert.equal(protectSecurityServices(NONE).Statement[0].Condition, undefined, "no exception: no condition at all");
    });

    it("deny S3 puts that ask for an unapproved encryption, only when they send the header", () => {
        const [s3] = requireEncryption().Statement;
        assert.deepEqual(s3.Action, ["s3:PutObject"]);
        assert.deepEqual(s3.Condition, {
            StringNotEquals: { "s3:x-amz-server-side-encryption": ["AES256", "aws:kms", "aws:kms:dsse"] },
            Null: { "s3:x-amz-server-side-encryption": "false" },
        });
    });

    it("deny unencrypted EBS volumes, alone and at instance launch", () => {
        const [, volume, launch] = requireEncryption().Statement;
        assert.deepEqual([volume.Action, volume.Condition], [["ec2:CreateVolume"], { Bool: { "ec2:Encrypted": "false" } }]);
        assert.deepEqual([launch.Action, launch.Resource], [["ec2:RunInstances"], "arn:aws:ec2:*:*:volume/*"]);
    });

    it("deny other regions for everything but global services", () => {
        const [s] = regionAllowList(["us-east-1", "sa-east-1"], BREAK_GLASS).Statement;
        assert.equal(s.Action, undefined);
        assert.deepEqual(s.NotAction, [...GLOBAL_SERVICE_ACTIONS]);
        for (const global of ["iam:*", "sts:*", "route53:*", "cloudfront:*", "organizations:*", "support:*"]) assert.ok(s.NotAction!.includes(global), global);
        assert.deepEqual(s.Condition!.StringNotEquals, { "aws:RequestedRegion": ["us-east-1", "sa-east-1"] });
        assert.deepEqual(s.Condition!.ArnNotLike, { "aws:PrincipalArn": BREAK_GLASS.principalArnPatterns });
    });

    it("refuse an empty region allow-list (it would deny every regional service)", () => {
        assert.throws(() => regionAllowList([], NONE), /at least one region/);
    });

    it("deny every action of a member account's root user", () => {
        const [s] = denyRootUser().Statement;
        assert.deepEqual([s.Action, s.Condition], [["*"], { StringLike: { "aws:PrincipalArn": ["arn:aws:iam::*:root"] } }]);
    });
});

import * as assert from "node:assert/strict";
import { CONFIG_RULES, configDeliveryPolicy, trailBucketStatements, trailKeyPolicy } from "../../../components/blocks/enterprise/baselineDocuments";
import { SecurityBaseline } from "../../../components/blocks/enterprise/securityBaseline";
import { type Registration } from "../../../tools/mocks";
import { named, ofType, runWithMocks } from "../../helpers/pulumi";

const TRAIL = "arn:aws:cloudtrail:us-east-1:123456789012:trail/chat-org-organization-trail";

describe("security baseline documents", () => {
    it("the trail key lets CloudTrail encrypt only for this account's trails, from this trail", () => {
        const doc = trailKeyPolicy({ partition: "aws", accountId: "123456789012", trailArn: TRAIL });
        const encrypt = doc.Statement.find((s) => s.Sid === "CloudTrailEncryptsLogs")!;
        assert.deepEqual(encrypt.Principal, { Service: "cloudtrail.amazonaws.com" });
        assert.deepEqual(encrypt.Action, ["kms:GenerateDataKey*"]);
        assert.deepEqual(encrypt.Condition, {
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:123456789012:trail/*" },
            StringEquals: { "aws:SourceArn": TRAIL },
        });
        assert.deepEqual(doc.Statement[0].Principal, { AWS: "arn:aws:iam::123456789012:root" });
    });

    it("the trail bucket admits CloudTrail's ACL check and writes from this trail only, with owner-full-control", () => {
        const [acl, write] = trailBucketStatements("arn:aws:s3:::logs", ["arn:aws:s3:::logs/AWSLogs/123456789012/*", "arn:aws:s3:::logs/AWSLogs/o-abc/*"], TRAIL);
        assert.deepEqual([acl.Action, acl.Resource, acl.Condition], [["s3:GetBucketAcl"], ["arn:aws:s3:::logs"], { StringEquals: { "aws:SourceArn": TRAIL } }]);
        assert.deepEqual(write.Resource, ["arn:aws:s3:::logs/AWSLogs/123456789012/*", "arn:aws:s3:::logs/AWSLogs/o-abc/*"]);
        assert.deepEqual(write.Condition, { StringEquals: { "aws:SourceArn": TRAIL, "s3:x-amz-acl": "bucket-owner-full-control" } });
    });

    it("the Config role writes only under its delivery prefix", () => {
        const doc = configDeliveryPolicy("arn:aws:s3:::cfg", "arn:aws:s3:::cfg/config/AWSLogs/123456789012/Config/*");
        assert.deepEqual(doc.Statement.flatMap((s) => s.Action), ["s3:GetBucketAcl", "s3:ListBucket", "s3:PutObject"]);
        assert.deepEqual(doc.Statement[1].Resource, ["arn:aws:s3:::cfg/config/AWSLogs/123456789012/Config/*"]);
    });
});

describe("SecurityBaseline (phase 4) under mocks", () => {
    let registrations: Registration[];
    before(async () => {
        ({ registrations } = await runWithMocks(() => new SecurityBaseline("chat-org-baseline", {
            namePrefix: "chat-org",
            organizationId: "o-abc123",
            tags: { project: "chat", environment: "org", owner: "platform" },
        })));
    });

    it("records an organisation trail in every region with log-file validation, encrypted with a rotating key", () => {
        const [trail] = ofType(registrations, "aws:cloudtrail/trail:Trail");
        assert.deepEqual(
            [trail.inputs.isOrganizationTrail, trail.inputs.isMultiRegionTrail, trail.inputs.enableLogFileValidation, trail.inputs.includeGlobalServiceEvents],
            [true, true, true, true]);
        const key = named(registrations, "chat-org-baseline-trail-key");
        assert.equal(key.inputs.enableKeyRotation, true);
        assert.match(trail.inputs.kmsKeyId, /^arn:aws:kms:/);
    });

    it("keeps the logs in a versioned, KMS-encrypted, private bucket that admits only the trail", () => {
        assert.equal(named(registrations, "chat-org-baseline-trail-logs-versioning").inputs.versioningConfiguration.status, "Enabled");
        const sse = named(registrations, "chat-org-baseline-trail-logs-sse").inputs.rules[0];
        assert.equal(sse.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
        const policy = named(registrations, "chat-org-baseline-trail-logs-tls-only").inputs.policy;
        assert.deepEqual(policy.Statement.map((s: { Sid: string }) => s.Sid), ["DenyInsecureTransport", "CloudTrailAclCheck", "CloudTrailWrite"]);
        // The bucket is prefix-named: the provider appends a unique suffix to its bucketPrefix.
        assert.ok(policy.Statement[2].Resource.some((r: string) => /^arn:aws:s3:::chat-org-trail-logs-[0-9]{26}\/AWSLogs\/o-abc123\/\*$/.test(r)), policy.Statement[2].Resource.join(", "));
    });

    it("turns on GuardDuty", () => {
        const [detector] = ofType(registrations, "aws:guardduty/detector:Detector");
        assert.equal(detector.inputs.enable, true);
    });

    it("records every resource type with AWS Config, delivers it and evaluates the managed rules", () => {
        const [recorder] = ofType(registrations, "aws:cfg/recorder:Recorder");
        assert.deepEqual(recorder.inputs.recordingGroup, { allSupported: true, includeGlobalResourceTypes: true });
        assert.equal(ofType(registrations, "aws:cfg/recorderStatus:RecorderStatus")[0].inputs.isEnabled, true);
        const rules = ofType(registrations, "aws:cfg/rule:Rule").map((r) => r.inputs.source.sourceIdentifier).sort();
        assert.deepEqual(rules, Object.keys(CONFIG_RULES).sort());
    });

    it("encrypts new EBS volumes by default and blocks public S3 access account-wide", () => {
        assert.equal(ofType(registrations, "aws:ebs/encryptionByDefault:EncryptionByDefault")[0].inputs.enabled, true);
        const [pab] = ofType(registrations, "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
        assert.deepEqual([pab.inputs.blockPublicAcls, pab.inputs.blockPublicPolicy, pab.inputs.ignorePublicAcls, pab.inputs.restrictPublicBuckets], [true, true, true, true]);
    });
});

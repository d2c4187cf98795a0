// Apply mode's generated values (tools/mocks/computed.ts createdState) and its comparison with
// preview mode (tools/check/report/mode-diff.ts), without running a program: ids in the style AWS
// gives them (a bucket's id is its name, so `bucket: bucket.id` finds it), ARNs with the plan's
// region and account, the same values for the same resource every time, distinct ones for
// distinct resources; and the verdicts apply mode marks as differing from the preview.
import * as assert from "node:assert/strict";
import { parseArgs } from "../../tools/check/args";
import { compareWithPreview, describeDifference } from "../../tools/check/report/mode-diff";
import { decideResult, type Report, type ReportViolation } from "../../tools/check/report/model";
import { createdState } from "../../tools/mocks/computed";

const CTX = { region: "eu-west-1", accountId: "111122223333" };

describe("apply mode: generated ids and computed outputs", () => {
    it("a bucket's id is its name and its ARN names it; side resources' ids are the bucket they configure", () => {
        const bucket = createdState("aws:s3/bucket:Bucket", "site", "urn:a", { bucket: "site-a7b333d" }, CTX);
        assert.equal(bucket.id, "site-a7b333d");
        assert.equal(bucket.outputs.arn, "arn:aws:s3:::site-a7b333d");
        assert.equal(bucket.outputs.bucketRegionalDomainName, "site-a7b333d.s3.eu-west-1.amazonaws.com");
        const policy = createdState("aws:s3/bucketPolicy:BucketPolicy", "site-policy", "urn:b", { bucket: "site-a7b333d" }, CTX);
        assert.equal(policy.id, "site-a7b333d");
    });

    it("a name prefix gets the provider's unique 26-digit suffix, and the id, name and ARN agree (bucketPrefix, namePrefix, identifierPrefix)", () => {
        const bucket = createdState("aws:s3/bucket:Bucket", "uploads", "urn:u", { bucketPrefix: "chat-uploads-" }, CTX);
        assert.match(bucket.id, /^chat-uploads-[0-9]{26}$/);
        assert.equal(bucket.outputs.bucket, bucket.id);
        assert.equal(bucket.outputs.arn, `arn:aws:s3:::${bucket.id}`);
        assert.deepEqual(createdState("aws:s3/bucket:Bucket", "uploads", "urn:u", { bucketPrefix: "chat-uploads-" }, CTX), bucket);
        const role = createdState("aws:iam/role:Role", "app", "urn:r", { namePrefix: "app-" }, CTX);
        assert.match(role.id, /^app-[0-9]{26}$/);
        assert.equal(role.outputs.arn, `arn:aws:iam::111122223333:role/${role.id}`);
        const db = createdState("aws:rds/instance:Instance", "db", "urn:d", { identifierPrefix: "tenant-a-", engine: "postgres" }, CTX);
        assert.match(String(db.outputs.arn), /^arn:aws:rds:eu-west-1:111122223333:db:tenant-a-[0-9]{26}$/);
        assert.match(String(db.outputs.address), /^tenant-a-[0-9]{26}\./);
    });

    it("ARNs carry the plan's region, account and partition; resources whose id is their ARN get that ARN", () => {
        const topic = createdState("aws:sns/topic:Topic", "alerts", "urn:t", { name: "alerts-1" }, CTX);
        assert.equal(topic.id, "arn:aws:sns:eu-west-1:111122223333:alerts-1");
        assert.equal(topic.outputs.arn, topic.id);
        const role = createdState("aws:iam/role:Role", "app", "urn:r", { name: "app-role" }, CTX);
        assert.equal(role.id, "app-role");
        assert.equal(role.outputs.arn, "arn:aws:iam::111122223333:role/app-role");
        const china = createdState("aws:dynamodb/table:Table", "t", "urn:d", { name: "t1" }, { region: "cn-north-1", accountId: CTX.accountId });
        assert.equal(china.outputs.arn, "arn:aws-cn:dynamodb:cn-north-1:111122223333:table/t1");
    });

    it("EC2-style ids have the type's prefix and 17 hex digits, distinct per resource (the URN), equal for the same one", () => {
        const a = createdState("aws:ec2/securityGroup:SecurityGroup", "web", "urn:pulumi:dev::p::aws:ec2/securityGroup:SecurityGroup::web", { name: "web-1" }, CTX);
        const again = createdState("aws:ec2/securityGroup:SecurityGroup", "web", "urn:pulumi:dev::p::aws:ec2/securityGroup:SecurityGroup::web", { name: "web-1" }, CTX);
        const other = createdState("aws:ec2/securityGroup:SecurityGroup", "web", "urn:pulumi:dev::p::x:y:Z$aws:ec2/securityGroup:SecurityGroup::web", { name: "web-1" }, CTX);
        assert.match(a.id, /^sg-0[0-9a-f]{16}$/);
        assert.deepEqual(again, a);
        assert.notEqual(other.id, a.id);
        assert.equal(a.outputs.arn, `arn:aws:ec2:eu-west-1:111122223333:security-group/${a.id}`);
    });

    it("an input that is still unknown never becomes part of an id as the text 'undefined' or the sentinel", () => {
        const record = createdState("aws:route53/record:Record", "www", "urn:w", { name: "www.example.com", type: "A" }, CTX);
        assert.doesNotMatch(record.id, /undefined/);
        const unknownTopic = createdState("aws:sns/topicSubscription:TopicSubscription", "s", "urn:s", { topic: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, CTX);
        assert.doesNotMatch(unknownTopic.id, /04da6b54|undefined/);
    });

    it("every generated value is the same for the same resource across many resources (fixed set, no clock, no randomness)", () => {
        const types = ["aws:kms/key:Key", "aws:cognito/userPool:UserPool", "aws:cloudfront/distribution:Distribution", "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:secretsmanager/secret:Secret", "aws:lb/loadBalancer:LoadBalancer", "random:index/randomPassword:RandomPassword", "aws:unknown/thing:Thing"];
        for (const type of types) {
            for (let i = 0; i < 20; i++) {
                const state = { name: `n${i}`, replicationGroupId: `rg${i}`, length: 24 };
                assert.deepEqual(createdState(type, `r${i}`, `urn:${i}`, state, CTX), createdState(type, `r${i}`, `urn:${i}`, state, CTX), type);
            }
        }
        const password = createdState("random:index/randomPassword:RandomPassword", "pw", "urn:pw", { length: 24 }, CTX);
        assert.equal((password.outputs.result as string).length, 24);
    });
});

function violation(over: Partial<ReportViolation>): ReportViolation {
    return {
        policyPack: "pack", policyPackVersion: "1.0.0", policy: "p", enforcementLevel: "mandatory", urn: "urn:x", type: "t", name: "x",
        message: "m", description: "d", ...over,
    };
}

function report(violations: ReportViolation[], previewNotes: ReportViolation[] = []): Report {
    return {
        violations, previewNotes,
        summary: { mandatory: violations.filter((v) => v.enforcementLevel === "mandatory").length, uninspected: 0 },
    } as unknown as Report;
}

describe("apply mode against preview mode: which verdicts differ", () => {
    const note = (urn: string, policy = "p") => violation({ urn, policy, enforcementLevel: "advisory", message: "x is not known during preview" });

    it("a verdict the preview gave too is the same; one the preview only noted or missed differs", () => {
        const apply = report([violation({ urn: "urn:same" }), violation({ urn: "urn:noted", message: "arn:aws:s3:::b is public" }), violation({ urn: "urn:new" })]);
        const preview = report([violation({ urn: "urn:same", message: "other words" })], [note("urn:noted")]);
        compareWithPreview(apply, preview);
        assert.deepEqual(apply.violations.map((v) => v.preview), ["same", "not known during preview", "nothing"]);
        assert.equal(apply.previewComparison!.differing, 2);
        assert.equal(apply.previewComparison!.wouldFailDuringUp, 2);
        assert.equal(apply.previewComparison!.notesJudged, 1);
    });

    it("a stack-wide note of the preview (no URN, as @pulumi/policy reports a stack policy it cannot run) stands for its resources", () => {
        const apply = report([violation({ urn: "urn:a" })]);
        compareWithPreview(apply, report([], [note("")]));
        assert.equal(apply.violations[0].preview, "not known during preview");
    });

    it("the same policy at another enforcement level is a different verdict", () => {
        const apply = report([violation({ enforcementLevel: "mandatory" })]);
        compareWithPreview(apply, report([violation({ enforcementLevel: "advisory" })]));
        assert.equal(apply.violations[0].preview, "nothing");
        assert.equal(apply.previewComparison!.previewOnly.length, 1);
    });

    it("a mandatory violation only the preview reports fails the run (pulumi up previews first); an advisory one does not", () => {
        const mandatory = report([]);
        compareWithPreview(mandatory, report([violation({})]));
        assert.equal(decideResult(mandatory), "failed");
        const advisory = report([]);
        compareWithPreview(advisory, report([violation({ enforcementLevel: "advisory" })]));
        assert.equal(decideResult(advisory), "passed");
    });

    it("says when a mandatory verdict would stop pulumi up: before the resource (resource policy) or with the whole stack created (stack policy)", () => {
        assert.match(describeDifference(violation({ preview: "not known during preview" }))!, /^would fail during `pulumi up`: the preview said "not known during preview"; the update would stop before creating this resource/);
        assert.match(describeDifference(violation({ preview: "nothing", stackPolicy: true }))!, /^would fail during `pulumi up`: the preview reported nothing; a stack policy runs once every resource is created/);
        assert.match(describeDifference(violation({ preview: "nothing", enforcementLevel: "advisory" }))!, /^reported only during `pulumi up`/);
        assert.equal(describeDifference(violation({ preview: "same" })), undefined);
        assert.equal(describeDifference(violation({})), undefined, "preview mode: no comparison");
    });
});

describe("apply mode: --mode", () => {
    it("defaults to preview and takes apply", () => {
        assert.equal(parseArgs([]).mode, "preview");
        assert.equal(parseArgs(["--mode", "apply"]).mode, "apply");
        assert.equal(parseArgs(["--mode=preview"]).mode, "preview");
    });

    it("an unknown value is one line naming the flag, the value and what is allowed; control characters are escaped", () => {
        assert.throws(() => parseArgs(["--mode", "deploy"]), (err: Error) => {
            assert.equal(err.message, "--mode \"deploy\" is not a mode: use preview (the default: computed values unknown, as in pulumi preview) or apply (computed values generated, as during pulumi up)");
            return true;
        });
        for (const hostile of ["a\nb", "a\u2028b", "\u001b[31mred", "x\u007f", ""]) {
            assert.throws(() => parseArgs(["--mode", hostile]), (err: Error) => !/[\n\u2028\u2029\u001b\u007f]/.test(err.message) && err.message.startsWith("--mode \""));
        }
    });
});

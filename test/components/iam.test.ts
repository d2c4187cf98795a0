import * as assert from "node:assert/strict";
import { actionsOf, appendString, hostPolicy, serviceTrustPolicy } from "../../components/blocks/iam/documents";

const access = {
    readWriteBucketArns: ["arn:aws:s3:::chat-dev-uploads-1"],
    readOnlyBucketArns: ["arn:aws:s3:::chat-dev-static-1"],
    backupBucketArns: ["arn:aws:s3:::chat-dev-backups-1"],
    logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/chat/dev/containers",
    parameterPathArn: "arn:aws:ssm:us-east-1:123456789012:parameter/chat/dev",
};

describe("IAM: host policy", () => {
    const doc = hostPolicy(access, appendString);
    const resources = doc.Statement.flatMap((s) => s.Resource);

    it("names every action: no `*` action, no service wildcard", () => {
        assert.ok(actionsOf(doc).length > 0);
        for (const action of actionsOf(doc)) assert.doesNotMatch(action, /\*/, action);
    });

    it("scopes every resource to this stack's buckets, log group and parameter path", () => {
        assert.ok(!resources.includes("*"));
        const allowedPrefixes = [...access.readWriteBucketArns, ...access.readOnlyBucketArns, ...access.backupBucketArns, "arn:aws:logs:us-east-1:123456789012:log-group:/chat/dev/containers", access.parameterPathArn];
        for (const resource of resources) {
            assert.ok(allowedPrefixes.some((p) => resource.startsWith(p)), `${resource} is scoped to the stack`);
        }
    });

    it("never lets the host delete backups", () => {
        const backupStatements = doc.Statement.filter((s) => s.Resource.some((r) => r.includes("backups")));
        assert.ok(backupStatements.length > 0);
        for (const s of backupStatements) assert.ok(!s.Action.some((a) => a.startsWith("s3:Delete")), s.Sid);
    });

    it("lets the app read, write and delete objects of its uploads bucket", () => {
        const objects = doc.Statement.find((s) => s.Sid === "ReadWriteAppObjects")!;
        assert.deepEqual(objects.Action, ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]);
        assert.deepEqual(objects.Resource, ["arn:aws:s3:::chat-dev-uploads-1/*"]);
    });

    it("only lists and reads the static bucket (the SPA it serves): no statement writes or deletes there", () => {
        const onStatic = doc.Statement.filter((s) => s.Resource.some((r) => r.startsWith("arn:aws:s3:::chat-dev-static-1")));
        assert.deepEqual(onStatic.flatMap((s) => s.Action).sort(), ["s3:GetObject", "s3:ListBucket"]);
        assert.deepEqual(onStatic.flatMap((s) => s.Resource).sort(), ["arn:aws:s3:::chat-dev-static-1", "arn:aws:s3:::chat-dev-static-1/*"]);
        assert.ok(onStatic.every((s) => s.Resource.every((r) => r.startsWith("arn:aws:s3:::chat-dev-static-1"))), "the read grant names the static bucket only");
    });

    it("grants nothing on a read-only bucket when none is given", () => {
        const { readOnlyBucketArns: _unused, ...withoutStatic } = access;
        const sids = hostPolicy(withoutStatic, appendString).Statement.map((s) => s.Sid);
        assert.ok(!sids.includes("ListReadOnlyBuckets") && !sids.includes("ReadOnlyObjects"));
    });

    it("writes logs only to its own group and its streams", () => {
        const logs = doc.Statement.find((s) => s.Sid === "ShipContainerLogs")!;
        assert.deepEqual(logs.Resource, [
            "arn:aws:logs:us-east-1:123456789012:log-group:/chat/dev/containers",
            "arn:aws:logs:us-east-1:123456789012:log-group:/chat/dev/containers:log-stream:*",
        ]);
    });

    it("reads parameters only under /<app>/<env>", () => {
        const params = doc.Statement.find((s) => s.Sid === "ReadAppParameters")!;
        assert.deepEqual(params.Resource, [access.parameterPathArn, `${access.parameterPathArn}/*`]);
    });

    it("keeps Effect, Action and Principal known when the ARNs are not (preview)", () => {
        const unknown = Symbol("unknown ARN");
        const previewDoc = hostPolicy<string | symbol>({
            readWriteBucketArns: [unknown], readOnlyBucketArns: [unknown], backupBucketArns: [unknown], logGroupArn: unknown, parameterPathArn: unknown,
        }, (arn) => arn);
        assert.deepEqual(actionsOf(previewDoc), actionsOf(doc));
        assert.ok(previewDoc.Statement.every((s) => s.Effect === "Allow"));
    });

    it("allows everything it allows with Effect Allow and no NotAction", () => {
        for (const s of doc.Statement) {
            assert.equal(s.Effect, "Allow");
            assert.ok(!("NotAction" in s));
        }
    });
});

describe("IAM: trust policy", () => {
    it("only the named service may assume the role", () => {
        const doc = JSON.parse(serviceTrustPolicy("ec2.amazonaws.com"));
        assert.deepEqual(doc.Statement, [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]);
    });
});

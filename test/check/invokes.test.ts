import * as assert from "node:assert/strict";
import { answerInvoke, UnmockedInvokeError } from "../../tools/mocks/invokes";

describe("mocked invokes", () => {
    it("answers getRegion with the configured region", () => {
        const r = answerInvoke("aws:index/getRegion:getRegion", {}, { region: "eu-west-1" });
        assert.equal(r.region, "eu-west-1");
        assert.equal(r.name, "eu-west-1");
        assert.equal(r.description, "Europe (Ireland)");
        assert.equal(r.endpoint, "ec2.eu-west-1.amazonaws.com");
    });

    it("answers getCallerIdentity with the account id", () => {
        const r = answerInvoke("aws:index/getCallerIdentity:getCallerIdentity", {}, { accountId: "111122223333" });
        assert.equal(r.accountId, "111122223333");
        assert.equal(r.arn, "arn:aws:iam::111122223333:user/offline-check");
        assert.match(r.userId as string, /^AIDA[A-Z0-9]{17}$/);
    });

    it("answers getPartition by region", () => {
        assert.equal(answerInvoke("aws:index/getPartition:getPartition", {}).partition, "aws");
        const cn = answerInvoke("aws:index/getPartition:getPartition", {}, { region: "cn-north-1" });
        assert.equal(cn.partition, "aws-cn");
        assert.equal(cn.dnsSuffix, "amazonaws.com.cn");
    });

    it("answers getAvailabilityZones with the region's zones and ids, honouring exclusions", () => {
        const all = answerInvoke("aws:index/getAvailabilityZones:getAvailabilityZones", { state: "available" });
        assert.deepEqual(all.names, ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"]);
        assert.equal((all.zoneIds as string[])[0], "use1-az1");
        const some = answerInvoke(
            "aws:index/getAvailabilityZones:getAvailabilityZones",
            { excludeNames: ["eu-central-1b"] },
            { region: "eu-central-1" },
        );
        assert.deepEqual(some.names, ["eu-central-1a", "eu-central-1c"]);
        assert.deepEqual(some.zoneIds, ["euc1-az1", "euc1-az3"]);
    });

    describe("getAmi", () => {
        it("finds Amazon Linux 2023 for x86_64 from the Amazon owner and name pattern", () => {
            const r = answerInvoke("aws:ec2/getAmi:getAmi", {
                mostRecent: true,
                owners: ["amazon"],
                filters: [
                    { name: "name", values: ["al2023-ami-2023.*-x86_64"] },
                    { name: "architecture", values: ["x86_64"] },
                ],
            });
            assert.match(r.id as string, /^ami-0[0-9a-f]{16}$/);
            assert.equal(r.imageId, r.id);
            assert.match(r.name as string, /^al2023-ami-2023\..*-x86_64$/);
            assert.equal(r.architecture, "x86_64");
            assert.equal(r.ownerId, "137112412989");
            assert.equal(r.imdsSupport, "v2.0");
        });

        it("finds Ubuntu 22.04 arm64 from Canonical's owner id and pattern", () => {
            const r = answerInvoke("aws:ec2/getAmi:getAmi", {
                owners: ["099720109477"],
                filters: [{ name: "name", values: ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-*"] }],
            });
            assert.match(r.name as string, /^ubuntu\/images\/hvm-ssd\/ubuntu-jammy-22\.04-arm64-server-\d{8}$/);
            assert.equal(r.architecture, "arm64");
            assert.equal(r.ownerId, "099720109477");
            assert.equal(r.rootDeviceName, "/dev/sda1");
        });

        it("gives different ids to different images and the same id to the same query", () => {
            const q = { owners: ["amazon"], filters: [{ name: "name", values: ["al2023-ami-*-arm64"] }] };
            const a = answerInvoke("aws:ec2/getAmi:getAmi", q);
            const b = answerInvoke("aws:ec2/getAmi:getAmi", q);
            const x86 = answerInvoke("aws:ec2/getAmi:getAmi", { owners: ["amazon"], filters: [{ name: "name", values: ["al2023-ami-*-x86_64"] }] });
            assert.equal(a.id, b.id);
            assert.notEqual(a.id, x86.id);
            assert.equal(a.architecture, "arm64");
        });
    });

    describe("getPolicyDocument renders the provider's JSON", () => {
        const render = (inputs: Record<string, unknown>) =>
            answerInvoke("aws:iam/getPolicyDocument:getPolicyDocument", inputs);

        it("collapses single elements and defaults Effect and Version", () => {
            const r = render({ statements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }] });
            assert.equal(
                r.json,
                '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"\n    }\n  ]\n}',
            );
            assert.equal(r.minifiedJson, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}');
            assert.match(r.id as string, /^\d+$/);
        });

        it("orders fields like the provider, reverse-sorts sets and keeps condition order", () => {
            const r = render({
                statements: [
                    {
                        sid: "AssumeFromEc2",
                        effect: "Allow",
                        actions: ["sts:AssumeRole", "sts:TagSession", "sts:AssumeRole"],
                        principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com", "ssm.amazonaws.com"] }],
                        conditions: [
                            { test: "StringEquals", variable: "aws:SourceAccount", values: ["123456789012"] },
                            { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:b", "arn:a"] },
                        ],
                    },
                ],
            });
            const doc = JSON.parse(r.json as string);
            const st = doc.Statement[0];
            assert.deepEqual(Object.keys(st), ["Sid", "Effect", "Action", "Principal", "Condition"]);
            assert.deepEqual(st.Action, ["sts:TagSession", "sts:AssumeRole"]);
            assert.deepEqual(st.Principal, { Service: ["ssm.amazonaws.com", "ec2.amazonaws.com"] });
            assert.deepEqual(Object.keys(st.Condition), ["ArnLike", "StringEquals"]);
            assert.deepEqual(st.Condition.ArnLike["aws:SourceArn"], ["arn:b", "arn:a"]);
            assert.equal(st.Condition.StringEquals["aws:SourceAccount"], "123456789012");
        });

        it("renders a wildcard principal as \"*\" and &{var} as ${var}", () => {
            const r = render({
                statements: [
                    {
                        effect: "Deny",
                        notActions: ["iam:*"],
                        resources: ["arn:aws:s3:::b/&{aws:username}/*"],
                        principals: [{ type: "*", identifiers: ["*"] }],
                    },
                ],
            });
            const st = JSON.parse(r.json as string).Statement[0];
            assert.equal(st.Principal, "*");
            assert.equal(st.NotAction, "iam:*");
            assert.equal(st.Resource, "arn:aws:s3:::b/${aws:username}/*");
        });

        it("escapes HTML characters as Go's encoder does", () => {
            const r = render({ statements: [{ actions: ["s3:*"], resources: ["a<b>&c"] }] });
            assert.ok((r.json as string).includes("a\\u003cb\\u003e\\u0026c"));
        });

        it("merges source and override documents by Sid", () => {
            const source = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
            const override = JSON.stringify({ Statement: [{ Sid: "Read", Effect: "Deny", Action: "s3:GetObject", Resource: "*" }] });
            const r = render({
                sourcePolicyDocuments: [source],
                overridePolicyDocuments: [override],
                statements: [{ sid: "List", actions: ["s3:ListBucket"], resources: ["*"] }],
            });
            const doc = JSON.parse(r.json as string);
            assert.deepEqual(doc.Statement.map((s: { Sid: string }) => s.Sid), ["Read", "List"]);
            assert.equal(doc.Statement[0].Effect, "Deny");
        });

        it("rejects a duplicate Sid as the provider does", () => {
            assert.throws(
                () => render({ statements: [{ sid: "A", actions: ["s3:*"] }, { sid: "A", actions: ["s3:*"] }] }),
                /duplicate Sid \(A\)/,
            );
        });
    });

    it("answers getZone with a hosted zone for the name", () => {
        const r = answerInvoke("aws:route53/getZone:getZone", { name: "example.org.", privateZone: false });
        assert.equal(r.name, "example.org");
        assert.match(r.zoneId as string, /^Z[A-Z0-9]{20}$/);
        assert.equal((r.nameServers as string[]).length, 4);
        assert.equal(r.arn, `arn:aws:route53:::hostedzone/${r.zoneId}`);
    });

    it("throws UnmockedInvokeError naming the token for anything else", () => {
        assert.throws(
            () => answerInvoke("aws:rds/getEngineVersion:getEngineVersion", {}),
            (err: unknown) => err instanceof UnmockedInvokeError && err.token === "aws:rds/getEngineVersion:getEngineVersion" && /aws:rds\/getEngineVersion/.test(err.message),
        );
    });
});

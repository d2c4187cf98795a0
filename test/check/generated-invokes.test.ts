// Answers for every @pulumi/aws data source, generated from the SDK's own declarations of each
// `Get…Result` (tools/mocks/invoke-schema.ts, generated-invokes.ts), refined by hand for the common
// lookups (tuned-invokes.ts); and the user's --invoke-fixtures file, read and matched.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { matchFixture, readInvokeFixtures } from "../../tools/check/engine/invoke-fixtures";
import { CheckError } from "../../tools/check/errors";
import { invokeSchema, type ObjectShape, type Shape } from "../../tools/mocks/invoke-schema";
import { answerInvoke, answerInvokeWithSource, UnmockedInvokeError, type InvokeContext } from "../../tools/mocks/invokes";
import { remoteComponentOutputs } from "../../tools/mocks/remote-components";

const AWS_DIR = path.dirname(require.resolve("@pulumi/aws/package.json"));
const CTX: InvokeContext = { region: "eu-west-1", accountId: "111122223333", generate: { packageDir: (pkg) => (pkg === "aws" ? AWS_DIR : undefined) } };
const ask = (token: string, args: Record<string, unknown> = {}) => answerInvokeWithSource(token, args, CTX);

/** Every field the declaration says is always there is in the answer, with a value of its type. */
function assertShape(value: unknown, shape: Shape, where: string): void {
    switch (shape.kind) {
        case "string":
            assert.equal(typeof value, "string", where);
            break;
        case "number":
            assert.equal(typeof value, "number", where);
            break;
        case "boolean":
            assert.equal(typeof value, "boolean", where);
            break;
        case "array":
            assert.ok(Array.isArray(value), where);
            (value as unknown[]).forEach((v, i) => assertShape(v, shape.items, `${where}[${i}]`));
            break;
        case "map":
            assert.equal(typeof value, "object", where);
            break;
        case "object":
            assertObject(value, shape, where);
            break;
        default:
            break;
    }
}

function assertObject(value: unknown, shape: ObjectShape, where: string): void {
    assert.ok(value !== null && typeof value === "object" && !Array.isArray(value), where);
    for (const [field, { shape: s, optional }] of Object.entries(shape.fields)) {
        const v = (value as Record<string, unknown>)[field];
        if (v === undefined) {
            assert.ok(optional, `${where}.${field} is missing`);
            continue;
        }
        assertShape(v, s, `${where}.${field}`);
    }
}

function tokensOfPackage(dir: string): string[] {
    const tokens = new Set<string>();
    const files = fs.readdirSync(dir).flatMap((entry) => {
        const full = path.join(dir, entry);
        return fs.statSync(full).isDirectory() ? fs.readdirSync(full).map((f) => path.join(full, f)) : [full];
    });
    for (const file of files.filter((f) => /[/\\]get[A-Za-z0-9]*\.js$/.test(f))) {
        for (const m of fs.readFileSync(file, "utf8").matchAll(/invoke(?:Output|SingleOutput|Single)?\("(aws:[^"]+)"/g)) tokens.add(m[1]);
    }
    return [...tokens].sort();
}

describe("generated answers for @pulumi/aws data sources", function () {
    this.timeout(60_000);

    it("answers organizations.getOrganization with the caller's account as the management account", () => {
        const { answer: org, source } = ask("aws:organizations/getOrganization:getOrganization");
        assert.equal(source, "generated, hand-tuned");
        assertObject(org, invokeSchema("aws:organizations/getOrganization:getOrganization", AWS_DIR).result, "org");
        assert.match(org.id as string, /^o-[a-z0-9]{10}$/);
        assert.equal(org.arn, `arn:aws:organizations::111122223333:organization/${org.id}`);
        assert.equal(org.masterAccountId, "111122223333");
        assert.equal(org.featureSet, "ALL");
        const roots = org.roots as Array<Record<string, unknown>>;
        assert.match(roots[0].id as string, /^r-[a-z0-9]{4}$/);
    });

    it("answers kms.getAlias with the alias's ARN and its key in the plan's region and account", () => {
        const { answer: alias } = ask("aws:kms/getAlias:getAlias", { name: "alias/aws/s3" });
        assert.equal(alias.arn, "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3");
        assert.equal(alias.name, "alias/aws/s3");
        assert.match(alias.targetKeyId as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.equal(alias.targetKeyArn, `arn:aws:kms:eu-west-1:111122223333:key/${alias.targetKeyId}`);
    });

    it("answers s3.getBucket for the bucket asked, with its domain names and the region's hosted zone", () => {
        const { answer: b } = ask("aws:s3/getBucket:getBucket", { bucket: "central-logs" });
        assert.equal(b.id, "central-logs");
        assert.equal(b.arn, "arn:aws:s3:::central-logs");
        assert.equal(b.bucketRegionalDomainName, "central-logs.s3.eu-west-1.amazonaws.com");
        assert.equal(b.hostedZoneId, "Z1BKCTXD74EZPE");
    });

    it("answers ec2.getVpc({ default: true }) with the default VPC awsx's DefaultVpc knows, and its subnets", () => {
        const { answer: vpc } = ask("aws:ec2/getVpc:getVpc", { default: true });
        const awsxDefault = remoteComponentOutputs("awsx:ec2:DefaultVpc", "default", {}, { preview: true, region: "eu-west-1", accountId: "111122223333" })!;
        assert.equal(vpc.id, awsxDefault.vpcId);
        assert.match(vpc.id as string, /^vpc-0[0-9a-f]{16}$/);
        assert.equal(vpc.cidrBlock, "172.31.0.0/16");
        assert.equal(vpc.arn, `arn:aws:ec2:eu-west-1:111122223333:vpc/${vpc.id}`);
        assert.equal(vpc.default, true);
        const { answer: subnets } = ask("aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: [vpc.id] }] });
        assert.deepEqual(subnets.ids, awsxDefault.publicSubnetIds);
    });

    it("generates a complete answer for a lookup nobody tuned, echoing the arguments", () => {
        const { answer: fn, source } = ask("aws:lambda/getFunction:getFunction", { functionName: "worker" });
        assert.equal(source, "generated");
        assertObject(fn, invokeSchema("aws:lambda/getFunction:getFunction", AWS_DIR).result, "function");
        assert.equal(fn.functionName, "worker");
        assert.equal(fn.arn, "arn:aws:lambda:eu-west-1:111122223333:function:worker");
        const { answer: instance } = ask("aws:ec2/getInstance:getInstance", { instanceId: "i-0123456789abcdef0" });
        assert.equal(instance.id, "i-0123456789abcdef0");
        assert.equal(instance.arn, "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0");
        assert.match(instance.ami as string, /^ami-0[0-9a-f]{16}$/);
        assert.equal(instance.availabilityZone, "eu-west-1a");
    });

    it("takes values from filters (vpc-id, tag:Name) and from hand-tuned engine defaults", () => {
        const { answer: sg } = ask("aws:ec2/getSecurityGroup:getSecurityGroup", { filters: [{ name: "vpc-id", values: ["vpc-0aaa"] }, { name: "group-name", values: ["web"] }] });
        assert.equal(sg.vpcId, "vpc-0aaa");
        assert.equal(sg.name, "web");
        assert.match(sg.id as string, /^sg-0[0-9a-f]{16}$/);
        const { answer: rt } = ask("aws:ec2/getRouteTable:getRouteTable", { filters: [{ name: "tag:Name", values: ["private"] }] });
        assert.deepEqual(rt.tags, { Name: "private" });
        const { answer: pg } = ask("aws:rds/getEngineVersion:getEngineVersion", { engine: "postgres" });
        assert.equal(pg.version, "16.4");
        assert.equal(pg.parameterGroupFamily, "postgres16");
    });

    it("gives the same answer to the same lookup, a different one to different arguments", () => {
        assert.deepEqual(ask("aws:ec2/getInstance:getInstance", { tags: { Name: "a" } }).answer, ask("aws:ec2/getInstance:getInstance", { tags: { Name: "a" } }).answer);
        assert.notEqual(ask("aws:ec2/getInstance:getInstance", { tags: { Name: "a" } }).answer.id, ask("aws:ec2/getInstance:getInstance", { tags: { Name: "b" } }).answer.id);
    });

    it("keeps the hand-written answers first (getRegion, getAmi, ...)", () => {
        assert.equal(ask("aws:index/getRegion:getRegion").source, "hand-written");
        assert.equal(ask("aws:index/getRegion:getRegion").answer.description, "Europe (Ireland)");
    });

    it("answers every function @pulumi/aws declares with the shape it declares", () => {
        const tokens = tokensOfPackage(AWS_DIR);
        assert.ok(tokens.length > 500, `${tokens.length} tokens`);
        for (const token of tokens) {
            const schema = invokeSchema(token, AWS_DIR);
            assertObject(answerInvoke(token, {}, CTX), schema.result, token);
        }
    });

    it("fails, naming the token and the way out, for a function it cannot answer", () => {
        assert.throws(() => ask("aws:ec2/getNothing:getNothing"), (err: unknown) => err instanceof UnmockedInvokeError && /declares no function aws:ec2\/getNothing:getNothing.*--invoke-fixtures FILE/.test(err.message));
        assert.throws(() => ask("gcp:compute/getNetwork:getNetwork"), /offline answers are generated only for @pulumi\/aws functions; give this one with --invoke-fixtures FILE/);
        // Unit-test mocks do not generate: a test names every lookup it uses.
        assert.throws(() => answerInvoke("aws:lambda/getFunction:getFunction", {}), UnmockedInvokeError);
    });

    it("caches the shapes it reads, per package version", () => {
        const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "invoke-shapes-"));
        try {
            const first = invokeSchema("aws:kms/getAlias:getAlias", AWS_DIR, cacheDir);
            const files = fs.readdirSync(path.join(cacheDir, "invoke-shapes"));
            const version = (JSON.parse(fs.readFileSync(path.join(AWS_DIR, "package.json"), "utf8")) as { version: string }).version;
            assert.deepEqual(files, [`_pulumi_aws-${version}`]);
            assert.deepEqual(invokeSchema("aws:kms/getAlias:getAlias", AWS_DIR, cacheDir), first);
        } finally {
            fs.rmSync(cacheDir, { recursive: true, force: true });
        }
    });
});

describe("--invoke-fixtures files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "invoke-fixtures-"));
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    };
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads YAML and JSON, one answer or a list, and matches by arguments (first match wins)", () => {
        const fixtures = readInvokeFixtures(write("f.yaml", [
            "aws:ec2/getVpc:getVpc:",
            "  - args: { default: true }",
            "    result: { id: vpc-0a }",
            "  - result: { id: vpc-0b }",
            "acme:index/getThing:getThing:",
            "  result: { size: 3 }",
        ].join("\n")));
        assert.equal(matchFixture(fixtures, "aws:ec2/getVpc:getVpc", { default: true, tags: {} })?.result.id, "vpc-0a");
        assert.equal(matchFixture(fixtures, "aws:ec2/getVpc:getVpc", { id: "x" })?.result.id, "vpc-0b");
        assert.equal(matchFixture(fixtures, "acme:index/getThing:getThing", { any: 1 })?.label, "acme:index/getThing:getThing");
        const json = readInvokeFixtures(write("f.json", JSON.stringify({ "aws:ec2/getSubnets:getSubnets": { args: { filters: [{ name: "vpc-id", values: ["vpc-0a"] }] }, result: { ids: ["subnet-1"] } } })));
        assert.equal(matchFixture(json, "aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: ["vpc-0a"] }] })?.result.ids?.toString(), "subnet-1");
        assert.equal(matchFixture(json, "aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: ["vpc-0b"] }] }), undefined);
    });

    const bad: Array<[string, string, string, RegExp]> = [
        ["a missing file", "", "nowhere.yaml", /nowhere\.yaml: does not exist/],
        ["invalid JSON", "{ nope", "bad.json", /bad\.json: is not valid JSON/],
        ["invalid YAML", "a: [1,\n", "bad.yaml", /bad\.yaml: is not valid YAML/],
        ["a list at the top", "- a\n", "list.yaml", /must be an object keyed by function token/],
        ["a key that is not a token", "getVpc:\n  result: {}\n", "token.yaml", /'getVpc' is not a function token/],
        ["an entry without result", "aws:ec2/getVpc:getVpc:\n  args: {}\n", "noresult.yaml", /aws:ec2\/getVpc:getVpc\.result must be an object/],
        ["args that are not an object", "aws:ec2/getVpc:getVpc:\n  - result: {}\n  - args: [1]\n    result: {}\n", "args.yaml", /aws:ec2\/getVpc:getVpc\[1\]\.args must be an object/],
        ["an unknown key", "aws:ec2/getVpc:getVpc:\n  result: {}\n  answer: {}\n", "key.yaml", /has 'answer': an entry takes only args and result/],
    ];
    for (const [what, text, name, pattern] of bad) {
        it(`rejects ${what}, naming the file`, () => {
            const file = text === "" ? path.join(dir, name) : write(name, text);
            assert.throws(() => readInvokeFixtures(file), (err: unknown) => err instanceof CheckError && err.file === file && err.message.startsWith(`--invoke-fixtures ${file}: `) && pattern.test(err.message));
        });
    }
});

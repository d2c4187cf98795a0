// The offline check on programs written the way public Pulumi programs (pulumi/examples,
// pulumi/templates) are: ES modules, plain JavaScript with an async entry, assets, data sources
// beyond the hand-tuned ones, awsx components. Each fixture under test/fixtures/real is a small
// program of our own in that style. Runs start two at a time in before().
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES, JS_PACK, programArgs, runBatched, STACK_TRACE, type CliRun } from "./run-cli";

const REAL = path.join(FIXTURES, "real");
const program = (name: string, stack: string, ...more: string[]) => programArgs(REAL, name, stack, ...more);
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("offline check on programs in the style of public Pulumi programs", function () {
    this.timeout(300_000);
    let runs: Record<string, CliRun> = {};

    before(async () => {
        runs = await runBatched({
            esmTs: { args: program("esm-ts", "dev", "--no-policy") },
            esmFails: { args: program("esm-ts", "fail", "--no-policy") },
            esmJs: { args: program("esm-js", "dev", "--no-policy") },
            jsAsync: { args: program("js-async", "dev", "--no-policy") },
            exportAssign: { args: program("ts-export-assign", "dev", "--no-policy") },
            assets: { args: program("assets", "dev", "--no-policy") },
            missingArchive: { args: program("assets", "missing", "--no-policy") },
            missingFile: { args: program("assets", "missing-file", "--no-policy") },
            awsxService: { args: program("awsx-service", "dev", "--policy-pack", JS_PACK) },
            awsxVpcOnly: { args: program("awsx-service", "vpc-only", "--policy-pack", JS_PACK) },
            awsxNoPolicy: { args: program("awsx-service", "dev", "--no-policy") },
            dataSources: { args: program("data-sources", "dev", "--no-policy") },
            partnerWithout: { args: program("data-sources", "partner", "--no-policy") },
            partnerFixtures: { args: program("data-sources", "partner", "--no-policy", "--invoke-fixtures", path.join(REAL, "data-sources", "fixtures.yaml")) },
            badFixtures: { args: program("data-sources", "dev", "--no-policy", "--invoke-fixtures", path.join(REAL, "data-sources", "fixtures-bad.json")) },
        });
    });

    describe("every kind of program a real preview runs", () => {
        it("runs a TypeScript ES module (\"type\": \"module\"): ESM imports, a local .js import, top-level await, named exports", () => {
            const run = runs.esmTs;
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(run.report!.outputs, { bucket: "site-dev", firstZone: "us-east-1a" });
            assert.ok(run.report!.resources.some((r) => r.type === "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"));
        });

        it("names the TypeScript line of an ES module that throws (Node maps the frames ts-node compiled)", () => {
            const run = runs.esmFails;
            assert.equal(run.code, 2, run.stdout);
            assert.match(run.stderr, /^error: the program in .*esm-ts failed \(at index\.ts:18\): asked to fail \(stack fail\)\n$/);
        });

        it("runs a JavaScript ES module whose default export is an async function", () => {
            const run = runs.esmJs;
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(run.report!.outputs, { account: "123456789012", queueName: "jobs-6ebf03d" });
        });

        it("runs CommonJS JavaScript whose module.exports is an async function (main names the file)", () => {
            const run = runs.jsAsync;
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(run.report!.outputs, { region: "us-east-1", topicName: "alerts-a45927a" });
        });

        it("runs TypeScript with `export = async () => ...` from the folder main names", () => {
            const run = runs.exportAssign;
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(run.report!.outputs, { tableName: "sessions-8945709" });
        });
    });

    describe("assets and archives, hashed as the engine hashes them", () => {
        const props = (name: string) => runs.assets.report!.resources.find((r) => r.name === name)!.props;
        const dir = path.join(REAL, "assets");

        it("hashes a file asset and an archive file by their bytes", () => {
            assert.equal(runs.assets.code, 0, runs.assets.stderr);
            assert.equal(props("index.html").source, `asset:www/index.html (sha256:${sha256(path.join(dir, "www", "index.html"))})`);
            assert.equal(props("from-zip").code, `archive:./handler.zip (sha256:${sha256(path.join(dir, "handler.zip"))})`);
        });

        it("hashes a folder and an asset map by the tar stream Go's archive/tar writes for them", () => {
            // Cross-checked when the fixture was written with Python's tarfile, whose USTAR headers
            // match Go's once Go's octal device numbers are filled in (tools/check/engine/assets.ts).
            assert.equal(props("from-folder").code, "archive:./app (sha256:c9e573054f75b398d8f75abce5e524584c8931d8b4a30f5e13d2c5779598ec4b)");
            assert.equal(props("shared").code, "archive:<assets> (sha256:1bffd985902598597c2685e5a26fe370b0775cbce695dab1dc255a04bb9ff7fe)");
        });

        it("fails (exit 2) on an archive path that does not exist, naming the resource, the property and the path", () => {
            const run = runs.missingArchive;
            assert.equal(run.code, 2, run.stdout);
            const missing = path.join(dir, "build");
            assert.equal(
                run.stderr,
                `error: the program in ${dir} failed: failed to register new resource from-folder [aws:lambda/function:Function]: failed to compute archive hash for "code": couldn't read archive path '${missing}': stat ${missing}: no such file or directory\n`,
            );
            assert.match(run.errorReport!.error.message, /couldn't read archive path/);
        });

        it("fails (exit 2) on a file asset that does not exist, as the engine words it", () => {
            const run = runs.missingFile;
            assert.equal(run.code, 2, run.stdout);
            const missing = path.join(dir, "www", "missing.html");
            assert.match(run.stderr, new RegExp(`failed to compute asset hash for "source": failed to open asset file '${missing}': open ${missing}: no such file or directory`));
            assert.doesNotMatch(run.stderr, STACK_TRACE);
        });
    });

    describe("data sources (invokes)", () => {
        it("answers lookups beyond the hand-written ones (organization, KMS alias, bucket, default VPC and subnets, engine version)", () => {
            const run = runs.dataSources;
            assert.equal(run.code, 0, run.stderr);
            const out = run.report!.outputs as Record<string, unknown>;
            assert.match(out.organizationId as string, /^o-[a-z0-9]{10}$/);
            assert.equal(out.masterAccountId, "123456789012");
            assert.match(out.keyArn as string, /^arn:aws:kms:eu-west-1:123456789012:key\/[0-9a-f-]{36}$/);
            assert.equal(out.logsArn, "arn:aws:s3:::central-logs");
            assert.match(out.vpcId as string, /^vpc-0[0-9a-f]{16}$/);
            assert.equal(out.vpcCidr, "172.31.0.0/16");
            assert.equal((out.subnetIds as string[]).length, 3);
            assert.equal(out.engineVersion, "16.4");
        });

        it("says which answers were generated (realistic, not the account's) and how to give real ones", () => {
            const report = runs.dataSources.report!;
            for (const token of ["aws:organizations/getOrganization:getOrganization", "aws:kms/getAlias:getAlias", "aws:s3/getBucket:getBucket", "aws:ec2/getVpc:getVpc"]) {
                assert.deepEqual(report.invokeAnswers[token], ["generated, hand-tuned"], token);
                assert.ok(report.notes.some((n) => n.startsWith(`invoke ${token}: answered with values generated`) && /--invoke-fixtures FILE/.test(n)), token);
            }
        });

        it("fails an invoke nothing can answer, naming the token and the arguments, with the error in the JSON report", () => {
            const run = runs.partnerWithout;
            assert.equal(run.code, 2, run.stdout);
            assert.match(run.stderr, /^error: .*invoke partnercloud:network\/getPeering:getPeering\(\{"region":"eu-west-1"\}\) has no offline answer: offline answers are generated only for @pulumi\/aws functions; give this one with --invoke-fixtures FILE\n$/);
            assert.match(run.errorReport!.error.message, /invoke partnercloud:network\/getPeering:getPeering/);
        });

        it("takes the user's answers from --invoke-fixtures, over its own, matched by arguments", () => {
            const run = runs.partnerFixtures;
            assert.equal(run.code, 0, run.stderr);
            const out = run.report!.outputs as Record<string, unknown>;
            assert.equal(out.vpcId, "vpc-0a1b2c3d4e5f60789");
            assert.equal(out.vpcCidr, "10.20.0.0/16");
            assert.deepEqual(run.report!.invokeAnswers["partnercloud:network/getPeering:getPeering"], ["fixture"]);
            const rule = run.report!.resources.find((r) => r.name === "partner-https")!;
            assert.equal(rule.props.cidrIpv4, "192.0.2.0/24");
            assert.ok(run.report!.notes.some((n) => /fixtures\.yaml: aws:sns\/getTopic:getTopic answered no call/.test(n)));
        });

        it("exits 2 on a bad --invoke-fixtures file before running anything, naming the file and the entry", () => {
            const run = runs.badFixtures;
            assert.equal(run.code, 2);
            assert.match(run.stderr, /^error: --invoke-fixtures .*fixtures-bad\.json: aws:ec2\/getVpc:getVpc\[1\]\.args must be an object \(arguments to match\), got \["default"\]\n$/);
            assert.equal(run.errorReport!.error.file, path.join(REAL, "data-sources", "fixtures-bad.json"));
        });
    });

    describe("remote (awsx) components", () => {
        it("says 'incomplete', not passed, when a policy-relevant awsx component was not inspected (exit 0)", () => {
            const run = runs.awsxService;
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.report!.result, "incomplete");
            assert.equal(run.report!.summary.uninspected, 2);
            assert.match(run.stdout, /Result: incomplete — no mandatory policy violation in what the check could see; 2 remote components hide resources policies judge \(awsx:lb:ApplicationLoadBalancer lb, awsx:ecs:FargateService service\)/);
            assert.doesNotMatch(run.stdout, /Result: passed/);
        });

        it("lists each remote component with what it hides and whether policies would judge it", () => {
            const byName = Object.fromEntries(runs.awsxService.report!.remoteComponents.map((c) => [c.name, c]));
            assert.deepEqual(Object.keys(byName).sort(), ["app", "lb", "service"]);
            assert.equal(byName.app.policyRelevant, false);
            assert.ok(byName.lb.hiddenTypes.includes("aws:ec2/securityGroup:SecurityGroup"));
            assert.ok(byName.service.hiddenTypes.includes("aws:ecs/taskDefinition:TaskDefinition"));
            assert.ok(byName.service.hiddenTypes.includes("aws:iam/role:Role"));
            assert.match(runs.awsxService.stdout, /awsx:ecs:FargateService service: not inspected offline; a real preview inspects its children\. It hides an ECS service, a task definition, .*so the result is incomplete/);
            assert.match(runs.awsxService.stdout, /awsx:ecs:FargateService\s+service\s+create\s+not inspected offline \(incomplete\)/);
        });

        it("passes when the only remote component is network plumbing (an awsx VPC)", () => {
            const run = runs.awsxVpcOnly;
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.report!.result, "passed");
            assert.match(run.stdout, /Result: passed — no mandatory policy violation\n/);
        });

        it("does not call a plan-only run incomplete: no policy ran", () => {
            const run = runs.awsxNoPolicy;
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.report!.result, "passed");
            assert.equal(run.report!.summary.uninspected, 0);
        });
    });
});

// The offline check on programs written the way public Pulumi programs (pulumi/examples,
// pulumi/templates) are: ES modules, plain JavaScript with an async entry, assets, data sources
// beyond the hand-tuned ones, awsx components. Each fixture under test/fixtures/real is a small
// program of our own in that style. Runs start two at a time in before().
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { FIXTURES, JS_PACK, runBatched, type CliRun } from "./run-cli";

const REAL = path.join(FIXTURES, "real");
const program = (name: string, stack: string, ...more: string[]) => ["--program", path.join(REAL, name), "--stack", stack, ...more];

describe("offline check on programs in the style of public Pulumi programs", function () {
    this.timeout(300_000);
    let runs: Record<string, CliRun> = {};

    before(async () => {
        runs = await runBatched({
            awsxService: { args: program("awsx-service", "dev", "--policy-pack", JS_PACK) },
            awsxVpcOnly: { args: program("awsx-service", "vpc-only", "--policy-pack", JS_PACK) },
            awsxNoPolicy: { args: program("awsx-service", "dev", "--no-policy") },
            dataSources: { args: program("data-sources", "dev", "--no-policy") },
            partnerWithout: { args: program("data-sources", "partner", "--no-policy") },
            partnerFixtures: { args: program("data-sources", "partner", "--no-policy", "--invoke-fixtures", path.join(REAL, "data-sources", "fixtures.yaml")) },
            badFixtures: { args: program("data-sources", "dev", "--no-policy", "--invoke-fixtures", path.join(REAL, "data-sources", "fixtures-bad.json")) },
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

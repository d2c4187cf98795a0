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

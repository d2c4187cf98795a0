/**
 * The real-program gate: small programs in the style of the `pulumi new` templates and typical
 * public examples (test/fixtures/real-pack/), run through the offline check with this pack and no
 * policy config (the levels a program without one gets). The secure stack of each must pass with
 * zero mandatory violations; the insecure stack flips a few lines and must fail on exactly the
 * policies that guard them.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { type CliRun, FIXTURES, runCli } from "../check/run-cli";
import { planGraph, toMermaid } from "../../tools/check/report/graph";

const PROGRAMS: Record<string, readonly string[]> = {
    // aws-typescript template; insecure: public access block off + a public-read bucket policy.
    "bucket": ["s3-bucket-policy-no-public-principal", "s3-bucket-public-access-block-required"],
    // a web server on Amazon Linux 2023; insecure: SSH from the world + httpTokens "optional".
    "vm-al2023": ["ec2-instance-imdsv2-required", "ec2-security-group-no-public-ssh"],
    // a Fargate service on @pulumi/aws; insecure: a privileged container + AdministratorAccess.
    "fargate": ["ecs-task-definition-no-privileged-containers", "iam-no-administrator-access"],
    // a static site behind CloudFront with OAC; insecure: HTTP viewers (+ a public bucket policy, unknown in preview).
    "static-site": ["cloudfront-distribution-viewer-https"],
    // a Lambda behind an HTTP API; insecure: a permission for "*" (+ a function URL without auth).
    "lambda-http-api": ["lambda-function-url-no-public-access", "lambda-permission-no-public-invoke"],
};

describe("real programs through the offline check with the pack", function () {
    this.timeout(600_000);
    const runs = new Map<string, CliRun>();

    before(async () => {
        // Two at a time: each run starts a program worker and the pack.
        const jobs = Object.keys(PROGRAMS).flatMap((name) => ["secure", "insecure"].map((stack) => ({ name, stack })));
        for (let i = 0; i < jobs.length; i += 2) {
            await Promise.all(jobs.slice(i, i + 2).map(async ({ name, stack }) => {
                runs.set(`${name}/${stack}`, await runCli(["--program", path.join(FIXTURES, "real-pack", name), "--stack", stack, "--policy-pack", "policies"]));
            }));
        }
    });

    for (const [name, expected] of Object.entries(PROGRAMS)) {
        it(`${name}: the secure program passes with zero mandatory violations`, () => {
            const run = runs.get(`${name}/secure`) as CliRun;
            const mandatory = run.report?.violations.filter((v) => v.enforcementLevel === "mandatory") ?? [];
            assert.deepEqual(mandatory.map((v) => `${v.policy}: ${v.message}`), [], run.stderr);
            assert.equal(run.code, 0, run.stderr);
        });
        it(`${name}: the insecure variant fails on ${expected.join(", ")}`, () => {
            const run = runs.get(`${name}/insecure`) as CliRun;
            assert.equal(run.code, 1, run.stderr);
            const mandatory = [...new Set(run.report?.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policy))].sort();
            assert.deepEqual(mandatory, [...expected].sort());
        });
    }

    // Issue 16: cost and diagrams work on programs this repository did not write.
    it("prices a program it did not write (the web server's t3.micro, 730 h at $0.0104) and draws its architecture", () => {
        const report = runs.get("vm-al2023/secure")?.report;
        assert.ok(report, "no report");
        const server = report.cost.lines.find((l) => l.name === "web-server-www");
        assert.ok(server?.kind === "priced", JSON.stringify(server));
        assert.ok(server.monthlyUsd >= 7.59, `${server.monthlyUsd}: at least the instance hours`);
        assert.ok(report.cost.monthlyUsd >= server.monthlyUsd);
        const mermaid = toMermaid(planGraph(report.resources));
        assert.match(mermaid, /aws:ec2:Instance<br\/>web-server-www/);
        assert.match(mermaid, /internet -->\|"tcp 80"\| n\d+/, "the world reaches the server on port 80 through its group");
    });
});

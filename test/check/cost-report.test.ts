// The cost estimate of the offline check on a program this repository did not shape for it (the
// fixture app, in eu-west-1): the JSON report carries it per component with the region's factor,
// the text report prints it, and the components' figures add up to the total.
import * as assert from "node:assert/strict";
import { FIXTURE_APP, runCli, type CliRun } from "./run-cli";

describe("check: cost estimate of any program", function () {
    this.timeout(300_000);
    let run: CliRun;
    before(async () => {
        run = await runCli(["--program", FIXTURE_APP, "--stack", "dev", "--no-policy"]);
    });

    it("prices the plan in its region, per component under the stack, in the JSON report", () => {
        assert.equal(run.code, 0, run.stderr);
        const cost = run.report!.cost;
        assert.equal(cost.region, "eu-west-1");
        assert.equal(cost.regionFactor, 1.1);
        assert.equal(cost.regionPriced, true);
        const web = cost.groups.find((g) => g.name === "web-0");
        assert.ok(web, JSON.stringify(cost.groups));
        // t3.micro (the AMI's 8 GB root, gp3) and its Elastic IP, × 1.1: (7.592 + 0.64) × 1.1 + 3.65 × 1.1
        assert.equal(web.monthlyUsd, 13.08);
        const sum = Math.round(cost.groups.reduce((s, g) => s + g.monthlyUsd, 0) * 100) / 100;
        assert.equal(sum, cost.monthlyUsd, "the components add up to the total");
        assert.ok(cost.lines.some((l) => l.kind === "by-use" && l.type === "aws:s3/bucket:Bucket"), "buckets are priced by use");
    });

    it("prints the estimate with the region, the date of the prices and what is priced by use", () => {
        assert.match(run.stdout, /^Cost estimate \(USD a month, on demand, eu-west-1, hourly prices × 1\.1 of us-east-1; prices read \d{4}-\d{2}-\d{2}\):$/m);
        assert.match(run.stdout, /^ {4}web-0 +\$13\.08/m);
        assert.match(run.stdout, /^ {4}total +\$\d+\.\d\d/m);
        assert.match(run.stdout, /plus by use \(\d+ resources\): .*aws:s3:Bucket/);
    });
});

// cost-stack-monthly-budget: the stack's estimate against its budget, in both outcomes, fail-safe on
// sizes not known during preview, silent without a budget, and each stack's policy config carrying
// the same budget as the stack's own AWS Budgets alert (stagecraft:budgetMonthlyUsd).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { stackMonthlyBudget } from "../../../policies/cost/stackMonthlyBudget";
import { res } from "../helpers/fixtures";
import { details, runStack, UNKNOWN } from "../helpers/server";

const REPO = path.resolve(__dirname, "../../..");
const STACK = res("pulumi:pulumi:Stack", "stagecraft-dev");
const host = (instanceType: unknown) => res("aws:ec2/instance:Instance", "host", { instanceType, rootBlockDevice: { volumeSize: 30, volumeType: "gp3" } });
const ip = res("aws:ec2/eip:Eip", "ip", { domain: "vpc" });
const budget = (monthlyBudgetUsd: number) => ({ config: { monthlyBudgetUsd } });

describe("cost-stack-monthly-budget", () => {
    it("passes a stack within its budget", () => {
        // t3.micro + 30 GB gp3 ($9.99) + an Elastic IP ($3.65) = $13.64
        assert.deepEqual(runStack(stackMonthlyBudget, [STACK, host("t3.micro"), ip], budget(20)), []);
    });

    it("fails a stack over its budget, on the stack, with the estimate, the budget and the largest items", () => {
        const diags = runStack(stackMonthlyBudget, [STACK, host("t3.micro"), ip], budget(10));
        assert.equal(diags.length, 1);
        assert.match(diags[0].urn ?? "", /pulumi:pulumi:Stack::stagecraft-dev$/);
        assert.match(details(diags)[0], /about \$13\.64 a month .* over the stack's budget of \$10\.00/);
        assert.match(details(diags)[0], /Largest: host \$9\.99 \(t3\.micro .*\); ip \$3\.65/);
        assert.match(details(diags)[0], /raise monthlyBudgetUsd/);
    });

    it("fails on what it can price when that alone is over budget, and says the rest is not priced", () => {
        const diags = runStack(stackMonthlyBudget, [STACK, host("t3.micro"), ip, res("aws:ec2/instance:Instance", "other", { instanceType: UNKNOWN })], budget(10));
        assert.equal(diags.length, 1);
        assert.match(details(diags)[0], /at least: 1 not priced/);
    });

    it("neither passes nor fails a stack within budget so far whose sizes are not known during preview: a note", () => {
        const diags = runStack(stackMonthlyBudget, [STACK, host(UNKNOWN), ip], budget(10));
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "advisory");
        assert.match(details(diags)[0], /not known during preview/);
        assert.match(details(diags)[0], /within its \$10\.00 monthly budget \(\$3\.65 priced so far\)/);
    });

    it("judges nothing without a budget (the default, 0)", () => {
        assert.deepEqual(runStack(stackMonthlyBudget, [STACK, host("t3.2xlarge"), ip]), []);
    });

    it("carries each stack's own budget (stagecraft:budgetMonthlyUsd, its AWS Budgets alert) in the stack's policy config", () => {
        for (const stack of ["dev", "staging", "prod", "enterprise"]) {
            const stackFile = parse(fs.readFileSync(path.join(REPO, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
            const policyConfig = JSON.parse(fs.readFileSync(path.join(REPO, "policies", "config", `${stack}.json`), "utf8")) as Record<string, { monthlyBudgetUsd?: number; enforcementLevel?: string }>;
            assert.equal(policyConfig["cost-stack-monthly-budget"]?.monthlyBudgetUsd, stackFile.config["stagecraft:budgetMonthlyUsd"], stack);
        }
        const dev = JSON.parse(fs.readFileSync(path.join(REPO, "policies", "config", "dev.json"), "utf8")) as Record<string, { enforcementLevel?: string }>;
        assert.equal(dev["cost-stack-monthly-budget"].enforcementLevel, "advisory", "seed 004's USD 10 dev budget is advisory");
    });
});

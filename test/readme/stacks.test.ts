// The README's generated stacks part (tools/readme/stacks.ts): one row per stack with its figures,
// spliced between the markers only, and a README without them refused.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { BEGIN, END, README, renderStacks, splice, type StackPlan } from "../../tools/readme/stacks";

function plan(stack: string, usd: number, unpriced = 0): StackPlan {
    const lines = [
        { kind: "priced" as const, urn: `urn:${stack}:vm`, type: "aws:ec2/instance:Instance", name: "vm", monthlyUsd: usd, basis: "t3.micro" },
        { kind: "by-use" as const, urn: `urn:${stack}:b`, type: "aws:s3/bucket:Bucket", name: "b", byUse: "storage" },
        ...Array.from({ length: unpriced }, (_, i) => ({ kind: "unpriced" as const, urn: `urn:${stack}:u${i}`, type: "aws:ec2/instance:Instance", name: `u${i}`, reason: "not known" })),
    ];
    return {
        stack, phase: "1", budgetUsd: 10,
        report: {
            summary: { resources: 3, mandatory: 0, advisory: 0, remediate: 0, previewNotes: 0, remoteComponents: 0, uninspected: 0, defaultProviders: 1, policyPacks: 0 },
            cost: { currency: "USD", region: "us-east-1", regionFactor: 1, regionPriced: true, pricesRead: "2026-12-04", monthlyUsd: usd, groups: [], lines },
            resources: [],
        },
    };
}

describe("README: the generated stacks part", () => {
    it("has a row per stack with resources, the estimate, what is by use or not priced, and the budget", () => {
        const part = renderStacks([plan("dev", 15.24), plan("prod", 320.97, 2)]);
        assert.match(part, /^\| dev \| 1 \| 3 \| \$15\.24 \| 1 resources \| \$10\.00 \|$/m);
        assert.match(part, /^\| prod \| 1 \| 3 \| \$320\.97 \(\+ 2 not priced\) \| 1 resources \| \$10\.00 \|$/m);
        assert.match(part, /read 2026-12-04/);
        // The diagrams live in the phase sections (parts.ts), not in the table's part.
        assert.doesNotMatch(part, /```mermaid/);
    });

    it("replaces only what is between the markers, and refuses a README without them", () => {
        const readme = `intro\n${BEGIN}\nold\n${END}\nrest\n`;
        assert.equal(splice(readme, "new"), `intro\n${BEGIN}\nnew\n${END}\nrest\n`);
        assert.throws(() => splice("no markers", "x"), /needs the markers/);
        assert.throws(() => splice(`${BEGIN}\n${END}\n${BEGIN}\n`, "x"), /once each/);
    });

    it("is in the README once, with its markers", () => {
        const readme = fs.readFileSync(README, "utf8");
        assert.equal(readme.split(BEGIN).length, 2);
        assert.equal(readme.split(END).length, 2);
    });
});

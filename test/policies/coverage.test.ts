/**
 * Coverage of the target checks is measured, not claimed: docs/policy-coverage.json maps each of
 * the 207 rows of the targets list (the union of awsguard, compliance-policies, Checkov and
 * cdk-nag for our resource types) to the policies that cover it, or says why it is out of scope or
 * not done yet. This test keeps the map honest: every row once, every named policy in the pack
 * and tested, and the covered count never going down.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { awsDefaultOf } from "../../policies/lib/awsdefault";
import { packPolicies } from "../../policies/pack";

interface Row {
    readonly row: number;
    readonly check: string;
    readonly types: string;
    readonly policies?: readonly string[];
    readonly outOfScope?: string;
    readonly notYet?: string;
    readonly note?: string;
}

const MAP = path.resolve(__dirname, "../../docs/policy-coverage.json");
const rows = (JSON.parse(fs.readFileSync(MAP, "utf8")) as { rows: Row[] }).rows;
const names = new Set(packPolicies.map((p) => p.info.name));
const covered = rows.filter((r) => r.policies !== undefined);

/** Rows covered when this map was last extended; raise it with every policy that covers a new row. */
const COVERED_AT_LEAST = 152;

describe("docs/policy-coverage.json", () => {
    it("lists the 207 target rows once each, in order", () => {
        assert.deepEqual(rows.map((r) => r.row), Array.from({ length: 207 }, (_, i) => i + 1));
        for (const r of rows) assert.ok(r.check.trim().length > 0, `row ${r.row}: check`);
    });

    it("gives every row exactly one verdict: covering policies, a reason it is out of scope, or why it is not done yet", () => {
        const problems: string[] = [];
        for (const r of rows) {
            const verdicts = [r.policies !== undefined, r.outOfScope !== undefined, r.notYet !== undefined].filter(Boolean).length;
            if (verdicts !== 1) problems.push(`row ${r.row}: ${verdicts} verdicts`);
            if (r.policies !== undefined && r.policies.length === 0) problems.push(`row ${r.row}: an empty policy list`);
            if (r.policies === undefined && (r.outOfScope ?? r.notYet ?? "").trim().length < 10) problems.push(`row ${r.row}: the reason says nothing`);
        }
        assert.deepEqual(problems, []);
    });

    it("names only policies of the pack", () => {
        const unknown = covered.flatMap((r) => (r.policies ?? []).filter((p) => !names.has(p)).map((p) => `row ${r.row}: ${p}`));
        assert.deepEqual(unknown, []);
    });

    it("gives every policy added for the targets its AWS default, with the documentation page and the date it was read", () => {
        // Policies added for the targets date their default by the day the page was read (`checked`).
        const documented = packPolicies.filter((p) => awsDefaultOf(p)?.checked !== undefined);
        for (const p of documented) {
            const d = awsDefaultOf(p);
            assert.ok(d !== undefined && d.note.endsWith("."), p.info.name);
            assert.match(d?.url ?? "", /^https:\/\/docs\.aws\.amazon\.com\//, p.info.name);
            assert.match(d?.checked ?? "", /^\d{4}-\d{2}-\d{2}$/, p.info.name);
        }
    });

    it(`covers at least ${COVERED_AT_LEAST} of the 207 rows`, () => {
        const out = rows.filter((r) => r.outOfScope !== undefined).length;
         
        console.log(`      policy targets: ${covered.length} of ${rows.length} rows covered, ${out} out of scope, ${rows.length - covered.length - out} not yet`);
        assert.ok(covered.length >= COVERED_AT_LEAST, `${covered.length} rows covered`);
    });

    it("is counted in policies/README.md as it is, never typed", () => {
        const readme = fs.readFileSync(path.resolve(__dirname, "../../policies/README.md"), "utf8");
        assert.match(readme, new RegExp(`prints the count: ${covered.length} rows are covered`), `write ${covered.length} in policies/README.md's coverage section`);
    });
});

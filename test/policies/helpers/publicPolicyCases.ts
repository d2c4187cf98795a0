/**
 * The cases every "no public principal" resource-policy rule is tested on, through the real
 * policy server: a policy pinned by a condition or to an account, the public grant in each shape
 * (Principal "*", AWS "*", a JSON string, one statement object), a condition that pins nothing,
 * an unreadable document, no policy at all, and a document not known during preview.
 */
import * as assert from "node:assert/strict";
import type { PackPolicy } from "../../../policies/lib/policy";
import { res } from "./fixtures";
import { details, runResource, UNKNOWN } from "./server";

export function judgesPublicPolicy(policy: PackPolicy, type: string, base: Record<string, unknown>, action: string | readonly string[]): void {
    const run = (policyDoc: unknown) => runResource(policy, res(type, "target", { ...base, policy: policyDoc }));
    const doc = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statement });
    const allowAll = (principal: unknown, condition?: unknown) => ({ Effect: "Allow", Principal: principal, Action: action, Resource: "*", ...(condition === undefined ? {} : { Condition: condition }) });

    it("accepts a grant to a named account", () => assert.deepEqual(details(run(doc([allowAll({ AWS: "arn:aws:iam::123456789012:root" })]))), []));
    it("accepts Principal \"*\" pinned by aws:SourceArn", () => assert.deepEqual(details(run(doc([allowAll("*", { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:events" } })]))), []));
    it("accepts a Deny to everyone", () => assert.deepEqual(details(run(doc([{ Effect: "Deny", Principal: "*", Action: action, Resource: "*" }]))), []));
    it("accepts no policy at all (the AWS default: the owner account only)", () => assert.deepEqual(details(run(undefined)), []));
    for (const [label, statement] of [
        ["Principal \"*\"", [allowAll("*")]],
        ["Principal { AWS: \"*\" }", [allowAll({ AWS: "*" })]],
        ["a single statement object", allowAll("*")],
        ["a condition that pins nothing (aws:SourceAccount \"*\")", [allowAll("*", { StringLike: { "aws:SourceAccount": "*" } })]],
    ] as const) {
        it(`flags ${label}`, () => {
            const diags = run(doc(statement));
            assert.equal(diags.length, 1, JSON.stringify(details(diags)));
            assert.match(diags[0].detail, /^target: policy statement 0 allows Principal "\*"/);
            assert.equal(diags[0].enforcementLevel, "mandatory");
        });
    }
    it("flags the public grant when the document is an object rather than a JSON string", () => {
        assert.equal(run({ Version: "2012-10-17", Statement: [allowAll("*")] }).length, 1);
    });
    it("refuses a document it cannot read, rather than passing it", () => {
        assert.match(details(run("{not json"))[0] ?? "", /is not a readable policy document/);
    });
    it("notes, and neither passes nor fails, a document not known during preview", () => {
        const diags = run(UNKNOWN);
        assert.equal(diags.length, 1);
        assert.equal(diags[0].enforcementLevel, "advisory");
        assert.match(diags[0].detail, /not known during preview/);
    });
}

import * as assert from "node:assert/strict";
import { requireFlag, requirePresent } from "../../../policies/lib/checks";
import type { ResourceReport } from "../../../policies/lib/policy";
import { UNKNOWN as WIRE_UNKNOWN } from "../helpers/server";

function recorder(): ResourceReport & { out: string[] } {
    const out: string[] = [];
    return { out, violation: (t) => out.push(`violation: ${t}`), unknown: (w, f) => out.push(`unknown: ${f} / ${w}`) };
}

const rule = { what: "whether x is on", problem: "so y happens", fix: "Set x." };

describe("policies/lib/checks", () => {
    it("accepts a flag with the expected value, as a boolean or a \"true\" string", () => {
        for (const v of [true, "true"]) {
            const r = recorder();
            requireFlag({ a: { x: v } }, ["a", "x"], r, rule);
            assert.deepEqual(r.out, []);
        }
    });

    it("reports a missing or wrong flag with the field path, problem and fix", () => {
        const r = recorder();
        requireFlag({}, ["a", "x"], r, rule);
        requireFlag({ a: { x: false } }, ["a", "x"], r, rule);
        assert.deepEqual(r.out, ["violation: a.x is not set, so y happens. Set x.", "violation: a.x is false, so y happens. Set x."]);
    });

    it("notes an unknown flag instead of judging it", () => {
        const r = recorder();
        requireFlag({ a: WIRE_UNKNOWN }, ["a", "x"], r, rule);
        assert.deepEqual(r.out, ["unknown: a.x / whether x is on"]);
    });

    it("checks an expected false", () => {
        const r = recorder();
        requireFlag({ x: true }, ["x"], r, { ...rule, expected: false });
        assert.deepEqual(r.out, ["violation: x is true, so y happens. Set x."]);
    });

    it("counts a present field, even an unknown one, and reports an absent or empty one", () => {
        const r = recorder();
        requirePresent({ k: "arn" }, ["k"], r, rule);
        requirePresent({ k: WIRE_UNKNOWN }, ["k"], r, rule);
        requirePresent({ k: "" }, ["k"], r, rule);
        requirePresent({}, ["k"], r, rule);
        assert.deepEqual(r.out, ["violation: k is not set, so y happens. Set x.", "violation: k is not set, so y happens. Set x."]);
    });
});

import * as assert from "node:assert/strict";
import { coversEveryAction, coversWholeService } from "../../../policies/lib/actionglob";

describe("policies/lib/actionglob", () => {
    it("reads every spelling of \"every action of every service\" as AWS matches it", () => {
        for (const p of ["*", "*:*", "?*", "*?", "**", "*:?*", "?*:*", "*:**", " * ", "*:*?"]) assert.equal(coversEveryAction(p), true, p);
    });
    it("reads every spelling of a whole service, in any case", () => {
        for (const p of ["iam:*", "iam:?*", "iam:*?", "s3:?*", "IAM:*", "iam*", "s*:*", "i?m:*", "iam:???*", "iam:**"]) {
            assert.equal(coversWholeService(p), true, p);
            assert.equal(coversEveryAction(p), false, p);
        }
    });
    it("does not count patterns that leave actions out", () => {
        for (const p of ["s3:Get*", "s3:GetObject", "*:Get*", "*Object", "??:???", "a:b", "*:*:*", "iam:Create*", "s3:?et*", ""]) {
            assert.equal(coversWholeService(p), false, p);
            assert.equal(coversEveryAction(p), false, p);
        }
    });
    it("agrees with a direct match on every short action for random patterns (fixed seed, bounded sizes)", () => {
        // Names over {a, b}: a pattern covers every action iff it matches every such action of the
        // minimum lengths and one longer, because the automaton cannot tell more letters apart.
        let seed = 15;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const symbols = ["*", "?", ":", "a"];
        const glob = (p: string, t: string) => new RegExp(`^${[...p].map((c) => (c === "*" ? ".*" : c === "?" ? "." : c)).join("")}$`, "s").test(t);
        const words = (n: number): string[] => (n === 0 ? [""] : words(n - 1).flatMap((w) => [`${w}a`, `${w}b`]));
        const actions = [2, 3].flatMap((s) => [3, 4, 5].flatMap((n) => words(s).flatMap((svc) => words(n).map((name) => `${svc}:${name}`))));
        for (let i = 0; i < 400; i++) {
            const p = Array.from({ length: 1 + Math.floor(next() * 6) }, () => symbols[Math.floor(next() * symbols.length)]).join("");
            if (coversEveryAction(p)) assert.ok(actions.every((a) => glob(p, a)), `${p} claims every action`);
            else assert.ok(!actions.every((a) => glob(p, a)) , `${p} misses an action it matches`);
        }
    });
});

// Properties of the Caddyfile helpers (components/lib/render/caddy.ts), config validation bypassed:
// a hostile value is refused, a valid one renders to tokens that cannot open a block, a comment, a
// placeholder, a quote or a new line. Fixed seed and sizes. The generated Caddyfiles themselves go
// through `caddy adapt` in config.property.test.ts (every stack, hostile values of every setting).
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { caddyPrefixMatcher, caddySiteAddress, caddyUpstream, RenderError } from "../../components/lib/render";
import { PAYLOADS, SEED } from "./helpers/hostileValues";

/** Characters that end or change a Caddyfile token. */
const UNSAFE = /[\s{}#"'`\\*$;|&<>()\u0000-\u001f\u007f\u2028\u2029]/;

const text = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(..."/{}#*\"'` \n\r\t$.~-_:aZ9é\u2028", "import", "/api", ".."), maxLength: 30 }),
    fc.constantFrom(...PAYLOADS),
);
const segment = fc.stringMatching(/^[a-z0-9_~-][a-z0-9._~-]{0,20}$/);
const prefix = fc.array(segment, { minLength: 1, maxLength: 8 }).map((s) => `/${s.join("/")}`);

const sample = <T>(arb: fc.Arbitrary<T>, n: number, offset: number): T[] => fc.sample(arb, { seed: SEED + offset, numRuns: n });

/** What a helper made of a value: its tokens when accepted, "refused" when it threw RenderError. */
function outcome(render: () => string): string[] | "refused" {
    try {
        return render().split(" ");
    } catch (e) {
        if (e instanceof RenderError) return "refused";
        throw e;
    }
}

describe("hostile input: the Caddyfile helpers (property, fixed seed)", () => {
    it("every accepted value renders to inert tokens; the payloads are all refused (600 values)", () => {
        for (const v of sample(text, 600, 31)) {
            for (const render of [() => caddyPrefixMatcher(v), () => caddySiteAddress(v), () => caddyUpstream(v, 3000)]) {
                const tokens = outcome(render);
                if (tokens === "refused") continue;
                for (const t of tokens) assert.ok(!UNSAFE.test(t.replace(/\/\*$/, "")), `${JSON.stringify(v)} → ${JSON.stringify(t)}`);
            }
        }
        for (const p of PAYLOADS) {
            assert.equal(outcome(() => caddyPrefixMatcher(p)), "refused", JSON.stringify(p));
            assert.equal(outcome(() => caddySiteAddress(p)), "refused", JSON.stringify(p));
        }
    });

    it("every valid prefix matches itself and what is below it, never a longer sibling (300 prefixes)", () => {
        for (const p of sample(prefix, 300, 32)) {
            assert.deepEqual(caddyPrefixMatcher(p).split(" "), [p, `${p}/*`]);
        }
    });

    it("refuses prefixes that would widen or break a route", () => {
        for (const bad of ["", "/", "api", "/api/", "/api*", "/*", "/api /x", "/.", "/..", "/a/../b", "/API", "/{path}", "/api#x", "//api", "/a?b", "/%2e%2e"]) {
            assert.throws(() => caddyPrefixMatcher(bad), RenderError, JSON.stringify(bad));
        }
        assert.equal(caddyPrefixMatcher("/socket.io"), "/socket.io /socket.io/*");
    });

    it("site addresses: a lower-case DNS name, or :port without one; upstreams: service:port", () => {
        assert.equal(caddySiteAddress("api.example.com"), "api.example.com");
        assert.equal(caddySiteAddress(undefined), ":80");
        for (const bad of ["API.example.com", "*.example.com", "example.com:443", "http://example.com", "localhost"]) {
            assert.throws(() => caddySiteAddress(bad), RenderError, bad);
        }
        assert.throws(() => caddySiteAddress(undefined, 0), RenderError);
        assert.equal(caddyUpstream("app", 3000), "app:3000");
        assert.throws(() => caddyUpstream("app:1", 3000), RenderError);
        assert.throws(() => caddyUpstream("app", 70000), RenderError);
    });
});

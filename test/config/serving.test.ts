import * as assert from "node:assert/strict";
import { problemsOf, settingsFrom } from "../helpers/settings";
import { stackSettings } from "../helpers/stack";


describe("config: what the single host's proxy serves (spa, appPrefixes)", () => {
    it("defaults to everything going to the app, with /api as the prefix an SPA would use", () => {
        assert.deepEqual(settingsFrom({}).serving, { spa: false, appPrefixes: ["/api"] });
    });

    it("the dev stack serves seed 001's frontend beside /api and /socket.io, and seed 004's /graphql (its smoke check's path)", () => {
        assert.deepEqual(stackSettings("dev").serving, { spa: true, appPrefixes: ["/api", "/socket.io", "/graphql"] });
    });

    it("accepts nested prefixes and drops repeated ones", () => {
        assert.deepEqual(settingsFrom({ spa: true, appPrefixes: ["/api/v1", "/socket.io", "/api/v1"] }).serving.appPrefixes, ["/api/v1", "/socket.io"]);
    });

    it("refuses prefixes that would widen a route or break the Caddyfile, naming key and value", () => {
        for (const bad of ["/", "api", "/api/", "/api/*", "/API", "/{path}", "/api }", "/a/../b", "/.well-known", "/api#x", "/a b", ""]) {
            const problems = problemsOf({ spa: true, appPrefixes: ["/ok", bad] });
            assert.equal(problems.length, 1, bad);
            assert.deepEqual([problems[0].key, problems[0].value], ["stagecraft:appPrefixes", bad]);
            assert.match(problems[0].allowed, /\/api or \/socket\.io/);
        }
    });

    it("refuses an SPA without any app prefix, and more than 8 prefixes", () => {
        assert.deepEqual(problemsOf({ spa: true, appPrefixes: [] }).map((p) => p.key), ["stagecraft:appPrefixes"]);
        const many = Array.from({ length: 9 }, (_, i) => `/p${i}`);
        assert.match(problemsOf({ appPrefixes: many })[0].allowed, /at most 8/);
    });

    it("refuses spa from phase 2 on, where CloudFront serves the static bucket", () => {
        const phase2 = { phase: 2, domain: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ", natStrategy: "instance", spa: true };
        const problems = problemsOf(phase2);
        assert.deepEqual(problems.map((p) => [p.key, p.value]), [["stagecraft:spa", true]]);
    });

    it("refuses a spa value that is not a boolean", () => {
        assert.deepEqual(problemsOf({ spa: "yes" }).map((p) => p.key), ["stagecraft:spa"]);
    });
});

// stagecraft:healthPath, the one path every health check probes (test/stacks/healthPath.test.ts
// shows it reaches all of them): /health by default, seed 004's /healthz when set, and refused
// when it is not a plain path, since it reaches the deploy tool's shell, nginx and the Caddyfile.
import * as assert from "node:assert/strict";
import { problemsOf, settingsFrom } from "../helpers/settings";


describe("config: healthPath", () => {
    it("is /health by default and what the stack sets otherwise (seed 004: /healthz)", () => {
        assert.equal(settingsFrom({}).app.healthPath, "/health");
        assert.equal(settingsFrom({ healthPath: "/healthz" }).app.healthPath, "/healthz");
        assert.equal(settingsFrom({ healthPath: "/api/v1/health" }).app.healthPath, "/api/v1/health");
    });

    for (const bad of ["health", "/", "/health/", "/Health", "/health?full=1", "/../etc", "/a b", "/health#x", "/h'ealth", "/$(reboot)", "//x"]) {
        it(`refuses ${JSON.stringify(bad)}, naming the key and what is allowed`, () => {
            const [problem] = problemsOf({ healthPath: bad });
            assert.equal(problem.key, "stagecraft:healthPath");
            assert.equal(problem.value, bad);
            assert.match(problem.allowed, /plain segments/);
        });
    }
});

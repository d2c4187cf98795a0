// stagecraft:smokeChecks (seed 004's post-deploy validation): a strict grammar at the edge, so
// only plain printable text reaches the hosts' deploy tool; every problem names the key and entry.
import * as assert from "node:assert/strict";
import { ConfigError, type ConfigProblem } from "../../components/lib/errors";
import { settingsFrom } from "../helpers/settings";
import { stackSettings } from "../helpers/stack";

function problems(entries: string[]): ConfigProblem[] {
    try {
        settingsFrom({ smokeChecks: entries });
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return [...err.problems];
    }
    return [];
}

describe("config: smokeChecks", () => {
    it("none by default", () => {
        assert.deepEqual(settingsFrom({}).app.smokeChecks, []);
    });

    it("reads REST probes (status defaults to 200, an optional body text to the end of the entry) and GraphQL probes", () => {
        const checks = settingsFrom({ smokeChecks: [
            "health rest /health",
            "login rest /api/v1/login status=401 body={\"error\": \"invalid credentials\"}",
            "gql graphql /graphql query={ user(id: \"1\") { id } }",
            "root rest /",
        ] }).app.smokeChecks;
        assert.deepEqual(checks, [
            { name: "health", kind: "rest", path: "/health", status: 200 },
            { name: "login", kind: "rest", path: "/api/v1/login", status: 401, bodyContains: "{\"error\": \"invalid credentials\"}" },
            { name: "gql", kind: "graphql", path: "/graphql", status: 200, query: "{ user(id: \"1\") { id } }" },
            { name: "root", kind: "rest", path: "/", status: 200 },
        ]);
    });

    it("refuses each malformed entry, naming the key and the entry", () => {
        const bad = [
            "health",                                       // no kind, no path
            "health soap /health",                          // unknown kind
            "Health rest /health",                          // upper-case name
            "health rest health",                           // relative path
            "health rest /health?x=1",                      // query string
            "health rest /../etc/passwd",                   // dot segment
            "health rest /a b",                             // a stray word where options go
            "health rest /health status=99",                // status out of range
            "health rest /health status=2000",
            "health rest /health body=a\tb",                // control character
            "health rest /health body=café",                // not ASCII
            "gql graphql /graphql",                         // no query
            "gql graphql /graphql query=__typename",        // no selection set
            "gql graphql /graphql query={ a }\n; reboot",   // newline
            `gql graphql /graphql query={ ${"a".repeat(600)} }`, // too long
        ];
        for (const entry of bad) {
            const found = problems([entry]);
            assert.equal(found.length, 1, `${JSON.stringify(entry)}: ${JSON.stringify(found)}`);
            assert.equal(found[0].key, "stagecraft:smokeChecks");
            assert.equal(found[0].value, entry);
        }
    });

    it("refuses a name used twice and more than 8 probes", () => {
        assert.deepEqual(problems(["a rest /a", "a rest /b"]).map((p) => [p.key, p.value]), [["stagecraft:smokeChecks", "a"]]);
        const many = Array.from({ length: 9 }, (_, i) => `p${i} rest /p${i}`);
        assert.match(problems(many)[0].allowed, /at most 8 probes/);
    });

    it("dev and staging probe what their seeds have: seed 004's health path and GraphQL checks (dev), the health path (staging)", () => {
        assert.deepEqual(stackSettings("dev").app.smokeChecks.map((c) => `${c.kind} ${c.path}`), ["rest /health", "graphql /graphql"]);
        assert.deepEqual(stackSettings("staging").app.smokeChecks.map((c) => `${c.kind} ${c.path}`), ["rest /health"]);
    });
});

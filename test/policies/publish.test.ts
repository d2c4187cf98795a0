// The pack can be published on its own (`pulumi policy publish` from policies/): it carries its own
// package-lock.json, and the versions it locks for its dependencies are the ones the root lockfile
// installs for the tests, so the published pack runs what the tests ran.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../..");
type Lock = { name?: string; packages: Record<string, { version?: string; name?: string }> };
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), "utf8")) as Lock;

describe("policies/: publishable with locked dependencies", () => {
    it("locks every dependency of the pack at the version the root lockfile installs", () => {
        const pack = JSON.parse(fs.readFileSync(path.join(REPO, "policies", "package.json"), "utf8")) as { name: string; dependencies: Record<string, string> };
        const own = read("policies/package-lock.json");
        const root = read("package-lock.json");
        assert.equal(own.packages[""].name, pack.name);
        for (const dep of Object.keys(pack.dependencies)) {
            const locked = own.packages[`node_modules/${dep}`]?.version;
            assert.ok(locked, `${dep} is locked`);
            assert.equal(locked, root.packages[`node_modules/${dep}`]?.version, `${dep}: policies/package-lock.json and package-lock.json agree (regenerate the pack's lock when the root one changes)`);
        }
    });
});

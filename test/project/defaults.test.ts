// Pulumi.yaml is the one source of config defaults: the Pulumi CLI hands a program every declared
// default, so the parsers' own fallbacks must be the same values, or tests (which pass no
// defaults) would build a different stack than `pulumi up` does.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { ConfigReader, parseSettings } from "../../components/config";

const ROOT = path.resolve(__dirname, "../..");
const declarations = Object.entries(parse(readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")).config as Record<string, { default?: unknown }>)
    .filter(([key]) => !key.includes(":"));

function settings(values: Record<string, string>) {
    return parseSettings(new ConfigReader({ get: (k) => values[k], keys: () => Object.keys(values) }, "stagecraft"), { project: "stagecraft", stack: "dev", region: "us-east-1" });
}

describe("config defaults", () => {
    it("the parsers fall back to exactly Pulumi.yaml's defaults (settings with no config = settings with every declared default)", () => {
        const yamlDefaults = Object.fromEntries(declarations.map(([key, d]) => [key, Array.isArray(d.default) ? JSON.stringify(d.default) : String(d.default)]));
        // The budget needs an alert e-mail, which has no default: the same one for both.
        const common = { alertEmail: "ops@example.com" };
        assert.deepEqual(settings(common), settings({ ...yamlDefaults, ...common }));
    });
});

// The one policy-config reader (policies/lib/policyconfig.ts) against what the Pulumi CLI does
// with `pulumi preview --policy-pack-config FILE` (pkg/resource/analyzer/config.go), including
// each point where the pack's, the check's and the test helpers' readers used to differ.
import * as assert from "node:assert/strict";
import {
    describeProblem, parsePolicyConfig, parsePolicyConfigText, type PolicyMeta, reconcilePolicyConfig, validatePolicyProperties,
} from "../../../policies/lib/policyconfig";

const policies: PolicyMeta[] = [
    { name: "a", enforcementLevel: "advisory", configSchema: { properties: { limit: { type: "integer", minimum: 1, default: 3 }, tags: { type: "array", default: ["owner"] } } } },
    { name: "b", enforcementLevel: "mandatory", configSchema: { properties: { name: { type: "string" } }, required: ["name"] } },
    { name: "c", enforcementLevel: "mandatory" },
];
const valid = { b: { name: "x" } };

describe("policies/lib/policyconfig: reading a file as the CLI does", () => {
    it("reads a level string or an object whose enforcementLevel is split from the properties", () => {
        assert.deepEqual(parsePolicyConfig({ a: "disabled", b: { enforcementLevel: "remediate", name: "x" } }).config, {
            a: { enforcementLevel: "disabled", properties: {} },
            b: { enforcementLevel: "remediate", properties: { name: "x" } },
        });
    });

    it("reads empty content as no config (the check used to fail on it)", () => {
        assert.deepEqual(parsePolicyConfigText(" \n"), { config: {}, environments: [], problems: [] });
        assert.throws(() => parsePolicyConfigText("[]"), /must be a JSON object/);
        assert.throws(() => parsePolicyConfigText("{"), SyntaxError);
    });

    it("drops an entry with neither a level nor properties (the check kept it, then sent it as advisory)", () => {
        assert.deepEqual(parsePolicyConfig({ a: {}, x: {} }).config, {});
    });

    it("reads \"environments\" as ESC environment names, not a policy (pack and check took it for a policy)", () => {
        const parsed = parsePolicyConfig({ environments: ["org/policy-env"], a: "advisory" });
        assert.deepEqual(parsed.environments, ["org/policy-env"]);
        assert.deepEqual(Object.keys(parsed.config), ["a"]);
        assert.deepEqual(parsePolicyConfig({ environments: "org/env" }).problems.map(describeProblem), [
            "\"environments\": \"org/env\" is not a list of ESC environment names",
        ]);
    });

    it("lists every entry it cannot read at once (the CLI and the check stop at the first)", () => {
        const parsed = parsePolicyConfig({ a: "strict", b: { enforcementLevel: 5 }, c: null, d: [1], e: { enforcementLevel: null } });
        assert.deepEqual(parsed.problems.map(describeProblem), [
            "\"a\": \"strict\" is not an enforcement level (advisory, mandatory, remediate, disabled)",
            "\"b\": enforcementLevel 5 is not an enforcement level (advisory, mandatory, remediate, disabled)",
            "\"c\": null is neither an enforcement level nor an object",
            "\"d\": [1] is neither an enforcement level nor an object",
            "\"e\": enforcementLevel null is not an enforcement level (advisory, mandatory, remediate, disabled)",
        ]);
        assert.deepEqual(parsed.config, {});
    });
});

describe("policies/lib/policyconfig: reconciling as the CLI does", () => {
    const reconcile = (initial: Record<string, unknown> | undefined, file: Record<string, unknown> | undefined) =>
        reconcilePolicyConfig(policies, initial && parsePolicyConfig(initial).config, file && parsePolicyConfig(file).config);

    it("starts from each policy's level and its schema's defaults", () => {
        const r = reconcile(undefined, valid);
        assert.deepEqual(r.config.get("a"), { enforcementLevel: "advisory", properties: { limit: 3, tags: ["owner"] } });
        assert.deepEqual(r.config.get("c"), { enforcementLevel: "mandatory", properties: {} });
    });

    it("applies \"all\" before the per-key entries, in the pack's initial config and again in the file", () => {
        const r = reconcile({ all: "disabled", a: "mandatory" }, { ...valid, all: "advisory", c: "remediate" });
        assert.deepEqual([...r.config].filter(([k]) => k !== "all").map(([k, v]) => [k, v.enforcementLevel]), [["a", "advisory"], ["b", "advisory"], ["c", "remediate"]]);
    });

    it("merges an entry's properties over the current ones, keeping the level it does not give", () => {
        const r = reconcile({ a: { limit: 5 } }, { ...valid, a: { tags: [] } });
        assert.deepEqual(r.config.get("a"), { enforcementLevel: "advisory", properties: { limit: 5, tags: [] } });
    });

    it("keeps \"all\" and keys that name no policy in what the pack is sent (the pack and the check left them out)", () => {
        const r = reconcile(undefined, { ...valid, all: "advisory", x: "mandatory" });
        assert.deepEqual(r.config.get("all"), { enforcementLevel: "advisory", properties: {} });
        assert.deepEqual(r.config.get("x"), { enforcementLevel: "mandatory", properties: {} });
        assert.deepEqual(r.withoutLevel, []);
    });

    it("names keys left without a level, which the CLI's Configure refuses (the check sent them as advisory)", () => {
        assert.deepEqual(reconcile(undefined, { ...valid, all: { limit: 2 }, x: { y: 1 } }).withoutLevel, ["all", "x"]);
    });

    it("validates each policy's properties against {type: object, properties, required}, in policy order", () => {
        const r = reconcile(undefined, { a: { limit: 0, tags: "owner" } });
        assert.deepEqual(r.schemaErrors, [
            { policy: "a", path: "/limit", message: "must be >= 1" },
            { policy: "a", path: "/tags", message: "must be array" },
            { policy: "b", path: "", message: "must have required property 'name'" },
        ]);
        assert.deepEqual(validatePolicyProperties(policies[2], { anything: 1 }), []);
    });

    it("validates the properties only, never the level (the check validated the level too)", () => {
        const strict: PolicyMeta = { name: "s", enforcementLevel: "advisory", configSchema: { properties: { n: { type: "integer" } } } };
        assert.deepEqual(reconcilePolicyConfig([strict], undefined, { s: { enforcementLevel: "disabled", properties: {} } }).schemaErrors, []);
    });

    it("hands out copies of the schema's defaults", () => {
        const r = reconcile(undefined, valid);
        (r.config.get("a")?.properties.tags as string[]).push("changed");
        assert.deepEqual(reconcile(undefined, valid).config.get("a")?.properties.tags, ["owner"]);
    });
});

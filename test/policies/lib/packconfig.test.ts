import * as assert from "node:assert/strict";
import { integer } from "../../../policies/lib/config";
import { configProblems, type PolicyConfigFile, reconcile } from "../../../policies/lib/packconfig";
import { resourcePolicy } from "../../../policies/lib/policy";

function policy(name: string, enforcementLevel: "advisory" | "mandatory") {
    return resourcePolicy({
        name, description: name, severity: "low", enforcementLevel, frameworks: [], topics: [], resourceTypes: ["t"], remediation: "", url: "",
        config: { days: integer("days", 7, 1) },
        check: () => undefined,
    });
}

describe("policies/lib/packconfig", () => {
    const pack = [policy("a-b-c", "mandatory"), policy("d-e-f", "advisory")];

    it("starts from each policy's own level and its schema defaults", () => {
        const c = reconcile(pack);
        assert.deepEqual(c.get("a-b-c"), { enforcementLevel: "mandatory", properties: { exemptions: [], reason: "", days: 7 } });
        assert.equal(c.get("d-e-f")?.enforcementLevel, "advisory");
    });

    it("applies \"all\" first and per-policy entries on top, as the CLI does", () => {
        const c = reconcile(pack, { all: "disabled", "d-e-f": "mandatory" });
        assert.equal(c.get("a-b-c")?.enforcementLevel, "disabled");
        assert.equal(c.get("d-e-f")?.enforcementLevel, "mandatory");
    });

    it("merges an object entry's properties over the defaults and keeps its level apart", () => {
        const c = reconcile(pack, { "a-b-c": { enforcementLevel: "advisory", days: 30 } });
        assert.deepEqual(c.get("a-b-c"), { enforcementLevel: "advisory", properties: { exemptions: [], reason: "", days: 30 } });
    });

    it("keeps the policy's level when an object entry gives only properties", () => {
        assert.equal(reconcile(pack, { "a-b-c": { days: 30 } }).get("a-b-c")?.enforcementLevel, "mandatory");
    });

    it("lets a key that names no policy of the pack change nothing, as the CLI does (configProblems names it)", () => {
        // Was: reconcile threw "not a policy of this pack"; `pulumi preview --policy-pack-config`
        // accepts such a key and hands it to the pack, which ignores it.
        assert.deepEqual(reconcile(pack, { "x-y-z": "advisory" }), reconcile(pack));
        assert.deepEqual(configProblems(pack, { "x-y-z": "advisory" }), ["\"x-y-z\" is not a policy of this pack"]);
    });

    it("rejects invalid levels", () => {
        assert.throws(() => reconcile(pack, { "a-b-c": "loud" as "advisory" }), /not an enforcement level/);
        assert.throws(() => reconcile(pack, { "a-b-c": { enforcementLevel: "loud" } }), /not valid/);
    });

    it("rejects what the CLI refuses after reconciling: a value against the schema, properties without a level", () => {
        assert.throws(() => reconcile(pack, { "a-b-c": { days: 0 } }), /^Error: invalid policy config: a-b-c\/days must be >= 1$/);
        assert.throws(() => reconcile(pack, { "x-y-z": { days: 3 } }), /"x-y-z" gives properties without an enforcement level/);
    });

    it("lists every problem of a file at once, naming the key, the value and what is allowed", () => {
        assert.deepEqual(configProblems(pack, { all: "advisory", "a-b-c": { enforcementLevel: "mandatory", days: 30, exemptions: [] } }), []);
        const file = {
            all: { enforcementLevel: "advisory", days: 3 },
            "a-b-c": { enforcementLevel: "strict", dayz: 30, days: 2.5 },
            "d-e-f": null,
            "x-y-z": "advisory",
        } as unknown as PolicyConfigFile;
        assert.deepEqual(configProblems(pack, file), [
            "\"all\" takes only an enforcement level, not days",
            "\"a-b-c\": enforcementLevel \"strict\" is not an enforcement level (advisory, mandatory, remediate, disabled)",
            "\"a-b-c\": \"dayz\" is not a setting of this policy (it has exemptions, reason, days)",
            "\"a-b-c\": days 2.5 is refused: invalid policy config value 2.5 for \"days\"",
            "\"d-e-f\": null is neither an enforcement level nor an object",
            "\"x-y-z\" is not a policy of this pack",
        ]);
    });
});

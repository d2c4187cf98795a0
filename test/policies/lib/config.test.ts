import * as assert from "node:assert/strict";
import { ConfigError, exemptions, flag, integer, integerList, publicBuckets, readConfig, schemaOf, stringList, text } from "../../../policies/lib/config";

describe("policies/lib/config", () => {
    const fields = {
        exemptions,
        ports: integerList("ports", [22], 0, 65535),
        names: stringList("names", ["a"]),
        strict: flag("strict", false),
        days: integer("days", 1, 1),
        audience: text("audience", "sts.amazonaws.com"),
        publicBuckets,
    };

    it("fills every field's default when the config bag is empty or missing", () => {
        assert.deepEqual(readConfig({}, fields), {
            exemptions: [], ports: [22], names: ["a"], strict: false, days: 1, audience: "sts.amazonaws.com", publicBuckets: [],
        });
        assert.deepEqual(readConfig(undefined, fields).ports, [22]);
    });

    it("uses the values the config gives", () => {
        const c = readConfig({ ports: [3306], strict: true, exemptions: [{ resource: "x-*", reason: "because" }] }, fields);
        assert.deepEqual(c.ports, [3306]);
        assert.equal(c.strict, true);
        assert.deepEqual(c.exemptions, [{ resource: "x-*", reason: "because" }]);
    });

    it("rejects values of the wrong shape, naming the field", () => {
        assert.throws(() => readConfig({ ports: ["22"] }, fields), ConfigError);
        assert.throws(() => readConfig({ exemptions: [{ resource: "x" }] }, fields), /exemptions/);
        assert.throws(() => readConfig({ exemptions: [{ resource: "x", reason: "  " }] }, fields), /exemptions/);
        assert.throws(() => readConfig({ publicBuckets: [{ bucket: "b", reason: "r", readPrefixes: "public/" }] }, fields), /publicBuckets/);
    });

    it("gives the CLI a JSON schema with defaults for every field, exemptions requiring a reason", () => {
        const schema = schemaOf(fields);
        assert.deepEqual(schema.ports, { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, description: "ports", default: [22] });
        const item = (schema.exemptions.items as { required: string[]; properties: Record<string, { minLength: number }> });
        assert.deepEqual(item.required, ["resource", "reason"]);
        assert.equal(item.properties.reason.minLength, 1);
    });
});

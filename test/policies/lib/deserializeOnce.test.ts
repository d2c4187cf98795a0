import * as assert from "node:assert/strict";
import { deserializePropertiesOncePerRequest } from "../../../policies/lib/deserializeOnce";

function countingModule() {
    const calls: unknown[] = [];
    const module: { deserializeProperties?: (s: unknown, p?: boolean) => unknown; __deserializeOnce?: true } = {
        deserializeProperties: (struct: unknown, proxySecrets?: boolean) => {
            calls.push(struct);
            return { from: struct, proxySecrets: proxySecrets === true };
        },
    };
    return { module, calls };
}

describe("policy server: properties deserialized once per request", () => {
    it("every policy of one request gets the same object, deserialized once", () => {
        const { module, calls } = countingModule();
        assert.equal(deserializePropertiesOncePerRequest(module), true);
        const struct = { fields: {} };
        const first = module.deserializeProperties!(struct, false);
        for (let i = 0; i < 20; i++) assert.equal(module.deserializeProperties!(struct, false), first);
        assert.equal(calls.length, 1);
    });

    it("keeps the proxySecrets variants and other requests apart", () => {
        const { module, calls } = countingModule();
        deserializePropertiesOncePerRequest(module);
        const a = { fields: {} };
        const b = { fields: {} };
        assert.deepEqual(module.deserializeProperties!(a, true), { from: a, proxySecrets: true });
        assert.deepEqual(module.deserializeProperties!(a, false), { from: a, proxySecrets: false });
        assert.deepEqual(module.deserializeProperties!(b, false), { from: b, proxySecrets: false });
        assert.equal(calls.length, 3);
    });

    it("passes non-objects straight through", () => {
        const { module, calls } = countingModule();
        deserializePropertiesOncePerRequest(module);
        module.deserializeProperties!(undefined);
        module.deserializeProperties!(undefined);
        assert.equal(calls.length, 2);
    });

    it("installs once, and does nothing where the function is missing", () => {
        const { module } = countingModule();
        assert.equal(deserializePropertiesOncePerRequest(module), true);
        assert.equal(deserializePropertiesOncePerRequest(module), false);
        assert.equal(deserializePropertiesOncePerRequest({}), false);
    });

    it("matches the installed @pulumi/policy: deserializeProperties is a replaceable export of its deserialize module", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const real = require("@pulumi/policy/deserialize") as { deserializeProperties: unknown };
        const descriptor = Object.getOwnPropertyDescriptor(real, "deserializeProperties");
        assert.equal(typeof real.deserializeProperties, "function");
        assert.ok(descriptor?.writable === true || descriptor?.set !== undefined, "the server reads it from the exports at call time");
    });
});

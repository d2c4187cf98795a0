import * as assert from "node:assert/strict";
import * as proxyModule from "@pulumi/policy/proxy";
import { at, bool, isUnknown, jsonDoc, list, num, oneOrMany, plainProps, rec, str, strings, UNKNOWN, UNKNOWN_SENTINELS, unwrap } from "../../../policies/lib/values";
import { secret, serverProps, UNKNOWN as WIRE_UNKNOWN } from "../helpers/server";

const proxy = proxyModule as unknown as Record<string, unknown>;

describe("policies/lib/values", () => {
    it("knows exactly the unknown sentinels @pulumi/policy uses", () => {
        const library = Object.keys(proxy).filter((k) => /^unknown\w+Value$/.test(k)).map((k) => proxy[k]);
        assert.deepEqual([...UNKNOWN_SENTINELS].sort(), [...library].sort());
    });

    it("reads an unknown value behind the server's proxy as UNKNOWN instead of throwing", () => {
        const props = serverProps({ metadataOptions: { httpTokens: WIRE_UNKNOWN } });
        assert.throws(() => (props.metadataOptions as Record<string, unknown>).httpTokens);
        assert.equal(at(props, "metadataOptions", "httpTokens"), UNKNOWN);
    });

    it("unwraps the server's proxy to the plain deserialized object", () => {
        const props = serverProps({ a: { b: [1, 2] } });
        const plain = plainProps(props);
        assert.deepEqual(plain, { a: { b: [1, 2] } });
        assert.equal(unwrap(plain), plain);
    });

    it("sees secrets unwrapped, as the server hands them over", () => {
        assert.equal(at(serverProps({ password: secret("hunter2") }), "password"), "hunter2");
    });

    it("returns undefined for missing keys, null values and steps through non-containers", () => {
        const props = { a: null, b: "text", c: [{ d: 1 }] };
        assert.equal(at(props, "missing"), undefined);
        assert.equal(at(props, "a"), undefined);
        assert.equal(at(props, "b", "length"), undefined);
        assert.equal(at(props, "c", 0, "d"), 1);
        assert.equal(at(props, "c", 5, "d"), undefined);
    });

    it("stops at the first unknown step", () => {
        assert.equal(at({ a: WIRE_UNKNOWN }, "a", "b", "c"), UNKNOWN);
    });

    it("treats every sentinel and the UNKNOWN symbol as unknown, and nothing else", () => {
        for (const s of UNKNOWN_SENTINELS) assert.equal(isUnknown(s), true);
        assert.equal(isUnknown(UNKNOWN), true);
        assert.equal(isUnknown("04da6b54"), false);
        assert.equal(isUnknown(undefined), false);
    });

    it("accepts numeric strings as numbers and \"true\"/\"false\" strings as booleans", () => {
        assert.equal(num("22"), 22);
        assert.equal(num(" "), undefined);
        assert.equal(num("x"), undefined);
        assert.equal(bool("TRUE"), true);
        assert.equal(bool("false"), false);
        assert.equal(bool("yes"), undefined);
    });

    it("returns undefined for a value of the wrong type", () => {
        assert.equal(str(5), undefined);
        assert.equal(list("x"), undefined);
        assert.equal(rec([1]), undefined);
    });

    it("reads IAM's string-or-array fields as lists", () => {
        assert.deepEqual(oneOrMany("s3:GetObject"), ["s3:GetObject"]);
        assert.deepEqual(oneOrMany(["a", "b"]), ["a", "b"]);
        assert.equal(oneOrMany(undefined), undefined);
    });

    it("collects known strings and flags unknown elements", () => {
        assert.deepEqual(strings(["a", WIRE_UNKNOWN, "b"]), { known: ["a", "b"], unknown: true });
        assert.deepEqual(strings(WIRE_UNKNOWN), { known: [], unknown: true });
        assert.deepEqual(strings(undefined), { known: [], unknown: false });
    });

    it("parses JSON documents given as strings, passes objects through, and flags invalid JSON", () => {
        assert.deepEqual(jsonDoc("{\"a\":1}"), { a: 1 });
        assert.deepEqual(jsonDoc({ a: 1 }), { a: 1 });
        assert.equal(jsonDoc("{nope"), "invalid");
        assert.equal(jsonDoc(WIRE_UNKNOWN), UNKNOWN);
        assert.equal(jsonDoc("  "), undefined);
    });
});

import * as assert from "node:assert/strict";
import { keyRotationEnabled } from "../../../policies/kms/keyRotationEnabled";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("kms-key-rotation-enabled", () => {
    it("accepts a rotating symmetric key", () => {
        assert.deepEqual(runResource(keyRotationEnabled, res(T.kmsKey, "alerts-key", { enableKeyRotation: true })), []);
    });
    it("skips keys that cannot rotate (asymmetric, HMAC, custom key store)", () => {
        assert.deepEqual(runResource(keyRotationEnabled, res(T.kmsKey, "k", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })), []);
        assert.deepEqual(runResource(keyRotationEnabled, res(T.kmsKey, "k", { customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" })), []);
        assert.deepEqual(runResource(keyRotationEnabled, res(T.kmsKey, "k", { customKeyStoreId: "cks-1" })), []);
    });
    it("flags a symmetric key without rotation", () => {
        assert.deepEqual(details(runResource(keyRotationEnabled, res(T.kmsKey, "alerts-key", { description: "x" }))),
            ["alerts-key: enableKeyRotation is not set, so the same key material encrypts data for the key's whole life. Set enableKeyRotation: true (free for the key itself; AWS keeps old material to decrypt old data)."]);
    });
    it("notes an unknown key spec", () => {
        assert.equal(advisory(runResource(keyRotationEnabled, res(T.kmsKey, "k", { customerMasterKeySpec: UNKNOWN }))).length, 1);
    });
});

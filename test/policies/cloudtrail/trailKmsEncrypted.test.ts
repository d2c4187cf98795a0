import * as assert from "node:assert/strict";
import { trailKmsEncrypted } from "../../../policies/cloudtrail/trailKmsEncrypted";
import { res, T } from "../helpers/fixtures";
import { runResource, UNKNOWN } from "../helpers/server";

describe("cloudtrail-trail-kms-encrypted", () => {
    it("accepts a KMS key", () => {
        assert.deepEqual(runResource(trailKmsEncrypted, res(T.trail, "org", { kmsKeyId: UNKNOWN })), []);
    });
    it("flags a trail without a key, advisory by default (a cost trade-off)", () => {
        const d = runResource(trailKmsEncrypted, res(T.trail, "org", {}));
        assert.match(d[0].detail, /^org: kmsKeyId is not set/);
        assert.equal(d[0].enforcementLevel, "advisory");
    });
});

import * as assert from "node:assert/strict";
import { trailKmsEncrypted } from "../../policies/cloudtrail/trailKmsEncrypted";
import { trailLogFileValidation } from "../../policies/cloudtrail/trailLogFileValidation";
import { res, T } from "./helpers/fixtures";
import { details, runResource, UNKNOWN } from "./helpers/server";

describe("cloudtrail-trail-log-file-validation", () => {
    it("accepts log file validation", () => {
        assert.deepEqual(runResource(trailLogFileValidation, res(T.trail, "org", { enableLogFileValidation: true })), []);
    });
    it("flags a trail without it", () => {
        assert.deepEqual(details(runResource(trailLogFileValidation, res(T.trail, "org", {}))),
            ["org: enableLogFileValidation is not set, so altered or deleted log files go unnoticed. Set enableLogFileValidation: true."]);
    });
});

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

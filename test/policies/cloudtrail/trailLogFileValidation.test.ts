import * as assert from "node:assert/strict";
import { trailLogFileValidation } from "../../../policies/cloudtrail/trailLogFileValidation";
import { res, T } from "../helpers/fixtures";
import { details, runResource } from "../helpers/server";

describe("cloudtrail-trail-log-file-validation", () => {
    it("accepts log file validation", () => {
        assert.deepEqual(runResource(trailLogFileValidation, res(T.trail, "org", { enableLogFileValidation: true })), []);
    });
    it("flags a trail without it", () => {
        assert.deepEqual(details(runResource(trailLogFileValidation, res(T.trail, "org", {}))),
            ["org: enableLogFileValidation is not set, so altered or deleted log files go unnoticed. Set enableLogFileValidation: true."]);
    });
});

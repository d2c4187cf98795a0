import * as assert from "node:assert/strict";
import { logGroupRetentionRequired } from "../../../policies/cloudwatch/logGroupRetentionRequired";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("cloudwatch-log-group-retention-required", () => {
    it("accepts a retention period", () => {
        assert.deepEqual(runResource(logGroupRetentionRequired, res(T.logGroup, "containers", { name: "/chat/dev/containers", retentionInDays: 14 })), []);
    });
    it("flags a log group without retention", () => {
        assert.deepEqual(details(runResource(logGroupRetentionRequired, res(T.logGroup, "containers", {}))),
            ["containers: retentionInDays is not set, so logs are kept and billed forever. Set retentionInDays, for example 30 in dev and 365 in prod."]);
    });
    it("flags 0, which means never expire", () => {
        assert.match(details(runResource(logGroupRetentionRequired, res(T.logGroup, "c", { retentionInDays: 0 })))[0], /retentionInDays is 0 \(never expire\)/);
    });
    it("flags retention below the configured minimum", () => {
        assert.deepEqual(details(runResource(logGroupRetentionRequired, res(T.logGroup, "c", { retentionInDays: 7 }), { config: { minimumRetentionDays: 14 } })),
            ["c: retentionInDays is 7, below this stack's minimum of 14 days. Raise retentionInDays to at least 14."]);
    });
    it("notes an unknown retention", () => {
        assert.equal(advisory(runResource(logGroupRetentionRequired, res(T.logGroup, "c", { retentionInDays: UNKNOWN }))).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { tablePointInTimeRecovery } from "../../../policies/dynamodb/tablePointInTimeRecovery";
import { res, T } from "../helpers/fixtures";
import { details, runResource } from "../helpers/server";

describe("dynamodb-table-point-in-time-recovery", () => {
    it("accepts a table with point-in-time recovery", () => {
        assert.deepEqual(runResource(tablePointInTimeRecovery, res(T.table, "sessions", { pointInTimeRecovery: { enabled: true } })), []);
    });
    it("flags a table without it", () => {
        assert.deepEqual(details(runResource(tablePointInTimeRecovery, res(T.table, "sessions", { billingMode: "PAY_PER_REQUEST" }))),
            ["sessions: pointInTimeRecovery.enabled is not set, so a bad write or delete cannot be rolled back. Set pointInTimeRecovery: { enabled: true }."]);
    });
});

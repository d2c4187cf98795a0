import * as assert from "node:assert/strict";
import { res } from "../helpers/fixtures";
import { UNKNOWN, details, runResource } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { instanceNoPublicAccess } from "../../../policies/rds/instanceNoPublicAccess";

describe("rds-instance-no-public-access", () => {
    judgesSetting(instanceNoPublicAccess, {
        type: "aws:rds/clusterInstance:ClusterInstance",
        name: "aurora-1",
        base: { clusterIdentifier: UNKNOWN, engine: "aurora-postgresql", instanceClass: "db.r6g.large" },
        passes: {
        "publiclyAccessible: false": { publiclyAccessible: false },
    },
        fails: {
        "publiclyAccessible: true": { publiclyAccessible: true },
    },
        absent: "passes",
        unknown: { publiclyAccessible: UNKNOWN },
        mentions: ["publiclyAccessible", "publiclyAccessible: false"],
    });
    it("judges RDS DB instances too", () => {
        assert.equal(runResource(instanceNoPublicAccess, res("aws:rds/instance:Instance", "db", { engine: "postgres", publiclyAccessible: true })).length, 1);
        assert.deepEqual(details(runResource(instanceNoPublicAccess, res("aws:rds/instance:Instance", "db", { engine: "postgres" }))), []);
    });
});

import * as assert from "node:assert/strict";
import { noWildcardResourceWrites } from "../../../policies/iam/noWildcardResourceWrites";
import { res } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

const policy = (statement: Record<string, unknown>) => res("aws:iam/policy:Policy", "app", {
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...statement }] }),
});
const run = (statement: Record<string, unknown>) => runResource(noWildcardResourceWrites, policy(statement));

describe("iam-no-wildcard-resource-writes", () => {
    it("accepts writes scoped to resources and reads on \"*\"", () => {
        assert.deepEqual(details(run({ Action: ["s3:PutObject", "s3:DeleteObject"], Resource: "arn:aws:s3:::uploads/*" })), []);
        assert.deepEqual(details(run({ Action: ["s3:GetObject", "ec2:Describe*", "s3:List*"], Resource: "*" })), []);
    });
    it("accepts the write actions AWS only grants on \"*\" (X-Ray, metrics, Lambda VPC interfaces)", () => {
        assert.deepEqual(details(run({ Action: ["xray:PutTraceSegments", "cloudwatch:PutMetricData", "ec2:CreateNetworkInterface"], Resource: "*" })), []);
    });
    it("flags write and delete actions on Resource \"*\" in every spelling that can match one", () => {
        assert.deepEqual(details(run({ Action: ["dynamodb:DeleteTable", "s3:GetObject"], Resource: "*" })),
            ["app: policy statement 0 allows dynamodb:DeleteTable on Resource \"*\", so the holder can change or delete every such resource in the account. Name the ARNs the actions may change."]);
        for (const action of ["s3:Put*", "s3:P*", "dynamodb:*Item", "iam:*", "sqs:sendmessage"]) assert.equal(run({ Action: action, Resource: "*" }).length, 1, action);
        assert.equal(run({ Action: "s3:PutObject", Resource: "arn:aws:s3:::*" }).length, 0, "arn:aws:s3:::* names every bucket, not every resource");
        assert.equal(run({ Action: "s3:PutObject", NotResource: "arn:aws:s3:::logs/*" }).length, 1, "NotResource grants every other resource");
    });
    it("takes the allowed list from config", () => {
        assert.deepEqual(run({ Action: "sqs:SendMessage", Resource: "*" }).length, 1);
        assert.deepEqual(runResource(noWildcardResourceWrites, policy({ Action: "sqs:SendMessage", Resource: "*" }), { config: { allowedActions: ["sqs:SendMessage"] } }), []);
    });
    it("treats a resource not known during preview as scoped (it is another resource's ARN, never \"*\")", () => {
        assert.deepEqual(run({ Action: ["s3:ListBucket", "s3:PutObject"], Resource: [UNKNOWN] }), []);
        assert.equal(run({ Action: "s3:PutObject", Resource: [UNKNOWN, "*"] }).length, 1, "a known \"*\" beside it still counts");
    });
    it("notes, and neither passes nor fails, a document or an action list not known during preview", () => {
        for (const diags of [runResource(noWildcardResourceWrites, res("aws:iam/policy:Policy", "app", { policy: UNKNOWN })), run({ Action: UNKNOWN, Resource: "*" })]) {
            assert.equal(diags.length, 1);
            assert.equal(diags[0].enforcementLevel, "advisory");
            assert.match(diags[0].detail, /not known during preview/);
        }
    });
});

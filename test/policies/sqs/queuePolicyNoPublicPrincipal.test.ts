import * as assert from "node:assert/strict";
import { queuePolicyNoPublicPrincipal } from "../../../policies/sqs/queuePolicyNoPublicPrincipal";
import { res } from "../helpers/fixtures";
import { judgesPublicPolicy } from "../helpers/publicPolicyCases";
import { runResource, UNKNOWN } from "../helpers/server";

describe("sqs-queue-policy-no-public-principal", () => {
    judgesPublicPolicy(queuePolicyNoPublicPrincipal, "aws:sqs/queuePolicy:QueuePolicy", { queueUrl: UNKNOWN }, "sqs:SendMessage");
    it("judges a queue's own policy input the same way", () => {
        const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:*", Resource: "*" }] });
        assert.equal(runResource(queuePolicyNoPublicPrincipal, res("aws:sqs/queue:Queue", "jobs", { policy })).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { topicPolicyNoPublicPrincipal } from "../../../policies/sns/topicPolicyNoPublicPrincipal";
import { res } from "../helpers/fixtures";
import { judgesPublicPolicy } from "../helpers/publicPolicyCases";
import { runResource, UNKNOWN } from "../helpers/server";

describe("sns-topic-policy-no-public-principal", () => {
    judgesPublicPolicy(topicPolicyNoPublicPrincipal, "aws:sns/topicPolicy:TopicPolicy", { arn: UNKNOWN }, "SNS:Publish");
    it("judges a topic's own policy input the same way", () => {
        const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "SNS:Subscribe", Resource: "*" }] });
        assert.equal(runResource(topicPolicyNoPublicPrincipal, res("aws:sns/topic:Topic", "events", { policy })).length, 1);
    });
});

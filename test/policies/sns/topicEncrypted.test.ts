import * as assert from "node:assert/strict";
import { topicEncrypted } from "../../../policies/sns/topicEncrypted";
import { res, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

describe("sns-topic-encrypted", () => {
    it("accepts a topic with a KMS key, also when the key's id is unknown during preview", () => {
        assert.deepEqual(runResource(topicEncrypted, res(T.topic, "alerts", { kmsMasterKeyId: "alias/alerts" })), []);
        assert.deepEqual(runResource(topicEncrypted, res(T.topic, "alerts", { kmsMasterKeyId: UNKNOWN })), []);
    });
    it("flags an unencrypted topic", () => {
        assert.deepEqual(details(runResource(topicEncrypted, res(T.topic, "alerts", {}))),
            ["alerts: kmsMasterKeyId is not set, so messages are stored unencrypted. Set kmsMasterKeyId to a customer-managed key (for alarm topics its policy must let cloudwatch.amazonaws.com use it)."]);
    });
});

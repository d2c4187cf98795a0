import * as assert from "node:assert/strict";
import { keyPolicyNoPublicPrincipal } from "../../../policies/kms/keyPolicyNoPublicPrincipal";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

const ROOT_STATEMENT = { Sid: "EnableIAMPolicies", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const policy = (...statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

describe("kms-key-policy-no-public-principal", () => {
    it("accepts the AWS-documented account-root statement and service grants", () => {
        const doc = policy(ROOT_STATEMENT, { Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" });
        assert.deepEqual(runResource(keyPolicyNoPublicPrincipal, res(T.kmsKey, "alerts-key", { policy: doc })), []);
    });
    it("accepts Principal \"*\" pinned with kms:CallerAccount", () => {
        const doc = policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } });
        assert.deepEqual(runResource(keyPolicyNoPublicPrincipal, res(T.kmsKey, "k", { policy: doc })), []);
    });
    it("flags Principal \"*\" without a pinning condition", () => {
        assert.deepEqual(details(runResource(keyPolicyNoPublicPrincipal, res(T.kmsKey, "k", { policy: policy(ROOT_STATEMENT, { Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }) }))),
            ["k: policy statement 1 allows Principal \"*\" with no condition pinning the caller, so any AWS account can use the key. Grant to arn:aws:iam::<account>:root, named roles or services, or add a kms:CallerAccount condition."]);
    });
    it("flags the same on an aws.kms.KeyPolicy resource", () => {
        assert.equal(runResource(keyPolicyNoPublicPrincipal, res(T.kmsKeyPolicy, "kp", { keyId: UNKNOWN, policy: policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }) })).length, 1);
    });
    it("notes a key policy that is unknown during preview", () => {
        assert.equal(advisory(runResource(keyPolicyNoPublicPrincipal, res(T.kmsKey, "k", { policy: UNKNOWN }))).length, 1);
    });
});

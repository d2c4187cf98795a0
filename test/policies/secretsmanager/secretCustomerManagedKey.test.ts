import * as assert from "node:assert/strict";
import { secretCustomerManagedKey } from "../../../policies/secretsmanager/secretCustomerManagedKey";
import { res, T } from "../helpers/fixtures";
import { details, runResource, UNKNOWN } from "../helpers/server";

describe("secretsmanager-secret-customer-managed-key", () => {
    it("accepts a secret encrypted with the stack's key", () => {
        assert.deepEqual(runResource(secretCustomerManagedKey, res(T.secret, "db", { kmsKeyId: UNKNOWN })), []);
    });
    it("flags a secret on the AWS-managed key, advisory by default (a cost trade-off)", () => {
        const d = runResource(secretCustomerManagedKey, res(T.secret, "db", {}));
        assert.deepEqual(details(d), ["db: kmsKeyId is not set, so the secret uses the AWS-managed key aws/secretsmanager, which every principal with secretsmanager:GetSecretValue can use. "
            + "Set kmsKeyId to the stack's customer-managed key and grant kms:Decrypt only to the roles that read the secret."]);
        assert.equal(d[0].enforcementLevel, "advisory");
    });
});

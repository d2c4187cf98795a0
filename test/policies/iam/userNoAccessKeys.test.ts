import * as assert from "node:assert/strict";
import { userNoAccessKeys } from "../../../policies/iam/userNoAccessKeys";
import { res, T } from "../helpers/fixtures";
import { details, runResource } from "../helpers/server";

describe("iam-user-no-access-keys", () => {
    it("flags an access key", () => {
        assert.deepEqual(details(runResource(userNoAccessKeys, res(T.accessKey, "ci-key", { user: "ci" }))),
            ["ci-key: creates a long-lived access key for an IAM user; such keys leak through laptops, CI logs and repositories and stay valid until someone rotates them. "
                + "Remove it and give the workload a role: an instance profile, an ECS task role, or a GitHub OIDC role for CI."]);
    });
    it("accepts an inactive key", () => {
        assert.deepEqual(runResource(userNoAccessKeys, res(T.accessKey, "old-key", { user: "ci", status: "Inactive" })), []);
    });
    it("skips an exempt key", () => {
        assert.deepEqual(runResource(userNoAccessKeys, res(T.accessKey, "ses-smtp", { user: "smtp" }), { config: { exemptions: [{ resource: "ses-smtp", reason: "SES SMTP needs user credentials" }] } }), []);
    });
});

import * as assert from "node:assert/strict";
import { userPoolPasswordPolicy } from "../../../policies/cognito/userPoolPasswordPolicy";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

describe("cognito-user-pool-password-policy", () => {
    it("accepts the configured minimum length", () => {
        assert.deepEqual(runResource(userPoolPasswordPolicy, res(T.userPool, "users", { passwordPolicy: { minimumLength: 12 } })), []);
    });
    it("flags Cognito's default of 8 when no policy is set", () => {
        assert.deepEqual(details(runResource(userPoolPasswordPolicy, res(T.userPool, "users", {}))),
            ["users: passwordPolicy.minimumLength is not set (Cognito uses 8), below this stack's minimum of 12. Set passwordPolicy.minimumLength to at least 12."]);
    });
    it("follows the configured minimum", () => {
        assert.deepEqual(runResource(userPoolPasswordPolicy, res(T.userPool, "users", { passwordPolicy: { minimumLength: 10 } }), { config: { minimumLength: 10 } }), []);
    });
    it("notes an unknown length", () => {
        assert.equal(advisory(runResource(userPoolPasswordPolicy, res(T.userPool, "users", { passwordPolicy: { minimumLength: UNKNOWN } }))).length, 1);
    });
});

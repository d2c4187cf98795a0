import * as assert from "node:assert/strict";
import { parameterSecretsSecureString } from "../../../policies/ssm/parameterSecretsSecureString";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, secret, UNKNOWN } from "../helpers/server";

describe("ssm-parameter-secrets-secure-string", () => {
    it("accepts a secret stored as SecureString", () => {
        assert.deepEqual(runResource(parameterSecretsSecureString, res(T.parameter, "db", { name: "/chat/prod/db-password", type: "SecureString", value: secret("x") })), []);
    });
    it("accepts plain configuration stored as String", () => {
        assert.deepEqual(runResource(parameterSecretsSecureString, res(T.parameter, "port", { name: "/chat/prod/app-port", type: "String", value: "5000" })), []);
    });
    it("flags a secret-named parameter stored as String", () => {
        assert.deepEqual(details(runResource(parameterSecretsSecureString, res(T.parameter, "db", { name: "/chat/prod/db-password", type: "String", value: secret("hunter2") }))),
            ["db: type is \"String\" although its name (/chat/prod/db-password) says it holds a secret, so the value is stored and shown unencrypted. Set type: \"SecureString\"."]);
    });
    it("judges by the logical name when the parameter name is not set", () => {
        assert.equal(runResource(parameterSecretsSecureString, res(T.parameter, "api-token", { type: "String", value: "x" })).length, 1);
    });
    it("flags a token-shaped value under any name", () => {
        assert.match(details(runResource(parameterSecretsSecureString, res(T.parameter, "config", { name: "/chat/config", type: "String", value: "AKIAABCDEFGHIJKLMNOP" })))[0], /its value looks like an AWS access key id/);
    });
    it("notes an unknown name or type", () => {
        assert.equal(advisory(runResource(parameterSecretsSecureString, res(T.parameter, "p", { name: UNKNOWN, type: "String", value: "x" }))).length, 1);
        assert.equal(advisory(runResource(parameterSecretsSecureString, res(T.parameter, "p", { name: "/a/secret", type: UNKNOWN }))).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { functionNoSecretsInEnvironment } from "../../../policies/lambda/functionNoSecretsInEnvironment";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, secret, UNKNOWN } from "../helpers/server";

describe("lambda-function-no-secrets-in-environment", () => {
    it("accepts settings and secret ARNs", () => {
        assert.deepEqual(runResource(functionNoSecretsInEnvironment, res(T.lambda, "ws-handler", { environment: { variables: { TABLE: "sessions", DB_SECRET_ARN: UNKNOWN } } })), []);
    });
    it("flags a secret-named variable with a value, also one passed as a Pulumi secret", () => {
        assert.deepEqual(details(runResource(functionNoSecretsInEnvironment, res(T.lambda, "ws-handler", { environment: { variables: { REDIS_AUTH_TOKEN: secret("abcdefghijklmnop") } } }))),
            ["ws-handler: environment.variables.REDIS_AUTH_TOKEN holds a literal secret value, readable by anyone who can get the function's configuration. "
                + "Pass the secret's ARN (e.g. REDIS_AUTH_TOKEN_ARN) and read it at runtime from Secrets Manager or SSM Parameter Store."]);
    });
    it("notes a secret-named variable whose value is unknown during preview", () => {
        assert.equal(advisory(runResource(functionNoSecretsInEnvironment, res(T.lambda, "f", { environment: { variables: { API_KEY: UNKNOWN } } }))).length, 1);
    });
    it("notes unknown variables", () => {
        assert.equal(advisory(runResource(functionNoSecretsInEnvironment, res(T.lambda, "f", { environment: { variables: UNKNOWN } }))).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { functionNoSecretsInEnvironment } from "../../policies/lambda/functionNoSecretsInEnvironment";
import { permissionNoPublicInvoke } from "../../policies/lambda/permissionNoPublicInvoke";
import { res, T } from "./helpers/fixtures";
import { advisory, details, runResource, secret, UNKNOWN } from "./helpers/server";

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

describe("lambda-permission-no-public-invoke", () => {
    it("accepts API Gateway scoped by sourceArn", () => {
        assert.deepEqual(runResource(permissionNoPublicInvoke, res(T.permission, "ws-invoke", { action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com", sourceArn: UNKNOWN })), []);
    });
    it("accepts an account principal", () => {
        assert.deepEqual(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: "123456789012" })), []);
    });
    it("flags \"*\"", () => {
        assert.match(details(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: "*" })))[0], /^p: principal is "\*", so anyone can invoke the function/);
    });
    it("accepts \"*\" on a function URL that requires IAM auth", () => {
        assert.deepEqual(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: "*", action: "lambda:InvokeFunctionUrl", functionUrlAuthType: "AWS_IAM" })), []);
    });
    it("flags a service principal without sourceArn or sourceAccount", () => {
        assert.deepEqual(details(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: "s3.amazonaws.com" }))),
            ["p: grants s3.amazonaws.com without sourceArn or sourceAccount, so that service acting for any AWS account can invoke the function. Set sourceArn to the exact API, rule or bucket ARN."]);
    });
    it("notes an unknown principal", () => {
        assert.equal(advisory(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: UNKNOWN }))).length, 1);
    });
});

import * as assert from "node:assert/strict";
import { permissionNoPublicInvoke } from "../../../policies/lambda/permissionNoPublicInvoke";
import { res, T } from "../helpers/fixtures";
import { advisory, details, runResource, UNKNOWN } from "../helpers/server";

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

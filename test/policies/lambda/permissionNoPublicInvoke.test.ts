import * as assert from "node:assert/strict";
import { permissionNoPublicInvoke } from "../../../policies/lambda/permissionNoPublicInvoke";
import { res, T } from "../helpers/fixtures";
import { advisory, details, mandatory, runResource, UNKNOWN } from "../helpers/server";

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
            ["p: grants s3.amazonaws.com without a sourceArn or sourceAccount that names one source (sourceArn not set, sourceAccount not set), so that service acting for any AWS account can invoke the function. Set sourceArn to the exact API, rule or bucket ARN."]);
    });
    it("flags a service principal whose sourceArn or sourceAccount is empty, null, \"*\" or an any-account ARN", () => {
        for (const scope of [{ sourceArn: "" }, { sourceArn: null }, { sourceArn: "*" }, { sourceArn: " ** " }, { sourceAccount: "*" }, { sourceAccount: "" },
            { sourceArn: "arn:aws:execute-api:us-east-1:*:*" }, { sourceArn: "arn:aws:s3:::*" }, { sourceArn: "*", sourceAccount: null }]) {
            assert.equal(mandatory(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: "apigateway.amazonaws.com", ...scope }))).length, 1, JSON.stringify(scope));
        }
    });
    it("accepts a service principal pinned by a concrete sourceArn or sourceAccount", () => {
        for (const scope of [{ sourceArn: "arn:aws:execute-api:us-east-1:123456789012:abc123/*/*" }, { sourceArn: "arn:aws:s3:::uploads-bucket" }, { sourceAccount: "123456789012" },
            { sourceArn: "*", sourceAccount: "123456789012" }]) {
            assert.deepEqual(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: "s3.amazonaws.com", ...scope })), [], JSON.stringify(scope));
        }
    });
    it("notes an unknown principal", () => {
        assert.equal(advisory(runResource(permissionNoPublicInvoke, res(T.permission, "p", { principal: UNKNOWN }))).length, 1);
    });
});
